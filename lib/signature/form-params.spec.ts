import * as fc from 'fast-check';
import { emptyParams, parseFormParams } from './form-params.js';

/** What URLSearchParams reads, in the same shape (repeated keys as arrays). */
function reference(text: string): Record<string, unknown> | undefined {
  const out: Record<string, string | string[]> = Object.create(null);
  // A leading `&` keeps a leading `?` in the first key, as the body parsers do.
  for (const [key, value] of new URLSearchParams('&' + text)) {
    const seen = out[key];
    if (seen === undefined) out[key] = value;
    else if (typeof seen === 'string') out[key] = [seen, value];
    else seen.push(value);
  }
  return plain(out);
}

function plain(params: object | undefined): Record<string, unknown> | undefined {
  return params && Object.fromEntries(Object.entries(params));
}

// Pieces that stress decoding: escapes valid and not, bytes that are not UTF-8, separators.
const piece = fc.oneof(
  fc.constantFrom(
    '%',
    '%2',
    '%zz',
    '%41',
    '%2B',
    '%26',
    '%3D',
    '%C3%A9',
    '%C3',
    '%FF',
    '%ED%A0%80',
  ),
  fc.constantFrom('+', '&', '=', '?', '__proto__', 'é', '😀', '\uD800', ' ', ';'),
  fc.string({ maxLength: 6 }),
);
const formText = fc.array(piece, { maxLength: 20 }).map((parts) => parts.join(''));

describe('parseFormParams', () => {
  it('reads any text as URLSearchParams does', () => {
    fc.assert(
      fc.property(formText, (text) => {
        expect(plain(parseFormParams(text))).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes Twilio-style values and keeps repeated keys in order', () => {
    const params = parseFormParams(
      'Body=Hello+there%21&MediaUrl0=https%3A%2F%2Fapi.twilio.com%2Fm&To=%2B15005550006&To=x&Empty=&Flag',
    );
    expect(plain(params)).toEqual({
      Body: 'Hello there!',
      MediaUrl0: 'https://api.twilio.com/m',
      To: ['+15005550006', 'x'],
      Empty: '',
      Flag: '',
    });
  });

  it('falls back to URLSearchParams for escapes that are not UTF-8', () => {
    expect(plain(parseFormParams('a=%C3&b=%zz&c=%E2%82%AC'))).toEqual({
      a: '\uFFFD',
      b: '%zz',
      c: '€',
    });
  });

  it('counts pieces as the body parsers do and gives up past the limit', () => {
    expect(parseFormParams('a=1&b=2&c=3', 3)).toBeDefined();
    expect(parseFormParams('a=1&b=2&c=3', 2)).toBeUndefined();
    // Empty pieces count too, so a body of separators cannot get past the limit.
    expect(parseFormParams('&&&', 3)).toBeUndefined();
    expect(parseFormParams('a=%zz&&&', 3)).toBeUndefined();
  });

  it('keeps __proto__ an ordinary key, on an object without Object.prototype', () => {
    const params = parseFormParams('__proto__=x&constructor=y&toString=z');
    expect(Object.keys(params)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(params.__proto__).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect('hasOwnProperty' in emptyParams()).toBe(false);
  });
});
