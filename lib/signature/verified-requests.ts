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

const VERIFIED = Symbol.for('nestjs-twilio-webhooks:verified-request');
const hasOwn = Object.prototype.hasOwnProperty;

// One property on the request, added once and read as an own property. Measured alternatives:
// several symbol properties cost Express several µs per webhook (its request objects are in
// dictionary mode, and an absent property is looked up along a long prototype chain), and a
// WeakMap keyed by the request cost both adapters about 4 µs of garbage collection per webhook.

/** What the guard recorded for `req`; `undefined` when no guard passed it. */
export function verifiedRequestOf(req: object): VerifiedRequest | undefined {
  return hasOwn.call(req, VERIFIED)
    ? ((req as Record<symbol, unknown>)[VERIFIED] as VerifiedRequest)
    : undefined;
}

/** Records that `req` passed the signature guard. */
export function recordVerifiedRequest(
  req: object,
  state: TwilioRequestState,
  responder: TwilioRouteResponder | undefined,
): void {
  (req as Record<symbol, unknown>)[VERIFIED] = { state, responder, payload: undefined };
}
