import { Module } from '@nestjs/common';
import { TwilioEventStreamsSetup } from './twilio-event-streams.setup.js';
import { TwilioWebhookConfigurator } from './twilio-webhook.configurator.js';
import { TwilioConfigurationModuleClass } from './twilio-webhook-configuration.module-definition.js';

/**
 * Optional: configures Twilio from code. Provides `TwilioWebhookConfigurator` (point numbers and
 * Messaging Services at this app's routes) and `TwilioEventStreamsSetup` (Sinks and
 * Subscriptions). Needs account credentials or an API key; the twilio SDK's REST client is
 * loaded on first use only.
 *
 * @publicApi
 * @example
 * TwilioWebhookConfigurationModule.forRootAsync({
 *   inject: [ConfigService],
 *   useFactory: (config: ConfigService) => ({
 *     accountSid: config.getOrThrow('TWILIO_ACCOUNT_SID'),
 *     apiKey: config.getOrThrow('TWILIO_API_KEY'),
 *     apiSecret: config.getOrThrow('TWILIO_API_SECRET'),
 *   }),
 * })
 */
@Module({
  providers: [TwilioWebhookConfigurator, TwilioEventStreamsSetup],
  exports: [TwilioWebhookConfigurator, TwilioEventStreamsSetup],
})
export class TwilioWebhookConfigurationModule extends TwilioConfigurationModuleClass {}
