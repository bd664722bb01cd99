import type { IdempotencyStore } from '../idempotency/idempotency-store.interface.js';
import type { TwimlReply } from '../twiml/twiml-reply.js';

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
   * @default the `TWILIO_WEBHOOK_PUBLIC_URL` environment variable, when set
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
  /**
   * When event handlers run. `'sync'`: during the request; a callback route answers after them
   * (204, or a 5xx when one failed). `'queue'`: the route answers 204 at once and the handlers run
   * from a queue with retries and a dead-letter list (BullMQ when Redis is configured, else in
   * memory). TwiML routes never wait for handlers in either mode.
   * @default 'sync'
   */
  dispatch?: 'sync' | 'queue';
  /**
   * What a failing handler does. `'retry'`: the delivery gets a 5xx (or the queue tries again)
   * and only the handlers that failed run on the retry. `'log'`: the error is logged and the
   * event counts as handled.
   * @default 'retry'
   */
  handlerErrors?: 'retry' | 'log';
  /**
   * What happens to a status that arrives after a later one of the same message, call or
   * recording: `'dispatch'` runs the handlers with `ctx.stale === true`, `'skip'` runs none.
   * @default 'dispatch'
   */
  staleEvents?: 'dispatch' | 'skip';
  /** Where deduplication and status order are recorded. */
  idempotency?: TwilioIdempotencyOptions;
  /** Tries, backoff and concurrency of `dispatch: 'queue'`. */
  queue?: TwilioQueueOptions;
  /**
   * Twilio hangs up a voice webhook after 15 s. When a call's TwiML route (inbound call or
   * action callback) has not answered by `timeout`, the fallback TwiML is sent instead and
   * logged. `false` turns it off.
   * @default { timeout: 12_000, fallback: an apology, then <Hangup/> }
   */
  voiceDeadline?: TwilioVoiceDeadlineOptions | false;
}

/**
 * A Redis server to share state with other app instances.
 * @publicApi
 */
export interface TwilioRedisOptions {
  /** e.g. `redis://localhost:6379` or `rediss://user:pass@host:6380/0`. */
  url: string;
  /**
   * Prepended to every key the module writes.
   * @default 'twilio-webhooks:'
   */
  keyPrefix?: string;
}

/**
 * @publicApi
 * @example
 * idempotency: { store: 'redis', redis: { url: process.env.REDIS_URL } }
 */
export interface TwilioIdempotencyOptions {
  /**
   * `'memory'` (one process), `'redis'` (shared; needs `redis.url` and the `ioredis` package),
   * or your own `IdempotencyStore`. With `redis` given, `'redis'` is the default.
   * @default 'memory'
   */
  store?: 'memory' | 'redis' | IdempotencyStore;
  /** The Redis server of the `'redis'` store. */
  redis?: TwilioRedisOptions;
  /**
   * How long an event stays known as handled, in ms. Twilio retries within hours, not days.
   * @default 86_400_000 (24 h)
   */
  ttl?: number;
  /**
   * The in-memory store's size bound; the least recently used records go first.
   * @default 100_000
   */
  maxEntries?: number;
  /**
   * How long a claim on an event holds, in ms. A delivery that finds the event claimed waits
   * for the first one to finish (up to 10 s); a claim whose instance died frees up after this.
   * @default 30_000
   */
  lease?: number;
}

/**
 * @publicApi
 * @example
 * queue: { attempts: 8, backoff: 2_000, redis: { url: process.env.REDIS_URL } }
 */
export interface TwilioQueueOptions {
  /**
   * Tries per event before it becomes a dead letter.
   * @default 5
   */
  attempts?: number;
  /**
   * Delay before the first retry, in ms; it doubles for each next one.
   * @default 1_000
   */
  backoff?: number;
  /**
   * Events run at the same time, per instance.
   * @default 10
   */
  concurrency?: number;
  /**
   * The Redis server for BullMQ (needs the `bullmq` package). Defaults to `idempotency.redis`;
   * without either, the queue lives in memory.
   */
  redis?: TwilioRedisOptions;
  /**
   * The BullMQ queue name; instances with the same name share the work.
   * @default 'twilio-events'
   */
  name?: string;
}

/**
 * @publicApi
 * @example
 * voiceDeadline: { timeout: 10_000, fallback: new VoiceResponse().redirect('/twilio/voice/hold') }
 */
export interface TwilioVoiceDeadlineOptions {
  /**
   * How long a call's TwiML route may take, in ms.
   * @default 12_000
   */
  timeout?: number;
  /**
   * The TwiML sent when it takes longer.
   * @default an apology, then <Hangup/>
   */
  fallback?: TwimlReply;
}
