/**
 * What `resolveAuthToken` may return: one token, several (rotation), or nothing for an unknown account.
 * @publicApi
 */
export type AuthTokenResolution = string | string[] | undefined | null;

/**
 * HTTP Basic credentials that Twilio sends when the webhook URL embeds them
 * (`https://user:pass@host/path`).
 * @publicApi
 */
export interface TwilioBasicAuthOptions {
  /** The user name embedded in the webhook URL. */
  username: string;
  /** The password embedded in the webhook URL. */
  password: string;
  /**
   * Realm named in the `WWW-Authenticate` challenge.
   * @default 'Twilio'
   */
  realm?: string;
}

/**
 * Options of `TwilioWebhookModule.forRoot()` / `forRootAsync()`.
 *
 * @publicApi
 * @example
 * TwilioWebhookModule.forRoot({
 *   authToken: process.env.TWILIO_AUTH_TOKEN,
 *   publicUrl: 'https://abc123.ngrok-free.app',
 * })
 */
export interface TwilioWebhookModuleOptions {
  /**
   * The account's Auth Token, or `[primary, secondary]` while rotating: every token is tried.
   * Required while `validateSignature` is on, unless `resolveAuthToken` is given.
   */
  authToken?: string | string[];
  /**
   * Per-account tokens (subaccounts, tenants): called with the request's `AccountSid`. Its tokens
   * are tried before `authToken`.
   */
  resolveAuthToken?: (accountSid: string) => AuthTokenResolution | Promise<AuthTokenResolution>;
  /**
   * The origin (and optional path prefix) that Twilio calls, e.g. `https://abc123.ngrok-free.app`
   * or `https://example.com/api`. Wins over the request's own protocol and host.
   */
  publicUrl?: string;
  /**
   * Take protocol and host from the first `X-Forwarded-Proto` / `X-Forwarded-Host` values.
   * Turn on only behind a proxy that sets them.
   * @default false
   */
  trustProxy?: boolean;
  /**
   * Check `X-Twilio-Signature`. `false` is for local experiments only and is logged loudly.
   * @default true
   */
  validateSignature?: boolean;
  /** HTTP Basic credentials Twilio sends from `https://user:pass@host/...` URLs. */
  basicAuth?: TwilioBasicAuthOptions;
  /**
   * Secrets of Webhook Settings shared keys, by key id. A request whose
   * `X-Twilio-Webhooks-Signature-Settings` header names a key is checked with that secret only.
   */
  sharedKeys?: Record<string, string>;
}
