export { IdempotencyStore, type IdempotencyClaim } from './idempotency-store.interface.js';
export { MemoryIdempotencyStore } from './memory-idempotency.store.js';
export { RedisIdempotencyStore } from './redis-idempotency.store.js';
