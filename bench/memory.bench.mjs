// Memory benchmark of the in-memory idempotency store: heap bytes per record at 1,000,000 keys,
// and proof that it never holds more than its maximum entry count, whatever arrives. Also prints
// the store's cost per callback before and after it reaches the bound.
// Usage: npm run bench:memory   (runs node with --expose-gc)
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { MemoryIdempotencyStore } from 'nestjs-twilio-webhooks';
import { describeMachine, table } from './support/report.mjs';

if (typeof global.gc !== 'function')
  throw new Error('run with node --expose-gc (npm run bench:memory)');
const MILLION = 1_000_000;
const DEFAULT_MAX = 100_000; // MemoryIdempotencyStore's documented default
const TTL = 86_400_000;
const LEASE = 30_000;
const WINDOW = 20_000; // callbacks timed at the end of each phase

function heapUsed() {
  global.gc();
  global.gc();
  return process.memoryUsage().heapUsed;
}

/** The store's record counts. They are internal: read here only to prove the bound. */
function sizes(store) {
  return { events: store.events.size, ranks: store.ranks.size };
}

/**
 * What the event bus writes for one status callback: a claim and a completion under the delivery's
 * idempotency token (a UUID), and the furthest status of the message (`message:<MessageSid>`).
 */
async function deliver(store, n) {
  const token = randomUUID();
  await store.claim(token, 'owner', LEASE);
  await store.complete(token, TTL);
  await store.advance(`message:SM${n.toString(16).padStart(32, '0')}`, 3, TTL);
}

/** Sends `count` distinct callbacks, checking the bound as it goes; µs per callback at the end. */
async function fill(store, from, count, bound) {
  let started = 0;
  for (let n = from; n < from + count; n++) {
    if (n === from + count - WINDOW) started = performance.now();
    await deliver(store, n);
    if (n % 10_000 === 0) {
      const { events, ranks } = sizes(store);
      if (events > bound || ranks > bound) {
        throw new Error(`the store holds ${events} / ${ranks} records, over maxEntries ${bound}`);
      }
    }
  }
  return ((performance.now() - started) * 1000) / WINDOW;
}

const rows = [];
const row = (label, store, bytes, callbacks, usPerCallback) => {
  const { events, ranks } = sizes(store);
  rows.push([
    label,
    callbacks,
    events,
    ranks,
    Math.round(bytes / 2 ** 20),
    Math.round(bytes / (events + ranks)),
    Number(usPerCallback.toFixed(1)),
  ]);
};

// 1. Bytes per record at one million keys (maxEntries raised so that nothing is evicted).
{
  const before = heapUsed();
  const store = new MemoryIdempotencyStore({ maxEntries: MILLION, ttl: TTL });
  const us = await fill(store, 0, MILLION, MILLION);
  row('maxEntries 1,000,000', store, heapUsed() - before, MILLION, us);
}

// 2. The default bound: filling it, then 2.5 times as many callbacks as it holds.
{
  const before = heapUsed();
  const store = new MemoryIdempotencyStore({ ttl: TTL });
  const usFilling = await fill(store, 0, DEFAULT_MAX, DEFAULT_MAX);
  row('default, filling', store, heapUsed() - before, DEFAULT_MAX, usFilling);
  const usFull = await fill(store, DEFAULT_MAX, 1.5 * DEFAULT_MAX, DEFAULT_MAX);
  row('default, at the bound', store, heapUsed() - before, 2.5 * DEFAULT_MAX, usFull);
  // The least recently used message has been forgotten, as the bound requires.
  if ((await store.advance(`message:SM${'0'.repeat(32)}`, 1, TTL)) !== undefined) {
    throw new Error('the oldest record outlived the bound');
  }
}

console.log(`${describeMachine()}\n`);
console.log(
  table(
    [
      'store',
      'callbacks',
      'event records',
      'status records',
      'heap MiB',
      'B/record',
      'µs/callback',
    ],
    rows,
  ),
);
console.log(
  `\nA callback writes two records (its delivery and its message's status), so B/callback is twice ` +
    `B/record. No map ever held more than maxEntries (checked every 10,000 callbacks); ` +
    `µs/callback is the store's time for the last ${WINDOW.toLocaleString('en')} callbacks of each phase.`,
);
