/**
 * The kinds of webhook route, each with its own payload and reply.
 * @publicApi
 */
export const TWILIO_ROUTE_KINDS = [
  'inbound-message',
  'inbound-call',
  'action-callback',
  'status-callback',
  'recording-status',
  'debugger-event',
  'event-stream',
] as const;

/** @publicApi */
export type TwilioRouteKind = (typeof TWILIO_ROUTE_KINDS)[number];

/** Route kinds whose reply is TwiML (Twilio waits for it); the others answer 204. */
export const TWIML_ROUTE_KINDS: ReadonlySet<TwilioRouteKind> = new Set([
  'inbound-message',
  'inbound-call',
  'action-callback',
]);

/**
 * Per-route options of the route decorators.
 * @publicApi
 */
export interface TwilioRouteOptions {
  /**
   * The HTTP method configured in Twilio for this webhook. GET callbacks carry their parameters in
   * the query string.
   * @default 'POST'
   */
  method?: 'POST' | 'GET';
  /**
   * `@TwilioActionCallback` only: the verb whose `action` URL this is, so `@TwilioPayload()` gives
   * its class even when the parameters leave it open (a `<Gather>` that timed out).
   * @default recognised from the parameters (`DialCallStatus`, `RecordingUrl`, `Digits`, …)
   */
  verb?: TwilioActionVerb;
}

/**
 * TwiML verbs whose `action` URL an action callback route serves.
 * @publicApi
 */
export type TwilioActionVerb = 'gather' | 'record' | 'dial';
