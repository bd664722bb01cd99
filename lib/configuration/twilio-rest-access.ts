import type Twilio from 'twilio/lib/rest/Twilio.js';
import {
  withConnectionOverrides,
  type TwilioWebhookTarget,
} from '../connection-overrides/connection-overrides.js';
import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import type {
  TwilioConfigurationOptions,
  WebhookRouteRef,
} from './twilio-configuration-options.interface.js';

/** A REST client of the twilio SDK. */
export type TwilioRestClient = Twilio;

/** A webhook setting to write: the URL (empty to clear) and the method Twilio should use. */
export interface ResolvedWebhook {
  readonly url: string;
  readonly method: 'GET' | 'POST';
}

/**
 * What the configuration services share: checked credentials, the public URL, and a REST client
 * created on first use. The SDK's REST part is loaded then, so importing this package never
 * loads it.
 */
export class TwilioRestAccess {
  private client?: Promise<TwilioRestClient>;
  readonly publicUrl?: string;

  constructor(
    private readonly options: TwilioConfigurationOptions,
    webhookOptions?: ResolvedTwilioWebhookOptions,
    env: Readonly<Record<string, string | undefined>> = process.env,
  ) {
    checkCredentials(options);
    const fromModule = webhookOptions?.publicUrl;
    this.publicUrl =
      options.publicUrl ??
      (fromModule ? fromModule.origin + fromModule.pathPrefix : undefined) ??
      (env.TWILIO_WEBHOOK_PUBLIC_URL || undefined);
  }

  get accountSid(): string {
    return this.options.accountSid;
  }

  rest(): Promise<TwilioRestClient> {
    this.client ??= (async () => {
      const { default: TwilioClient } = await import('twilio/lib/rest/Twilio.js');
      const { accountSid, authToken, apiKey, apiSecret, httpClient, region, edge } = this.options;
      const [username, password] = apiKey ? [apiKey, apiSecret] : [accountSid, authToken];
      return new TwilioClient(username, password, { accountSid, httpClient, region, edge });
    })();
    return this.client;
  }

  /** The URL and method a route reference stands for; `undefined` leaves the setting alone. */
  resolve(
    ref: WebhookRouteRef | undefined,
    target: TwilioWebhookTarget,
  ): ResolvedWebhook | undefined {
    if (ref === undefined) return undefined;
    if (ref === null) return { url: '', method: 'POST' };
    const spec =
      typeof ref === 'string' ? (/^https?:\/\//i.test(ref) ? { url: ref } : { path: ref }) : ref;
    let url: string;
    if (spec.url !== undefined) url = spec.url;
    else if (spec.path !== undefined) url = this.urlOf(spec.path);
    else throw new TypeError('A webhook route needs a path or a url.');
    if (!/^https?:\/\/[^/?#\s]+/i.test(url))
      throw new TypeError(`"${url}" is not an absolute http(s) URL.`);
    if (spec.overrides) url = withConnectionOverrides(url, spec.overrides, target);
    return { url, method: spec.method ?? 'POST' };
  }

  /** `publicUrl` + a route path. */
  urlOf(path: string): string {
    if (!this.publicUrl) {
      throw new Error(
        `No public URL to build the webhook URL of "${path}": set publicUrl (in ` +
          `TwilioWebhookModule or TwilioWebhookConfigurationModule) or TWILIO_WEBHOOK_PUBLIC_URL, ` +
          `or give an absolute URL.`,
      );
    }
    return this.publicUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
  }
}

function checkCredentials(options: TwilioConfigurationOptions): void {
  const prefix = 'TwilioWebhookConfigurationModule';
  if (!options || !/^AC[0-9a-fA-F]{32}$/.test(options.accountSid ?? '')) {
    throw new Error(
      `${prefix}: accountSid must be your account SID (AC followed by 32 hex digits).`,
    );
  }
  const key = Boolean(options.apiKey || options.apiSecret);
  if (key && !(options.apiKey && options.apiSecret)) {
    throw new Error(`${prefix}: an API key needs both apiKey (SK…) and apiSecret.`);
  }
  if (!key && !options.authToken) {
    throw new Error(
      `${prefix}: give apiKey and apiSecret (recommended), or the account's authToken.`,
    );
  }
}
