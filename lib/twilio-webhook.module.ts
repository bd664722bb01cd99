import { Logger, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TwilioEventBus } from './events/twilio-event-bus.js';
import { TwilioEventDispatcher } from './events/twilio-event.dispatcher.js';
import { TwilioEventRunner } from './events/twilio-event.runner.js';
import { TwilioHandlerExplorer } from './events/twilio-handler.explorer.js';
import { TwilioHandlerRegistry } from './events/twilio-handler.registry.js';
import { createIdempotencyStore } from './idempotency/idempotency-store.factory.js';
import { IdempotencyStore } from './idempotency/idempotency-store.interface.js';
import type { ResolvedTwilioWebhookOptions } from './interfaces/resolved-twilio-options.interface.js';
import type { TwilioWebhookModuleOptions } from './interfaces/twilio-webhook-options.interface.js';
import { TwilioDeadLetters } from './queue/twilio-dead-letters.service.js';
import { createEventQueue } from './queue/twilio-event-queue.factory.js';
import { TWILIO_EVENT_QUEUE } from './queue/twilio-event-queue.interface.js';
import { TwilioWebhookRouteLogger } from './routes/twilio-webhook-route.logger.js';
import { TwilioSignatureGuard } from './signature/twilio-signature.guard.js';
import { TwilioReplyInterceptor } from './twiml/twilio-reply.interceptor.js';
import { TwilioRouteResponder } from './twiml/twilio-route.responder.js';
import { TWILIO_WEBHOOK_OPTIONS } from './twilio-webhook.constants.js';
import { VALIDATION_DISABLED } from './twilio-webhook.messages.js';
import {
  ConfigurableModuleClass,
  TWILIO_WEBHOOK_RAW_OPTIONS,
} from './twilio-webhook.module-definition.js';
import { resolveTwilioWebhookOptions } from './twilio-webhook-options.resolver.js';

/**
 * Receives Twilio webhooks: signature checks, typed payloads, TwiML replies, and an event bus
 * that delivers each event once to `@OnTwilioEvent()` handlers. Global by default
 * (`isGlobal: false` to scope it). Every app instance has its own handlers, store and queue.
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
  imports: [DiscoveryModule],
  providers: [
    {
      provide: TWILIO_WEBHOOK_OPTIONS,
      inject: [TWILIO_WEBHOOK_RAW_OPTIONS],
      useFactory: (options: TwilioWebhookModuleOptions) => {
        const resolved = resolveTwilioWebhookOptions(options);
        if (!resolved.validateSignature) {
          new Logger('TwilioWebhookModule').error(VALIDATION_DISABLED());
        }
        return resolved;
      },
    },
    {
      provide: IdempotencyStore,
      inject: [TWILIO_WEBHOOK_OPTIONS],
      useFactory: (options: ResolvedTwilioWebhookOptions) => createIdempotencyStore(options),
    },
    {
      provide: TWILIO_EVENT_QUEUE,
      inject: [TWILIO_WEBHOOK_OPTIONS],
      useFactory: (options: ResolvedTwilioWebhookOptions) => createEventQueue(options),
    },
    TwilioSignatureGuard,
    TwilioReplyInterceptor,
    TwilioRouteResponder,
    TwilioHandlerRegistry,
    TwilioEventRunner,
    TwilioEventDispatcher,
    TwilioEventBus,
    TwilioDeadLetters,
    TwilioHandlerExplorer,
    // Outside production, start-up lists every webhook route with the URL to paste into Twilio.
    TwilioWebhookRouteLogger,
  ],
  exports: [
    TWILIO_WEBHOOK_OPTIONS,
    TwilioSignatureGuard,
    TwilioReplyInterceptor,
    TwilioRouteResponder,
    TwilioEventDispatcher,
    TwilioEventBus,
    TwilioDeadLetters,
    IdempotencyStore,
  ],
})
export class TwilioWebhookModule extends ConfigurableModuleClass {}
