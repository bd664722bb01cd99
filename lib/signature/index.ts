export { TwilioSignatureGuard } from './twilio-signature.guard.js';
export type { TwilioParams, TwilioRequestState } from './twilio-request-state.interface.js';
export { SHARED_KEY_ALGORITHMS, type SharedKeyAlgorithm } from './shared-key-signature.js';
