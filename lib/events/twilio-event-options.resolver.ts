import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import type {
  TwilioRedisOptions,
  TwilioWebhookModuleOptions,
} from '../interfaces/twilio-webhook-options.interface.js';
import { toTwimlString } from '../twiml/twiml-reply.js';
import {
  BAD_CHOICE,
  BAD_COUNT,
  BAD_DURATION,
  BAD_FALLBACK_TWIML,
  BAD_OPTION,
  BAD_REDIS_URL,
  BAD_STORE,
  REDIS_URL_MISSING,
} from '../twilio-webhook.messages.js';

type EventOptions = Pick<
  ResolvedTwilioWebhookOptions,
  'dispatch' | 'handlerErrors' | 'staleEvents' | 'idempotency' | 'queue' | 'voiceDeadline'
>;

const DEFAULT_FALLBACK =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Sorry, we cannot take your call right ' +
  'now. Please try again later.</Say><Hangup/></Response>';

const STORE_METHODS = ['claim', 'completeHandler', 'complete', 'release', 'advance'] as const;

/** Checks and defaults the event bus options (`dispatch`, `idempotency`, `queue`, …). */
export function resolveEventOptions(options: TwilioWebhookModuleOptions): EventOptions {
  const idem = options.idempotency ?? {};
  const queue = options.queue ?? {};
  const idemRedis = redisOf('idempotency.redis', idem.redis);
  const store = storeOf(idem.store, idemRedis);
  if (store === 'redis' && !idemRedis) throw new Error(REDIS_URL_MISSING('idempotency.store'));
  return {
    dispatch: choice('dispatch', options.dispatch, ['sync', 'queue']),
    handlerErrors: choice('handlerErrors', options.handlerErrors, ['retry', 'log']),
    staleEvents: choice('staleEvents', options.staleEvents, ['dispatch', 'skip']),
    idempotency: {
      store,
      redis: store === 'redis' ? idemRedis : undefined,
      ttl: positive('idempotency.ttl', idem.ttl, 86_400_000, BAD_DURATION),
      maxEntries: positive('idempotency.maxEntries', idem.maxEntries, 100_000, BAD_COUNT),
      lease: positive('idempotency.lease', idem.lease, 30_000, BAD_DURATION),
    },
    queue: {
      attempts: positive('queue.attempts', queue.attempts, 5, BAD_COUNT),
      backoff: positive('queue.backoff', queue.backoff, 1_000, BAD_DURATION),
      concurrency: positive('queue.concurrency', queue.concurrency, 10, BAD_COUNT),
      redis: redisOf('queue.redis', queue.redis) ?? idemRedis,
      name: queueName(queue.name),
    },
    voiceDeadline: voiceDeadlineOf(options.voiceDeadline),
  };
}

function choice<T extends string>(option: string, value: unknown, choices: readonly T[]): T {
  if (value === undefined) return choices[0];
  if (!choices.includes(value as T)) throw new Error(BAD_CHOICE(option, value, choices));
  return value as T;
}

function positive(
  option: string,
  value: unknown,
  fallback: number,
  message: (option: string, value: unknown) => string,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new Error(message(option, value));
  }
  return value;
}

function redisOf(option: string, value: TwilioRedisOptions | undefined) {
  if (value === undefined) return undefined;
  const url = value?.url;
  if (typeof url !== 'string' || !/^rediss?:\/\/./i.test(url)) {
    throw new Error(BAD_REDIS_URL(`${option}.url`, url));
  }
  const keyPrefix = value.keyPrefix ?? 'twilio-webhooks:';
  if (typeof keyPrefix !== 'string')
    throw new Error(BAD_OPTION(`${option}.keyPrefix`, keyPrefix, 'a string'));
  return { url, keyPrefix };
}

function storeOf(
  value: unknown,
  redis: unknown,
): ResolvedTwilioWebhookOptions['idempotency']['store'] {
  if (value === undefined) return redis ? 'redis' : 'memory';
  if (value === 'memory' || value === 'redis') return value;
  const custom = value as Record<string, unknown> | null;
  if (
    custom &&
    typeof custom === 'object' &&
    STORE_METHODS.every((m) => typeof custom[m] === 'function')
  ) {
    return value as ResolvedTwilioWebhookOptions['idempotency']['store'];
  }
  throw new Error(BAD_STORE());
}

function queueName(value: unknown): string {
  if (value === undefined) return 'twilio-events';
  // BullMQ builds Redis keys from the name with ':' as the separator.
  if (typeof value !== 'string' || value === '' || value.includes(':')) {
    throw new Error(BAD_OPTION('queue.name', value, 'a non-empty name without ":"'));
  }
  return value;
}

function voiceDeadlineOf(value: TwilioWebhookModuleOptions['voiceDeadline']) {
  if (value === false) return undefined;
  const timeout = positive('voiceDeadline.timeout', value?.timeout, 12_000, BAD_DURATION);
  if (value?.fallback === undefined) return { timeout, fallback: DEFAULT_FALLBACK };
  try {
    return { timeout, fallback: toTwimlString(value.fallback) };
  } catch (error) {
    throw new Error(BAD_FALLBACK_TWIML((error as Error).message), { cause: error });
  }
}
