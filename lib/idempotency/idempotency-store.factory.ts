import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import type { IdempotencyStore } from './idempotency-store.interface.js';
import { MemoryIdempotencyStore } from './memory-idempotency.store.js';
import { RedisIdempotencyStore } from './redis-idempotency.store.js';

/** The store the options ask for; the Redis one loads `ioredis` only when chosen. */
export async function createIdempotencyStore(
  options: ResolvedTwilioWebhookOptions,
): Promise<IdempotencyStore> {
  const { store, redis, ttl, maxEntries } = options.idempotency;
  if (typeof store === 'object') return store;
  if (store === 'redis' && redis) return RedisIdempotencyStore.connect(redis.url, redis.keyPrefix);
  return new MemoryIdempotencyStore({ maxEntries, ttl });
}
