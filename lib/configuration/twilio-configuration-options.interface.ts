import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type { ConnectionOverrides } from '../connection-overrides/connection-overrides.js';

/**
 * The HTTP client the twilio SDK sends REST requests with: its `RequestClient`, or your own
 * subclass (a proxy, a recorder, a local fake in tests).
 * @publicApi
 */
export type TwilioHttpClient = RequestClient;

/**
 * Account credentials and where the app is reachable, for `TwilioWebhookConfigurator` and
 * `TwilioEventStreamsSetup`. Give the account's auth token, or (better) an API key and secret.
 *
 * @publicApi
 * @example
 * TwilioWebhookConfigurationModule.forRoot({
 *   accountSid: process.env.TWILIO_ACCOUNT_SID!,
 *   apiKey: process.env.TWILIO_API_KEY!,
 *   apiSecret: process.env.TWILIO_API_SECRET!,
 * })
 */
export interface TwilioConfigurationOptions {
  /** The account whose numbers and services are configured (`AC…`). */
  accountSid: string;
  /** The account's auth token, when not using an API key. */
  authToken?: string;
  /** An API key SID (`SK…`), with `apiSecret`. */
  apiKey?: string;
  /** The API key's secret. */
  apiSecret?: string;
  /**
   * The origin (and path prefix) Twilio calls, prepended to route paths. Defaults to
   * `TwilioWebhookModule`'s `publicUrl`, then to `TWILIO_WEBHOOK_PUBLIC_URL`.
   */
  publicUrl?: string;
  /** The SDK's HTTP client; the SDK's default `RequestClient` when omitted. */
  httpClient?: TwilioHttpClient;
  /** Twilio region for REST requests (e.g. `ie1`). */
  region?: string;
  /** Twilio edge for REST requests (e.g. `dublin`). */
  edge?: string;
}

/**
 * Where a webhook should point: a route path of this app (`'/twilio/sms'`, joined to
 * `publicUrl`), an absolute URL, or the same with a method and connection overrides. `null`
 * clears the setting.
 * @publicApi
 */
export type WebhookRouteRef =
  | string
  | null
  | {
      /** A route path of this app, joined to `publicUrl`. */
      path?: string;
      /** An absolute URL, used as it is. */
      url?: string;
      /**
       * The method Twilio uses for it.
       * @default 'POST'
       */
      method?: 'GET' | 'POST';
      /** Connection overrides, written into the URL's fragment. */
      overrides?: ConnectionOverrides;
    };

/**
 * Options of one configuration call.
 * @publicApi
 */
export interface WebhookConfigurationCallOptions {
  /** Compute and return the change without writing anything. */
  dryRun?: boolean;
}
