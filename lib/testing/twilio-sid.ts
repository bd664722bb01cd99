import { randomBytes } from 'node:crypto';

/** A Twilio SID: two upper-case letters and 32 hexadecimal digits. */
export const TWILIO_SID_PATTERN = /^[A-Z]{2}[0-9a-fA-F]{32}$/;

/**
 * A new, random SID with the given two-letter prefix, shaped like the ones Twilio issues
 * (lower-case hex): `twilioSid('SM')` → `SM3f9c…` (34 characters).
 *
 * @publicApi
 * @example
 * const callSid = twilioSid('CA');
 */
export function twilioSid(prefix: string): string {
  if (!/^[A-Z]{2}$/.test(prefix)) {
    throw new TypeError(
      `A Twilio SID prefix is two upper-case letters (e.g. "SM"), not "${prefix}".`,
    );
  }
  return prefix + randomBytes(16).toString('hex');
}

/**
 * Whether a value is shaped like a Twilio SID, optionally with a given prefix.
 * @publicApi
 */
export function isTwilioSid(value: unknown, prefix?: string): value is string {
  if (typeof value !== 'string' || !TWILIO_SID_PATTERN.test(value)) return false;
  return prefix === undefined || value.startsWith(prefix);
}
