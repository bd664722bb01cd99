import { Logger, Module } from '@nestjs/common';
import type { TwilioWebhookModuleOptions } from './interfaces/twilio-webhook-options.interface.js';
import { TwilioSignatureGuard } from './signature/twilio-signature.guard.js';
import { TwilioReplyInterceptor } from './twiml/twilio-reply.interceptor.js';
import { TWILIO_WEBHOOK_OPTIONS } from './twilio-webhook.constants.js';
import { VALIDATION_DISABLED } from './twilio-webhook.messages.js';
import {
  ConfigurableModuleClass,
  TWILIO_WEBHOOK_RAW_OPTIONS,
} from './twilio-webhook.module-definition.js';
import { resolveTwilioWebhookOptions } from './twilio-webhook-options.resolver.js';

/**
 * Receives Twilio webhooks: signature checks, typed payloads, TwiML replies.
 * Global by default (`isGlobal: false` to scope it).
 *
 * @publicApi
 * @example
 * TwilioWebhookModule.forRoot({ authToken: process.env.TWILIO_AUTH_TOKEN })
 * TwilioWebhookModule.forRootAsync({
 *   imports: [ConfigModule],
 *   inject: [ConfigService],
 *   useFactory: (config: ConfigService) => ({ authToken: config.getOrThrow('TWILIO_AUTH_TOKEN') }),
 * })
 */
@Module({
  providers: [
    {
      provide: TWILIO_WEBHOOK_OPTIONS,
      inject: [TWILIO_WEBHOOK_RAW_OPTIONS],
      useFactory: (options: TwilioWebhookModuleOptions) => {
        const resolved = resolveTwilioWebhookOptions(options);
        if (!resolved.validateSignature) new Logger('TwilioWebhookModule').error(VALIDATION_DISABLED());
        return resolved;
      },
    },
    TwilioSignatureGuard,
    TwilioReplyInterceptor,
  ],
  exports: [TWILIO_WEBHOOK_OPTIONS, TwilioSignatureGuard, TwilioReplyInterceptor],
})
export class TwilioWebhookModule extends ConfigurableModuleClass {}
