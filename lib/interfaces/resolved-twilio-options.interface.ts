import type { IdempotencyStore } from '../idempotency/idempotency-store.interface.js';
import type {
  TwilioBasicAuthOptions,
  TwilioWebhookModuleOptions,
} from './twilio-webhook-options.interface.js';

/**
 * The module options after validation, with defaults merged once. Injected with
 * `@InjectTwilioWebhookOptions()`.
 * @publicApi
 */
export interface ResolvedTwilioWebhookOptions {
  /** Every configured Auth Token, primary first. */
  readonly authTokens: readonly string[];
  /** Per-account token lookup, if configured. */
  readonly resolveAuthToken?: TwilioWebhookModuleOptions['resolveAuthToken'];
  /** `publicUrl` split into origin and path prefix (no trailing slash), if configured. */
  readonly publicUrl?: { readonly origin: string; readonly pathPrefix: string };
  /** Whether `X-Forwarded-Proto` / `X-Forwarded-Host` are believed. */
  readonly trustProxy: boolean;
  /** Whether signatures are checked. */
  readonly validateSignature: boolean;
  /** Basic credentials to require, with the realm defaulted. */
  readonly basicAuth?: Required<TwilioBasicAuthOptions>;
  /** Webhook Settings shared-key secrets by key id. */
  readonly sharedKeys: ReadonlyMap<string, string>;
  /** Rejections are logged at `warn` in development and `debug` in production. */
  readonly rejectionLogLevel: 'warn' | 'debug';
  /** `dispatch`, defaulted. */
  readonly dispatch: 'sync' | 'queue';
  /** `handlerErrors`, defaulted. */
  readonly handlerErrors: 'retry' | 'log';
  /** `staleEvents`, defaulted. */
  readonly staleEvents: 'dispatch' | 'skip';
  /** The store settings, defaulted; durations in ms. */
  readonly idempotency: {
    readonly store: 'memory' | 'redis' | IdempotencyStore;
    readonly redis?: { readonly url: string; readonly keyPrefix: string };
    readonly ttl: number;
    readonly maxEntries: number;
    readonly lease: number;
  };
  /** Queue settings, defaulted; `redis` is unset for the in-memory queue. */
  readonly queue: {
    readonly attempts: number;
    readonly backoff: number;
    readonly concurrency: number;
    readonly redis?: { readonly url: string; readonly keyPrefix: string };
    readonly name: string;
  };
  /** The voice deadline with the fallback as TwiML text; unset when turned off. */
  readonly voiceDeadline?: { readonly timeout: number; readonly fallback: string };
}
