import type { IdempotencyClaim, IdempotencyStore } from './idempotency-store.interface.js';
import { LruTtlMap, type ExpiringEntry } from './lru-ttl-map.js';

/** One event: claimed (`owner` until `leaseUntil`), or done. Times on the store's clock. @internal */
export interface EventRecord extends ExpiringEntry {
  done: boolean;
  /** A string from `claim`; the event bus's own fast path numbers its claims instead. */
  owner: string | number | undefined;
  leaseUntil: number;
  handlers: Set<string> | undefined;
}

/** The furthest status rank seen for one resource. */
interface RankRecord extends ExpiringEntry {
  rank: number;
}

const NONE: ReadonlySet<string> = new Set();
const DONE: IdempotencyClaim = Object.freeze({ status: 'done' });
const BUSY: IdempotencyClaim = Object.freeze({ status: 'busy' });

/**
 * The default store: one process, no dependencies. Bounded in age (`ttl`) and size
 * (`maxEntries`, least recently used first out), so it cannot grow without limit.
 * Every app instance has its own.
 * @publicApi
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly events: LruTtlMap<EventRecord>;
  private readonly ranks: LruTtlMap<RankRecord>;
  /**
   * Records keep times in ms since the store was made: small integers, which V8 stores inside the
   * record, where ms since 1970 each need a number of their own on the heap (the store keeps up to
   * two records per webhook). Past about 24 days of uptime they are ordinary numbers again.
   */
  private readonly epoch = Date.now();

  /**
   * @param options.maxEntries @default 100_000
   * @param options.ttl how long a record lives, in ms @default 86_400_000 (24 h)
   */
  constructor(private readonly options: { maxEntries?: number; ttl?: number } = {}) {
    this.events = new LruTtlMap(options.maxEntries ?? 100_000);
    this.ranks = new LruTtlMap(options.maxEntries ?? 100_000);
  }

  async claim(key: string, owner: string, leaseMs: number): Promise<IdempotencyClaim> {
    const taken = this.takeNow(key, owner, leaseMs);
    if (taken === 'done') return DONE;
    if (taken === 'busy') return BUSY;
    return {
      status: 'claimed',
      completedHandlers: taken.handlers ? new Set(taken.handlers) : NONE,
    };
  }

  async complete(key: string, ttlMs: number): Promise<void> {
    this.completeNow(key, ttlMs);
  }

  async release(key: string, owner: string): Promise<void> {
    this.releaseNow(key, owner);
  }

  async advance(resource: string, rank: number, ttlMs: number): Promise<number | undefined> {
    return this.advanceNow(resource, rank, ttlMs);
  }

  /**
   * `claim`, answered at once, handing back the record it claimed. The event bus calls this and
   * the other `…Now` methods directly when it can. @internal
   */
  takeNow(key: string, owner: string | number, leaseMs: number): EventRecord | 'done' | 'busy' {
    const now = this.clock();
    const record = this.events.get(key, now);
    if (!record) {
      const fresh = eventRecord(false, owner, now + leaseMs, now + this.ttl);
      this.events.add(key, fresh);
      return fresh;
    }
    if (record.done) return 'done';
    if (record.owner !== undefined && record.leaseUntil > now) return 'busy';
    record.owner = owner;
    record.leaseUntil = now + leaseMs;
    return record;
  }

  async completeHandler(key: string, handlerId: string, ttlMs: number): Promise<void> {
    const now = this.clock();
    let record = this.events.peek(key, now);
    if (!record) this.events.add(key, (record = eventRecord(false, undefined, 0, now + ttlMs)));
    (record.handlers ??= new Set()).add(handlerId);
  }

  /** `complete`, at once. @internal */
  completeNow(key: string, ttlMs: number): void {
    const now = this.clock();
    const record = this.events.peek(key, now);
    // Updated where it stands: the claim just made it one of the most recently used.
    if (!record) this.events.add(key, eventRecord(true, undefined, 0, now + ttlMs));
    else {
      record.done = true;
      record.owner = undefined;
      record.handlers = undefined;
      record.expiresAt = now + ttlMs;
    }
  }

  /** `release`, at once. @internal */
  releaseNow(key: string, owner: string | number): void {
    const record = this.events.peek(key, this.clock());
    if (record && record.owner === owner) record.owner = undefined;
  }

  /** `advance`, at once. @internal */
  advanceNow(resource: string, rank: number, ttlMs: number): number | undefined {
    const now = this.clock();
    const record = this.ranks.get(resource, now);
    if (!record) {
      this.ranks.add(resource, { rank, expiresAt: now + ttlMs });
      return undefined;
    }
    const previous = record.rank;
    if (rank > previous) {
      record.rank = rank;
      record.expiresAt = now + ttlMs;
    }
    return previous;
  }

  private clock(): number {
    return Date.now() - this.epoch;
  }

  private get ttl(): number {
    return this.options.ttl ?? 86_400_000;
  }
}

/** Every record built by one function, so that they all share one shape. */
function eventRecord(
  done: boolean,
  owner: string | number | undefined,
  leaseUntil: number,
  expiresAt: number,
): EventRecord {
  return { done, owner, leaseUntil, handlers: undefined, expiresAt };
}
