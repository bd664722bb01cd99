import { createHmac } from 'node:crypto';
import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import { signaturesMatch, signedStringOf } from './shared-key-signature.js';
import type { TwilioParams } from './twilio-request-state.interface.js';

/**
 * Whether `signature` is the account signature of a form or query webhook. Twilio signs the URL
 * exactly as it requested it, which is the first URL the SDK's `validateRequest` tries as well;
 * checking that one here with the SDK's rule (`signedStringOf`) skips the SDK's URL splitting on
 * every genuine request, and anything else goes to the SDK, with all the URL forms it tries
 * (default port added or removed, query re-encoded). So this accepts exactly what the SDK does.
 */
export function formSignatureMatches(
  token: string,
  signature: string,
  url: string,
  params: TwilioParams,
): boolean {
  const expected = createHmac('sha1', token).update(signedStringOf(url, params)).digest('base64');
  return signaturesMatch(signature, expected) || validateRequest(token, signature, url, params);
}
