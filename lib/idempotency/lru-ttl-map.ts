interface Slot<V> {
  value: V;
  expiresAt: number;
}

/**
 * A map bounded in size and age: entries expire after their TTL, and when it is full the least
 * recently used entry makes room. A `Map` keeps insertion order, so re-inserting on access is
 * enough to keep the oldest entry first.
 */
export class LruTtlMap<V> {
  private readonly slots = new Map<string, Slot<V>>();
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
    return this.slots.size;
  }

  get(key: string, now = Date.now()): V | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    if (slot.expiresAt <= now) {
      this.delete(key);
      return undefined;
    }
    if (key !== this.newest) {
      this.slots.delete(key);
      this.slots.set(key, slot);
      this.newest = key;
    }
    return slot.value;
  }

  set(key: string, value: V, ttlMs: number, now = Date.now()): void {
    this.slots.delete(key);
    while (this.slots.size >= this.maxEntries) this.evictOldest();
    this.slots.set(key, { value, expiresAt: now + ttlMs });
    this.newest = key;
  }

  private evictOldest(): void {
    let next = this.evictionCursor?.next();
    if (!next || next.done) {
      this.evictionCursor = this.slots.keys();
      next = this.evictionCursor.next();
    }
    if (!next.done) this.delete(next.value);
  }

  delete(key: string): void {
    this.slots.delete(key);
    if (key === this.newest) this.newest = undefined;
  }
}
