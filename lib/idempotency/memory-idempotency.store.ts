import type { IdempotencyClaim, IdempotencyStore } from './idempotency-store.interface.js';
import { LruTtlMap } from './lru-ttl-map.js';

/** An event being handled: claimed by `owner` until `leaseUntil`, or released after a failure. */
interface ClaimRecord {
  owner: string | undefined;
  leaseUntil: number;
  handlers: Set<string> | undefined;
  expiresAt: number;
}

/**
 * A done event is only its expiry time (a number), a claimed one a `ClaimRecord`. The store can
 * hold hundreds of thousands of done events, and each object fewer per entry is less for the
 * garbage collector to copy and mark on every webhook.
 */
type EventEntry = number | ClaimRecord;

// A rank and its expiry packed into one number: ranks are small integers (see statusRank).
const RANK_SLOTS = 1024;

const NONE: ReadonlySet<string> = new Set();

/**
 * The default store: one process, no dependencies. Bounded in age (`ttl`) and size
 * (`maxEntries`, least recently used first out), so it cannot grow without limit.
 * Every app instance has its own.
 * @publicApi
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly events: LruTtlMap<EventEntry>;
  /** Per resource: `expiresAt * RANK_SLOTS + rank`, or `{ rank, expiresAt }` for other ranks. */
  private readonly ranks: LruTtlMap<number | { rank: number; expiresAt: number }>;

  /**
   * @param options.maxEntries @default 100_000
   * @param options.ttl how long a record lives, in ms @default 86_400_000 (24 h)
   */
  constructor(private readonly options: { maxEntries?: number; ttl?: number } = {}) {
    const max = options.maxEntries ?? 100_000;
    this.events = new LruTtlMap(max, (entry) =>
      typeof entry === 'number' ? entry : entry.expiresAt,
    );
    this.ranks = new LruTtlMap(max, (entry) =>
      typeof entry === 'number' ? Math.floor(entry / RANK_SLOTS) : entry.expiresAt,
    );
  }

  async claim(key: string, owner: string, leaseMs: number): Promise<IdempotencyClaim> {
    const now = Date.now();
    const entry = this.events.get(key, now);
    if (entry === undefined) {
      this.events.add(key, claimRecord(owner, now + leaseMs, now + this.ttl));
      return { status: 'claimed', completedHandlers: NONE };
    }
    if (typeof entry === 'number') return { status: 'done' };
    if (entry.owner !== undefined && entry.leaseUntil > now) return { status: 'busy' };
    entry.owner = owner;
    entry.leaseUntil = now + leaseMs;
    return { status: 'claimed', completedHandlers: new Set(entry.handlers ?? NONE) };
  }

  async completeHandler(key: string, handlerId: string, ttlMs: number): Promise<void> {
    const now = Date.now();
    let entry = this.events.peek(key, now);
    if (typeof entry === 'number') return; // the event is done already
    if (entry === undefined) this.events.add(key, (entry = claimRecord(undefined, 0, now + ttlMs)));
    (entry.handlers ??= new Set()).add(handlerId);
  }

  async complete(key: string, ttlMs: number): Promise<void> {
    const now = Date.now();
    // Replaced where it stands (a `Map` keeps a key's place): the claim made it recent already.
    if (this.events.peek(key, now) === undefined) this.events.add(key, now + ttlMs);
    else this.events.replace(key, now + ttlMs);
  }

  async release(key: string, owner: string): Promise<void> {
    const entry = this.events.peek(key);
    if (typeof entry === 'object' && entry.owner === owner) entry.owner = undefined;
  }

  async advance(resource: string, rank: number, ttlMs: number): Promise<number | undefined> {
    const now = Date.now();
    const entry = this.ranks.get(resource, now);
    const previous = entry === undefined ? undefined : rankOf(entry);
    if (previous === undefined || rank > previous) {
      const packed = packRank(rank, now + ttlMs);
      if (entry === undefined) this.ranks.add(resource, packed);
      else this.ranks.replace(resource, packed);
    }
    return previous;
  }

  private get ttl(): number {
    return this.options.ttl ?? 86_400_000;
  }
}

/** Every claim built by one function, so that they all share one shape. */
function claimRecord(
  owner: string | undefined,
  leaseUntil: number,
  expiresAt: number,
): ClaimRecord {
  return { owner, leaseUntil, handlers: undefined, expiresAt };
}

function packRank(rank: number, expiresAt: number): number | { rank: number; expiresAt: number } {
  const fits = Number.isInteger(rank) && rank >= 0 && rank < RANK_SLOTS;
  return fits && Number.isSafeInteger(expiresAt * RANK_SLOTS)
    ? expiresAt * RANK_SLOTS + rank
    : { rank, expiresAt };
}

function rankOf(entry: number | { rank: number }): number {
  return typeof entry === 'number' ? entry % RANK_SLOTS : entry.rank;
}
