import type { IdempotencyClaim, IdempotencyStore } from './idempotency-store.interface.js';
import { LruTtlMap } from './lru-ttl-map.js';

interface EventRecord {
  done: boolean;
  owner?: string;
  leaseUntil: number;
  handlers?: Set<string>;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The default store: one process, no dependencies. Bounded in age (`ttl`) and size
 * (`maxEntries`, least recently used first out), so it cannot grow without limit.
 * Every app instance has its own.
 * @publicApi
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly events: LruTtlMap<EventRecord>;
  private readonly ranks: LruTtlMap<number>;

  /**
   * @param options.maxEntries @default 100_000
   * @param options.ttl how long a record lives, in ms @default 86_400_000 (24 h)
   */
  constructor(private readonly options: { maxEntries?: number; ttl?: number } = {}) {
    this.events = new LruTtlMap(options.maxEntries ?? 100_000);
    this.ranks = new LruTtlMap(options.maxEntries ?? 100_000);
  }

  async claim(key: string, owner: string, leaseMs: number): Promise<IdempotencyClaim> {
    const now = Date.now();
    const record = this.events.get(key, now);
    if (!record) {
      this.events.set(key, { done: false, owner, leaseUntil: now + leaseMs }, this.ttl, now);
      return { status: 'claimed', completedHandlers: NONE };
    }
    if (record.done) return { status: 'done' };
    if (record.owner !== undefined && record.leaseUntil > now) return { status: 'busy' };
    record.owner = owner;
    record.leaseUntil = now + leaseMs;
    return { status: 'claimed', completedHandlers: new Set(record.handlers ?? NONE) };
  }

  async completeHandler(key: string, handlerId: string, ttlMs: number): Promise<void> {
    const record = this.events.get(key) ?? this.fresh(key, ttlMs);
    (record.handlers ??= new Set()).add(handlerId);
  }

  async complete(key: string, ttlMs: number): Promise<void> {
    this.events.set(key, { done: true, leaseUntil: 0 }, ttlMs);
  }

  async release(key: string, owner: string): Promise<void> {
    const record = this.events.get(key);
    if (record && record.owner === owner) record.owner = undefined;
  }

  async advance(resource: string, rank: number, ttlMs: number): Promise<number | undefined> {
    const previous = this.ranks.get(resource);
    if (previous === undefined || rank > previous) this.ranks.set(resource, rank, ttlMs);
    return previous;
  }

  private get ttl(): number {
    return this.options.ttl ?? 86_400_000;
  }

  private fresh(key: string, ttlMs: number): EventRecord {
    const record: EventRecord = { done: false, leaseUntil: 0 };
    this.events.set(key, record, ttlMs);
    return record;
  }
}
