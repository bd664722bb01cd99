export type { MediaItem } from './media-item.js';
export type { TwilioFieldKind, TwilioFieldOptions } from './twilio-field-spec.js';
export { TwilioField } from './twilio-field.decorator.js';
export { TwilioPayloadError } from './twilio-payload.error.js';
export {
  createTwilioPayload,
  rawTwilioPayloadOf,
  type TwilioPayloadClass,
} from './twilio-payload.builder.js';
