import type { BadRequestException } from '@nestjs/common';
import type { TwilioPayloadResult } from '../payloads/twilio-payload-type.js';
import type { TwilioRouteResponder } from '../twiml/twilio-route.responder.js';
import type { TwilioRequestState } from './twilio-request-state.interface.js';

/** What the package keeps about one request that passed the signature guard. */
export interface VerifiedRequest {
  readonly state: TwilioRequestState;
  /** The module's responder, for the route decorators' wrapper. */
  readonly responder: TwilioRouteResponder | undefined;
  /** The typed payload once computed, or the refusal of a malformed one. */
  payload: TwilioPayloadResult | BadRequestException | undefined;
}

/**
 * Kept beside the request rather than on it: adding properties to Express's request objects
 * (whose prototype Express swaps on every request) and looking up absent ones along their long
 * prototype chain cost several microseconds per webhook.
 */
const VERIFIED = new WeakMap<object, VerifiedRequest>();

/** What the guard recorded for `req`; `undefined` when no guard passed it. */
export function verifiedRequestOf(req: object): VerifiedRequest | undefined {
  return VERIFIED.get(req);
}

/** Records that `req` passed the signature guard. */
export function recordVerifiedRequest(
  req: object,
  state: TwilioRequestState,
  responder: TwilioRouteResponder | undefined,
): void {
  VERIFIED.set(req, { state, responder, payload: undefined });
}
