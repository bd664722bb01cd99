import * as fc from 'fast-check';
import { getExpectedTwilioSignature, validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import { formSignatureMatches } from './form-signature.js';
import type { TwilioParams } from './twilio-request-state.interface.js';

const TOKEN = '12345678901234567890123456789012';

const value = fc.string({ maxLength: 8, unit: 'grapheme' });
const params = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 6 }),
  fc.oneof(value, fc.array(value, { minLength: 1, maxLength: 3 })),
  { maxKeys: 6 },
) as fc.Arbitrary<TwilioParams>;
const url = fc.constantFrom(
  'https://example.com/twilio/sms',
  'https://example.com:443/twilio/sms?x=1',
  'http://example.com:8080/a?b=c%27d',
  "https://example.com/q?name=O'Brien",
);

describe('formSignatureMatches', () => {
  it('accepts every request the SDK signed, for the URL as requested or a port variant', () => {
    fc.assert(
      fc.property(url, params, (u, p) => {
        const signature = getExpectedTwilioSignature(TOKEN, u, p);
        expect(formSignatureMatches(TOKEN, signature, u, p)).toBe(true);
        const withoutPort = u.replace(/:(443|80)\//, '/');
        const other = getExpectedTwilioSignature(TOKEN, withoutPort, p);
        expect(formSignatureMatches(TOKEN, other, u, p)).toBe(validateRequest(TOKEN, other, u, p));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts nothing the SDK refuses', () => {
    fc.assert(
      fc.property(url, params, params, fc.boolean(), (u, signed, sent, sameToken) => {
        const token = sameToken ? TOKEN : TOKEN.replace('1', '9');
        const signature = getExpectedTwilioSignature(token, u, signed);
        expect(formSignatureMatches(TOKEN, signature, u, sent)).toBe(
          validateRequest(TOKEN, signature, u, sent),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a signature for other parameters, another URL or another token', () => {
    const p = { AccountSid: 'AC1', Body: 'hi' };
    const u = 'https://example.com/twilio/sms';
    const signature = getExpectedTwilioSignature(TOKEN, u, p);
    expect(formSignatureMatches(TOKEN, signature, u, p)).toBe(true);
    expect(formSignatureMatches(TOKEN, signature, u, { ...p, Body: 'hi!' })).toBe(false);
    expect(formSignatureMatches(TOKEN, signature, `${u}/x`, p)).toBe(false);
    expect(formSignatureMatches(TOKEN.replace('1', '2'), signature, u, p)).toBe(false);
    expect(formSignatureMatches(TOKEN, '', u, p)).toBe(false);
  });
});
