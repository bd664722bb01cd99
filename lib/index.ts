export * from './decorators/index.js';
export * from './interfaces/index.js';
export { getTwilioRequestState } from './payloads/twilio-payload.factory.js';
export * from './signature/index.js';
export * from './twiml/index.js';
export {
  EMPTY_TWIML,
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  SIGNATURE_SETTINGS_HEADER,
  TWILIO_WEBHOOK_OPTIONS,
} from './twilio-webhook.constants.js';
export { TwilioWebhookModule } from './twilio-webhook.module.js';
export { ASYNC_OPTIONS_TYPE, OPTIONS_TYPE } from './twilio-webhook.module-definition.js';
