// Signatures in the tests come from the twilio SDK itself, never from the code under test.
import { createHash } from 'node:crypto';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';

export type Params = Record<string, string | string[]>;

/** X-Twilio-Signature for a form (or GET) request, as Twilio computes it. */
export function signForm(authToken: string, url: string, params: Params = {}): string {
  return getExpectedTwilioSignature(authToken, url, params);
}

/** A JSON delivery: the URL gains bodySHA256, and the signature covers the URL alone. */
export function signJson(authToken: string, url: string, body: string) {
  const hash = createHash('sha256').update(Buffer.from(body, 'utf-8')).digest('hex');
  const signedUrl = `${url}${url.includes('?') ? '&' : '?'}bodySHA256=${hash}`;
  return { url: signedUrl, signature: getExpectedTwilioSignature(authToken, signedUrl, {}) };
}

/** application/x-www-form-urlencoded text with repeated keys for arrays. */
export function formBody(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  }
  return search.toString();
}

/** Path and query of a full URL, for supertest. */
export function pathOf(url: string): string {
  const u = url.replace(/^https?:\/\/[^/]+/i, '');
  return u === '' ? '/' : u;
}
