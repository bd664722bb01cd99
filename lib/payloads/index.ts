export * from './dto/index.js';
export * from './enums/index.js';
export * from './fields/index.js';
export {
  TWILIO_PAYLOAD_TYPES,
  type TwilioPayloadType,
  type TwilioPayloadResult,
} from './twilio-payload-type.js';
export {
  getTwilioRequestState,
  payloadOfRequest,
  payloadResultOf,
  transformTwilioPayload,
} from './twilio-payload.factory.js';
