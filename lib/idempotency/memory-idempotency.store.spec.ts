import * as fc from 'fast-check';
import { jest } from '@jest/globals';
import { LruTtlMap } from './lru-ttl-map.js';
import { MemoryIdempotencyStore } from './memory-idempotency.store.js';

describe('MemoryIdempotencyStore', () => {
  afterEach(() => jest.useRealTimers());

  it('claims once, reports busy while claimed, and done after completion', async () => {
    const store = new MemoryIdempotencyStore();
    expect(await store.claim('k', 'a', 1_000)).toEqual({
      status: 'claimed',
      completedHandlers: new Set(),
    });
    expect(await store.claim('k', 'b', 1_000)).toEqual({ status: 'busy' });
    await store.complete('k', 60_000);
    expect(await store.claim('k', 'b', 1_000)).toEqual({ status: 'done' });
  });

  it('hands a released claim to the next caller with the handlers that succeeded', async () => {
    const store = new MemoryIdempotencyStore();
    await store.claim('k', 'a', 1_000);
    await store.completeHandler('k', 'H.one', 60_000);
    await store.release('k', 'someone-else'); // not the owner: ignored
    expect((await store.claim('k', 'b', 1_000)).status).toBe('busy');
    await store.release('k', 'a');
    expect(await store.claim('k', 'b', 1_000)).toEqual({
      status: 'claimed',
      completedHandlers: new Set(['H.one']),
    });
  });

  it('frees a claim whose lease ran out, and forgets events after the TTL', async () => {
    jest.useFakeTimers({ now: 0 });
    const store = new MemoryIdempotencyStore({ ttl: 10_000 });
    await store.claim('k', 'a', 1_000);
    jest.setSystemTime(1_001);
    expect((await store.claim('k', 'b', 1_000)).status).toBe('claimed');
    await store.complete('k', 5_000);
    jest.setSystemTime(6_002);
    expect((await store.claim('k', 'c', 1_000)).status).toBe('claimed');
  });

  it('keeps its rules after weeks of uptime, past the small integers of its clock', async () => {
    jest.useFakeTimers({ now: 0 });
    const day = 86_400_000;
    const store = new MemoryIdempotencyStore({ ttl: 90 * day });
    await store.complete('gone', 30 * day);
    await store.complete('kept', 90 * day);
    await store.advance('call:CA1', 2, 90 * day);
    jest.setSystemTime(40 * day); // 2^31 ms is about 24.9 days
    expect((await store.claim('gone', 'b', 1_000)).status).toBe('claimed');
    expect((await store.claim('kept', 'b', 1_000)).status).toBe('done');
    expect(await store.advance('call:CA1', 1, 1_000)).toBe(2);
    expect((await store.claim('late', 'b', 1_000)).status).toBe('claimed');
    expect((await store.claim('late', 'c', 1_000)).status).toBe('busy');
    jest.setSystemTime(40 * day + 1_001);
    expect((await store.claim('late', 'c', 1_000)).status).toBe('claimed'); // the lease ran out
    await store.complete('late', 5_000);
    jest.setSystemTime(40 * day + 6_002);
    expect((await store.claim('late', 'd', 1_000)).status).toBe('claimed'); // the TTL ran out
  });

  it('keeps the furthest rank per resource', async () => {
    const store = new MemoryIdempotencyStore();
    expect(await store.advance('message:SM1', 4, 1_000)).toBeUndefined();
    expect(await store.advance('message:SM1', 5, 1_000)).toBe(4);
    expect(await store.advance('message:SM1', 2, 1_000)).toBe(5);
    expect(await store.advance('message:SM1', 3, 1_000)).toBe(5);
    expect(await store.advance('message:SM2', 1, 1_000)).toBeUndefined();
  });

  it('returns the furthest rank before each advance, whatever the ranks', async () => {
    // Small ranks are packed with their expiry into one number; others are kept as they are.
    const rank = fc.oneof(
      fc.integer({ min: 0, max: 1023 }),
      fc.constantFrom(-1, 1024, 1e6, 2.5, Number.MAX_SAFE_INTEGER),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(rank, { maxLength: 30 }), async (ranks) => {
        const store = new MemoryIdempotencyStore();
        let furthest: number | undefined;
        for (const r of ranks) {
          expect(await store.advance('call:CA1', r, 60_000)).toBe(furthest);
          if (furthest === undefined || r > furthest) furthest = r;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('forgets a rank after its TTL, counted from the last raise', async () => {
    jest.useFakeTimers({ now: 1_000 });
    const store = new MemoryIdempotencyStore();
    await store.advance('call:CA1', 2, 5_000);
    jest.setSystemTime(4_000);
    await store.advance('call:CA1', 3, 5_000); // raised: lives until 9_000
    jest.setSystemTime(8_999);
    expect(await store.advance('call:CA1', 1, 5_000)).toBe(3);
    jest.setSystemTime(9_000);
    expect(await store.advance('call:CA1', 1, 5_000)).toBeUndefined();
  });

  it('completes a taken record, even one evicted since it was taken', async () => {
    const store = new MemoryIdempotencyStore({ maxEntries: 1 });
    const first = store.takeNow('a', 'x', 1_000);
    if (typeof first === 'string') throw new Error(`took ${first}`);
    store.completeNow('a', 60_000);
    expect(await store.claim('a', 'y', 1_000)).toEqual({ status: 'done' });

    const second = store.takeNow('b', 'x', 1_000); // evicts a: the store holds one record
    if (typeof second === 'string') throw new Error(`took ${second}`);
    expect(store.takeNow('c', 'x', 1_000)).not.toBe('busy'); // evicts b, the record just taken
    store.completeNow('b', 60_000);
    expect(await store.claim('b', 'y', 1_000)).toEqual({ status: 'done' });
    expect(store.takeNow('b', 'z', 1_000)).toBe('done');
  });

  it('stays within maxEntries, dropping the least recently used', async () => {
    const store = new MemoryIdempotencyStore({ maxEntries: 2 });
    await store.complete('a', 60_000);
    await store.complete('b', 60_000);
    expect((await store.claim('a', 'x', 1_000)).status).toBe('done'); // touches a
    await store.complete('c', 60_000); // evicts b
    expect((await store.claim('b', 'x', 1_000)).status).toBe('claimed');
  });
});

interface Entry {
  value: number;
  expiresAt: number;
}
const entry = (value: number, expiresAt = 1_000): Entry => ({ value, expiresAt });

describe('LruTtlMap', () => {
  it('expires entries and evicts the oldest when full', () => {
    const map = new LruTtlMap<Entry>(2);
    map.add('a', entry(1, 100));
    map.add('b', entry(2, 100));
    expect(map.get('a', 50)?.value).toBe(1);
    map.add('c', entry(3, 160));
    expect(map.get('b', 60)).toBeUndefined();
    expect(map.peek('a', 99)?.value).toBe(1);
    expect(map.get('a', 100)).toBeUndefined();
    expect(map.size).toBe(1);
  });

  it('evicts in least-recently-used order under any mix of reads, peeks, writes and deletes', () => {
    // A plain array is the reference: most recently used last.
    const op = fc.record({
      kind: fc.constantFrom('set', 'add', 'get', 'peek', 'delete'),
      key: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(op, { minLength: 10, maxLength: 120 }),
        (max, ops) => {
          const map = new LruTtlMap<Entry>(max);
          let model: number[] = [];
          const seen: (number | undefined)[] = [];
          const expected: (number | undefined)[] = [];
          for (const { kind, key } of ops) {
            const k = String(key);
            const known = model.includes(key);
            if (kind === 'peek') {
              seen.push(map.peek(k, 0)?.value);
              expected.push(known ? key : undefined);
              continue;
            }
            model = model.filter((m) => m !== key);
            if (kind === 'set' || (kind === 'add' && !known)) {
              while (model.length >= max) model.shift();
              model.push(key);
              // 'set' replaces a key that may be there: delete, then add as newest.
              if (kind === 'set') map.delete(k);
              map.add(k, entry(key));
            } else if (kind === 'get') {
              if (known) model.push(key);
              seen.push(map.get(k, 0)?.value);
              expected.push(known ? key : undefined);
            } else {
              map.delete(k); // also 'add' of a key that is there: callers add only absent keys
            }
            seen.push(map.size);
            expected.push(model.length);
          }
          expect(seen).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
