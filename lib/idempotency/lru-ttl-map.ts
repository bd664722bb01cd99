/** What the map holds: any record that carries its own expiry time, on the caller's clock. */
export interface ExpiringEntry {
  expiresAt: number;
}

/**
 * A map bounded in size and age: entries expire at their `expiresAt`, and when it is full the
 * least recently used entry makes room. A `Map` keeps insertion order, so re-inserting on access
 * is enough to keep the oldest entry first.
 *
 * The entries are the callers' own mutable records (no wrapper per entry), and `peek` and `add`
 * skip the reordering and the delete that `get` and a general `set` would need: the event bus writes to this map
 * on every webhook, and each `Map` operation on a large map costs a cache miss or two.
 */
export class LruTtlMap<E extends ExpiringEntry> {
  private readonly entries = new Map<string, E>();
  /** The most recently used key: reading it again needs no reordering (the common case). */
  private newest?: string;
  /**
   * A live iterator over the keys, kept between evictions. Starting a new one each time would
   * walk past every slot that deletions left empty at the front of the Map (V8 compacts only on
   * resize), which made each eviction O(n) once the map was full. Everything before its position
   * has been deleted, so the next key it yields is always the least recently used one.
   */
  private evictionCursor?: Iterator<string>;

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The live entry under `key` at time `now`, which becomes the most recently used. */
  get(key: string, now: number): E | undefined {
    const entry = this.peek(key, now);
    if (entry !== undefined && key !== this.newest) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.newest = key;
    }
    return entry;
  }

  /** The live entry under `key` at time `now`, left where it is in the eviction order. */
  peek(key: string, now: number): E | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.expiresAt > now) return entry;
    this.delete(key);
    return undefined;
  }

  /** Stores `entry` under a key that `get` or `peek` has just found empty. */
  add(key: string, entry: E): void {
    while (this.entries.size >= this.maxEntries) this.evictOldest();
    this.entries.set(key, entry);
    this.newest = key;
  }

  delete(key: string): void {
    this.entries.delete(key);
    if (key === this.newest) this.newest = undefined;
  }

  private evictOldest(): void {
    let next = this.evictionCursor?.next();
    if (!next || next.done) {
      this.evictionCursor = this.entries.keys();
      next = this.evictionCursor.next();
    }
    if (!next.done) this.delete(next.value);
  }
}
