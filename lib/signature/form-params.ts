import type { TwilioParams } from './twilio-request-state.interface.js';

/**
 * Parses `application/x-www-form-urlencoded` text into the parameters Twilio signed: keys and
 * values decoded once, a repeated key kept as an array in arrival order. The result has no
 * prototype, so a key such as `__proto__` stays an ordinary key.
 */
export function parseFormParams(text: string): TwilioParams {
  const params: TwilioParams = Object.create(null);
  if (text === '') return params;
  for (const [key, value] of new URLSearchParams(text)) {
    const seen = params[key];
    if (seen === undefined) params[key] = value;
    else if (typeof seen === 'string') params[key] = [seen, value];
    else seen.push(value);
  }
  return params;
}

/**
 * Accepts a body that a body parser already produced, when it is still flat (strings and arrays
 * of strings): that is all Twilio sends. Returns `undefined` for anything nested, which only an
 * extended parser produces and which cannot be turned back into what was signed.
 */
export function flatParamsOf(body: unknown): TwilioParams | undefined {
  if (body === undefined || body === null || body === '') return Object.create(null);
  if (typeof body !== 'object' || Buffer.isBuffer(body)) return undefined;
  const params: TwilioParams = Object.create(null);
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') params[key] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      params[key] = [...value];
    } else return undefined;
  }
  return params;
}
