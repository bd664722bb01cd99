import { Logger } from '@nestjs/common';

const logger = new Logger('TwilioPayload');
const seen = new Set<string>();
// Only signed requests get here, but a bound keeps a misbehaving sender from growing the set.
const MAX_REMEMBERED = 1000;

/**
 * Logs, once per field and value, a value that the documented set does not contain. Twilio adds
 * values without notice: the value is kept and passed on, never refused.
 */
export function noteUnknownValue(field: string, value: string, what = 'value'): void {
  const key = `${field}\u0000${value}`;
  if (seen.has(key) || seen.size >= MAX_REMEMBERED) return;
  seen.add(key);
  logger.warn(
    `Twilio sent ${field}=${JSON.stringify(value)}, a ${what} this version does not know; ` +
      `it is passed on unchanged.`,
  );
}
