// Only the SDK's signing helpers are loaded, not the whole `twilio` package.
import { getExpectedBodyHash, getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';

/**
 * Parameters of a form (or GET) webhook: one string per key, an array where a key repeats.
 * @publicApi
 */
export type TwilioSigningParams = Readonly<Record<string, string | readonly string[]>>;

/**
 * What `signTwilioRequest()` signs: the webhook URL as configured in Twilio, the auth token, and
 * either form parameters (`params`) or a JSON body (`body`, for Event Streams).
 * @publicApi
 */
export interface SignTwilioRequestInput {
  /** The URL configured in Twilio. Credentials and a `#…` fragment are not signed, as with Twilio. */
  url: string;
  /** The Auth Token of the account (or the secondary token while rotating). */
  authToken: string;
  /** Form parameters (POST body, or query string with `method: 'GET'`). */
  params?: TwilioSigningParams;
  /** A JSON body: a string is sent as is, anything else is serialised with `JSON.stringify`. */
  body?: unknown;
  /**
   * The HTTP method configured in Twilio.
   * @default 'POST'
   */
  method?: 'POST' | 'GET';
  /** Adds `I-Twilio-Idempotency-Token`, which Twilio keeps across retries of one delivery. */
  idempotencyToken?: string;
}

/**
 * A request signed the way Twilio signs it, ready to send.
 * @publicApi
 */
export interface SignedTwilioRequest {
  readonly method: 'POST' | 'GET';
  /** The URL to request: no credentials or fragment; GET parameters or `bodySHA256` added. */
  readonly url: string;
  /** `X-Twilio-Signature`. */
  readonly signature: string;
  /** Signature, content type, and (when given) Basic credentials and idempotency token. */
  readonly headers: Readonly<Record<string, string>>;
  /** The encoded body; `undefined` for GET. */
  readonly body?: string;
}

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=UTF-8';

/**
 * Signs a webhook request with the twilio SDK's own functions (`getExpectedTwilioSignature`,
 * `getExpectedBodyHash`): form parameters are signed after the URL, a JSON body through the
 * `bodySHA256` query parameter.
 *
 * @publicApi
 * @example
 * const signed = signTwilioRequest({
 *   url: 'https://example.com/twilio/sms',
 *   params: twilioFixtures.inboundMessage(),
 *   authToken: process.env.TWILIO_AUTH_TOKEN!,
 * });
 * await fetch(signed.url, { method: signed.method, headers: signed.headers, body: signed.body });
 */
export function signTwilioRequest(input: SignTwilioRequestInput): SignedTwilioRequest {
  const { authToken, params, body, idempotencyToken } = input;
  const method = input.method ?? 'POST';
  if (typeof authToken !== 'string' || authToken === '') {
    throw new TypeError('signTwilioRequest needs the authToken the app checks signatures with.');
  }
  if (params !== undefined && body !== undefined) {
    throw new TypeError(
      'signTwilioRequest takes params (a form webhook) or body (JSON), not both.',
    );
  }
  if (body !== undefined && method === 'GET') {
    throw new TypeError(
      'A JSON body cannot be sent with GET; Twilio sends JSON webhooks with POST.',
    );
  }
  const { url: plainUrl, authorization } = splitCredentials(input.url);
  const headers: Record<string, string> = {};
  if (authorization) headers.Authorization = authorization;
  if (idempotencyToken) headers['I-Twilio-Idempotency-Token'] = idempotencyToken;

  if (body !== undefined) {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const url = `${plainUrl}${plainUrl.includes('?') ? '&' : '?'}bodySHA256=${getExpectedBodyHash(text)}`;
    const signature = getExpectedTwilioSignature(authToken, url, {});
    headers['X-Twilio-Signature'] = signature;
    headers['Content-Type'] = 'application/json';
    return { method, url, signature, headers, body: text };
  }

  const encoded = formEncode(params ?? {});
  if (method === 'GET') {
    const url =
      encoded === '' ? plainUrl : `${plainUrl}${plainUrl.includes('?') ? '&' : '?'}${encoded}`;
    const signature = getExpectedTwilioSignature(authToken, url, {});
    headers['X-Twilio-Signature'] = signature;
    return { method, url, signature, headers };
  }
  const signature = getExpectedTwilioSignature(authToken, plainUrl, toSdkParams(params ?? {}));
  headers['X-Twilio-Signature'] = signature;
  headers['Content-Type'] = FORM_CONTENT_TYPE;
  return { method, url: plainUrl, signature, headers, body: encoded };
}

/** `application/x-www-form-urlencoded` text, a repeated key once per value. */
export function formEncode(params: TwilioSigningParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of typeof value === 'string' ? [value] : value) search.append(key, item);
  }
  return search.toString();
}

/** A webhook URL as Twilio signs it: no fragment and no `user:pass@`. */
export function unsignedPartsRemoved(raw: string): string {
  return splitCredentials(raw).url;
}

/**
 * The URL without its fragment (never sent, never signed) and without `user:pass@`, which
 * Twilio removes before signing and sends as Basic credentials instead.
 */
function splitCredentials(raw: string): { url: string; authorization?: string } {
  const hash = raw.indexOf('#');
  const url = hash === -1 ? raw : raw.slice(0, hash);
  if (!/^https?:\/\/[^/?#]+/i.test(url)) {
    throw new TypeError(`signTwilioRequest needs an absolute http(s) URL, not "${raw}".`);
  }
  const match = /^(https?:\/\/)([^/?#@]*)@/i.exec(url);
  if (!match) return { url };
  const userInfo = match[2];
  const colon = userInfo.indexOf(':');
  const user = decodeURIComponent(colon === -1 ? userInfo : userInfo.slice(0, colon));
  const pass = colon === -1 ? '' : decodeURIComponent(userInfo.slice(colon + 1));
  return {
    url: match[1] + url.slice(match[0].length),
    authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`,
  };
}

function toSdkParams(params: TwilioSigningParams): Record<string, string | string[]> {
  const copy: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(params))
    copy[key] = typeof value === 'string' ? value : [...value];
  return copy;
}
