import type { TwilioParams } from './twilio-request-state.interface.js';

/**
 * Objects without `Object.prototype` in their chain, like `Object.create(null)`, but in V8's fast
 * mode: `Object.create(null)` starts in dictionary mode, which made the signature check, the
 * payload and every later read of the parameters slower. A key such as `__proto__` stays an
 * ordinary key, since no `__proto__` setter is inherited.
 */
const ParamsObject = function ParamsObject() {} as unknown as new () => TwilioParams;
ParamsObject.prototype = Object.create(null) as TwilioParams;

/** An empty parameter object of the kind the guard hands on (no `Object.prototype`). */
export function emptyParams(): TwilioParams {
  return new ParamsObject();
}

/**
 * Parses `application/x-www-form-urlencoded` text into the parameters Twilio signed, as the
 * WHATWG form parser (`URLSearchParams`) reads it: keys and values decoded once, a repeated key
 * kept as an array in arrival order, empty pieces skipped. Unlike `new URLSearchParams()`, a
 * leading `?` is part of the first key, as the adapters' body parsers read it. Returns
 * `undefined` when the text has more than `maxParams` `&`-separated pieces (counted as Express's
 * body parser counts them).
 *
 * Written by hand because this runs on every webhook: most Twilio values need no decoding, and
 * slicing them out is about twice as fast as `URLSearchParams`, which it falls back to for text
 * whose percent escapes are not valid UTF-8.
 */
export function parseFormParams(text: string): TwilioParams;
export function parseFormParams(text: string, maxParams: number): TwilioParams | undefined;
export function parseFormParams(text: string, maxParams = Infinity): TwilioParams | undefined {
  const params = new ParamsObject();
  if (text === '') return params;
  // Lone surrogates (never in decoded bytes, possible in a caller's string) become U+FFFD there.
  let exact = text.isWellFormed();
  let pieces = 0;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('&', start);
    if (end === -1) end = text.length;
    if (++pieces > maxParams) return undefined;
    if (exact && end > start) {
      const eq = text.indexOf('=', start);
      const split = eq === -1 || eq > end ? end : eq;
      const key = decodePiece(text, start, split);
      const value = split === end ? '' : decodePiece(text, split + 1, end);
      if (key === undefined || value === undefined) exact = false;
      else addParam(params, key, value);
    }
    start = end + 1;
  }
  return exact ? params : parseWithUrlSearchParams(text);
}

/**
 * Accepts a body that a body parser already produced, when it is still flat (strings and arrays
 * of strings): that is all Twilio sends. Returns `undefined` for anything nested, which only an
 * extended parser produces and which cannot be turned back into what was signed.
 */
export function flatParamsOf(body: unknown): TwilioParams | undefined {
  if (body === undefined || body === null || body === '') return new ParamsObject();
  if (typeof body !== 'object' || Buffer.isBuffer(body)) return undefined;
  const params = new ParamsObject();
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') params[key] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      params[key] = [...value];
    } else return undefined;
  }
  return params;
}

function addParam(params: TwilioParams, key: string, value: string): void {
  const seen = params[key];
  if (seen === undefined) params[key] = value;
  else if (typeof seen === 'string') params[key] = [seen, value];
  else seen.push(value);
}

/** One key or value: `+` is a space, `%XX` a byte; `undefined` when the escapes are not UTF-8. */
function decodePiece(text: string, from: number, to: number): string | undefined {
  const piece = text.slice(from, to);
  const spaced = piece.includes('+') ? piece.replaceAll('+', ' ') : piece;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    // A lone `%`, or bytes that are not UTF-8: URLSearchParams keeps or replaces them.
    return undefined;
  }
}

function parseWithUrlSearchParams(text: string): TwilioParams {
  const params = new ParamsObject();
  // The leading `&` keeps a leading `?`, which the constructor would drop, in the first key.
  for (const [key, value] of new URLSearchParams('&' + text)) addParam(params, key, value);
  return params;
}
