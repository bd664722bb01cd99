import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TwilioParams } from './twilio-request-state.interface.js';

/**
 * Algorithms a Webhook Setting may name in `X-Twilio-Webhooks-Signature-Settings`.
 * @publicApi
 */
export const SHARED_KEY_ALGORITHMS = { HMAC_SHA1: 'sha1', HMAC_SHA256: 'sha256' } as const;

/** @publicApi */
export type SharedKeyAlgorithm = keyof typeof SHARED_KEY_ALGORITHMS;

/** The key id and algorithm named by a `X-Twilio-Webhooks-Signature-Settings` header. */
export interface SignatureSettings {
  readonly keyId: string;
  readonly algorithm: string;
}

/** Reads `key=<id>,algorithm=<name>`; `undefined` when either part is missing. */
export function parseSignatureSettings(header: string): SignatureSettings | undefined {
  let keyId: string | undefined;
  let algorithm: string | undefined;
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    if (name === 'key') keyId = value;
    else if (name === 'algorithm') algorithm = value.toUpperCase();
  }
  return keyId && algorithm ? { keyId, algorithm } : undefined;
}

/**
 * The string Twilio signs: the URL, then each parameter's name and value sorted by name (a
 * repeated name once per distinct value, values sorted), with no separators. It is the same rule
 * as the SDK's `getExpectedTwilioSignature`; Webhook Settings change only the key and the hash.
 * The installed `twilio` SDK does not check shared-key signatures yet, hence this small piece.
 */
export function signedStringOf(url: string, params: TwilioParams): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (typeof value === 'string') data += key + value;
    else for (const item of [...new Set(value)].sort()) data += key + item;
  }
  return data;
}

/** Base64 HMAC of the signed string with a shared key's secret. */
export function sharedKeySignature(
  secret: string,
  algorithm: SharedKeyAlgorithm,
  url: string,
  params: TwilioParams,
): string {
  return createHmac(SHARED_KEY_ALGORITHMS[algorithm], secret)
    .update(Buffer.from(signedStringOf(url, params), 'utf-8'))
    .digest('base64');
}

/** Constant-time comparison of a received signature with the expected one. */
export function signaturesMatch(received: string, expected: string): boolean {
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether a name is an algorithm this module can check. */
export function isSharedKeyAlgorithm(name: string): name is SharedKeyAlgorithm {
  return Object.hasOwn(SHARED_KEY_ALGORITHMS, name);
}
