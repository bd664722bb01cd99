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
    while (this.slots.size >= this.maxEntries) {
      const oldest = this.slots.keys().next().value as string;
      this.slots.delete(oldest);
    }
    this.slots.set(key, { value, expiresAt: now + ttlMs });
    this.newest = key;
  }

  delete(key: string): void {
    this.slots.delete(key);
    if (key === this.newest) this.newest = undefined;
  }
}
