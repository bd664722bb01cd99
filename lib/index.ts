export * from './configuration/index.js';
export * from './connection-overrides/index.js';
export * from './decorators/index.js';
export * from './events/index.js';
export * from './idempotency/index.js';
export * from './interfaces/index.js';
export * from './payloads/index.js';
export * from './queue/index.js';
export * from './routes/index.js';
export * from './signature/index.js';
export * from './twiml/index.js';
export {
  EMPTY_TWIML,
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  SIGNATURE_SETTINGS_HEADER,
  TWILIO_ACTION_VERB,
  TWILIO_ROUTE_KIND,
  TWILIO_WEBHOOK_OPTIONS,
} from './twilio-webhook.constants.js';
export { TwilioWebhookModule } from './twilio-webhook.module.js';
export type {
  TwilioWebhookModuleAsyncOptions,
  TwilioWebhookModuleForRootOptions,
} from './twilio-webhook.module-definition.js';
