import { EMPTY_TWIML } from '../twilio-webhook.constants.js';

/**
 * What a TwiML route handler may return: a `MessagingResponse` / `VoiceResponse` (anything whose
 * `toString()` gives TwiML), a TwiML string, or nothing for an empty `<Response/>`.
 * @publicApi
 */
export type TwimlReply = { toString(): string } | string | undefined | null | void;

/** Turns a handler's return value into the TwiML document sent to Twilio. */
export function toTwimlString(value: unknown): string {
  if (value === undefined || value === null) return EMPTY_TWIML;
  if (typeof value === 'string') return value === '' ? EMPTY_TWIML : value;
  if (
    typeof value === 'object' &&
    typeof (value as { toString?: unknown }).toString === 'function' &&
    (value as object).toString !== Object.prototype.toString
  ) {
    return String(value);
  }
  throw new TypeError(
    `A TwiML route returned ${describe(value)}; return a MessagingResponse, a VoiceResponse, ` +
      `a TwiML string, or nothing.`,
  );
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'a plain object' : `a ${typeof value}`;
}
