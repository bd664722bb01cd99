import { Logger } from '@nestjs/common';
import type { Redis, RedisOptions } from 'ioredis';
import type { IdempotencyClaim, IdempotencyStore } from './idempotency-store.interface.js';

// Each script runs atomically on the server: a claim is one `SET NX PX` plus what it needs to
// answer, in one round trip, so two instances can never both take the same event.
const CLAIM = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {1, redis.call('SMEMBERS', KEYS[2])}
end
if redis.call('GET', KEYS[1]) == 'done' then return {2} end
return {3}`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0`;

const ADVANCE = `
local previous = redis.call('GET', KEYS[1])
if (not previous) or tonumber(previous) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
end
return previous`;

interface ScriptedRedis extends Redis {
  twilioClaim(
    event: string,
    handlers: string,
    owner: string,
    lease: number,
  ): Promise<[number, string[]?]>;
  twilioRelease(event: string, owner: string): Promise<number>;
  twilioAdvance(resource: string, rank: number, ttl: number): Promise<string | null>;
}

/**
 * Shares deduplication and ordering between app instances through Redis (ioredis). Commands
 * fail fast while Redis is unreachable, so a delivery gets a 5xx and Twilio retries it later.
 * @publicApi
 * @example
 * TwilioWebhookModule.forRoot({ authToken, idempotency: { store: 'redis', redis: { url: 'redis://localhost:6379' } } })
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly logger = new Logger('TwilioIdempotency');
  private readonly redis: ScriptedRedis;
  private lastErrorLog = 0;

  /**
   * @param client an ioredis client; the store defines its scripts on it
   * @param keyPrefix prepended to every key @default 'twilio-webhooks:'
   */
  constructor(
    client: Redis,
    private readonly keyPrefix = 'twilio-webhooks:',
  ) {
    this.redis = client as ScriptedRedis;
    this.redis.defineCommand('twilioClaim', { numberOfKeys: 2, lua: CLAIM });
    this.redis.defineCommand('twilioRelease', { numberOfKeys: 1, lua: RELEASE });
    this.redis.defineCommand('twilioAdvance', { numberOfKeys: 1, lua: ADVANCE });
    this.redis.on('error', (error: Error) => this.logError(error));
  }

  /** Connects to `url` with settings that fail fast instead of queueing commands forever. */
  static async connect(url: string, keyPrefix?: string): Promise<RedisIdempotencyStore> {
    const { Redis } = await import('ioredis');
    const options: RedisOptions = {
      maxRetriesPerRequest: 1,
      commandTimeout: 5_000,
      lazyConnect: true,
    };
    const client = new Redis(url, options);
    const store = new RedisIdempotencyStore(client, keyPrefix);
    // Boot without Redis is allowed: requests answer 5xx until it is reachable.
    await client.connect().catch(() => undefined);
    return store;
  }

  async claim(key: string, owner: string, leaseMs: number): Promise<IdempotencyClaim> {
    const [code, handlers] = await this.redis.twilioClaim(
      this.eventKey(key),
      this.handlersKey(key),
      owner,
      leaseMs,
    );
    if (code === 1) return { status: 'claimed', completedHandlers: new Set(handlers ?? []) };
    return code === 2 ? { status: 'done' } : { status: 'busy' };
  }

  async completeHandler(key: string, handlerId: string, ttlMs: number): Promise<void> {
    await this.redis
      .multi()
      .sadd(this.handlersKey(key), handlerId)
      .pexpire(this.handlersKey(key), ttlMs)
      .exec();
  }

  async complete(key: string, ttlMs: number): Promise<void> {
    const result = await this.redis
      .multi()
      .set(this.eventKey(key), 'done', 'PX', ttlMs)
      .del(this.handlersKey(key))
      .exec();
    const failed = result?.find(([error]) => error);
    if (failed) throw failed[0];
  }

  async release(key: string, owner: string): Promise<void> {
    await this.redis.twilioRelease(this.eventKey(key), owner);
  }

  async advance(resource: string, rank: number, ttlMs: number): Promise<number | undefined> {
    const previous = await this.redis.twilioAdvance(this.orderKey(resource), rank, ttlMs);
    return previous === null ? undefined : Number(previous);
  }

  async close(): Promise<void> {
    if (this.redis.status === 'end') return;
    // QUIT lets the server close the socket; a bare disconnect can leave ioredis's socket timer.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
    // `quit()` may have ended the connection meanwhile.
    if ((this.redis.status as string) !== 'end') this.redis.disconnect();
  }

  private eventKey(key: string): string {
    return `${this.keyPrefix}event:${key}`;
  }

  private handlersKey(key: string): string {
    return `${this.keyPrefix}handlers:${key}`;
  }

  private orderKey(resource: string): string {
    return `${this.keyPrefix}order:${resource}`;
  }

  private logError(error: Error): void {
    // ioredis reports every failed reconnection; one line every 10 s is enough to say why.
    const now = Date.now();
    if (now - this.lastErrorLog < 10_000) return;
    this.lastErrorLog = now;
    this.logger.error(`Redis (idempotency store) is unreachable: ${error.message}`);
  }
}
