/**
 * Parameters exactly as Twilio sent them: one string per key, an array where a key repeats.
 * @publicApi
 */
export type TwilioParams = Record<string, string | string[]>;

/**
 * What the guard verified about a webhook request. Left on the request for `@TwilioPayload()`,
 * the event context and user code (`getTwilioRequestState(req)`).
 * @publicApi
 */
export interface TwilioRequestState {
  /** The URL the signature was checked against: the one Twilio requested. */
  readonly url: string;
  /** Form or query-string parameters as sent (for GET, the query string's). `{}` for JSON. */
  readonly params: TwilioParams;
  /** The request bytes of a JSON (`bodySHA256`) webhook. */
  readonly rawBody?: Buffer;
  /** The parsed JSON body of a `bodySHA256` webhook. */
  readonly json?: unknown;
  /** `AccountSid` of the request, when it carries one. */
  readonly accountSid?: string;
  /** `I-Twilio-Idempotency-Token`, reused by Twilio across retries of one delivery. */
  readonly idempotencyToken?: string;
  /** When the guard saw the request. */
  readonly receivedAt: Date;
  /** `false` only when `validateSignature: false` let the request through unchecked. */
  readonly verified: boolean;
}
