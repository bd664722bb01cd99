export type {
  TwilioConfigurationOptions,
  TwilioHttpClient,
  WebhookConfigurationCallOptions,
  WebhookRouteRef,
} from './twilio-configuration-options.interface.js';
export {
  TwilioEventStreamsSetup,
  type EventStreamsSetupResult,
  type EventStreamsSinkOptions,
  type EventStreamsSubscriptionOptions,
  type EventStreamsType,
} from './twilio-event-streams.setup.js';
export { TwilioWebhookConfigurator } from './twilio-webhook.configurator.js';
export type {
  MessagingServiceWebhooks,
  PhoneNumberConfigurationOptions,
  PhoneNumberWebhooks,
} from './twilio-webhook-targets.interface.js';
export { TwilioWebhookConfigurationModule } from './twilio-webhook-configuration.module.js';
export {
  TWILIO_CONFIGURATION_OPTIONS,
  TWILIO_CONFIGURATION_ASYNC_OPTIONS_TYPE,
  TWILIO_CONFIGURATION_OPTIONS_TYPE,
} from './twilio-webhook-configuration.module-definition.js';
export {
  formatWebhookConfigurationPlan,
  type WebhookConfigurationPlan,
  type WebhookSettingChange,
} from './webhook-configuration.plan.js';
