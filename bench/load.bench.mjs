// Load benchmark: (a) a hand-written Nest 12 route checking the signature with the SDK, (b) the
// package's status-callback route with payload transformation and one event handler, both on
// Express and Fastify, and (c) plain Express with twilio.webhook(). Each server runs in its own
// process; autocannon drives it from here with 32 connections and distinct signed callbacks.
// Runs alternate (a, b, then b, a) and the figures are medians over the rounds.
// On a machine with two CPUs or more, the load generator and the server each get a CPU of their
// own (taskset), as load tests are usually run: left to the scheduler, the two share CPUs and each
// µs of server work cost 1.7–2.4 µs in these runs (docs/performance.md). BENCH_PIN=0 turns it off.
// Usage: npm run bench:load   (BENCH_ROUNDS, BENCH_SECONDS to change the run length)
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { AUTH_TOKEN, PUBLIC_URL, STATUS_PATH } from './load/bench-server.mjs';
import { signedStatusCallbacks, statusCallbackParams } from './load/signed-status-callbacks.mjs';
import { describeMachine, median, table } from './support/report.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const WARMUP_SECONDS = 1;
const CONNECTIONS = 32;
// Enough distinct callbacks for the fastest case at 20,000 req/s; none is ever sent twice.
const POOL_SIZE = 20_000 * (SECONDS + WARMUP_SECONDS);

const CASES = {
  a: { file: 'hand-written-route.server.mjs', label: '(a) hand-written Nest route, SDK check' },
  b: { file: 'package-route.server.mjs', label: '(b) @TwilioStatusCallback + payload + 1 handler' },
  c: { file: 'express-twilio-webhook.server.mjs', label: '(c) plain Express + twilio.webhook()' },
};
const RUNS = [
  ['express', 'a'],
  ['express', 'b'],
  ['fastify', 'a'],
  ['fastify', 'b'],
  ['express', 'c'],
];

/** CPU 0 for autocannon (this process), CPU 1 for the server, when that is possible here. */
function pinCpus() {
  if (process.env.BENCH_PIN === '0' || availableParallelism() < 2) return false;
  const pinned = spawnSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  return pinned.status === 0;
}
const PINNED = pinCpus();

// One pool for every run: each server process starts with an empty idempotency store, and within
// a process no callback is sent twice (warm-up included).
const pool = signedStatusCallbacks(POOL_SIZE);

async function startServer(file, adapter) {
  const path = fileURLToPath(new URL(`./load/${file}`, import.meta.url));
  const [command, args] = PINNED
    ? ['taskset', ['-c', '1', process.execPath, path, adapter]]
    : [process.execPath, [path, adapter]];
  const child = spawn(command, args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`${file} (${adapter}) exited with ${code} before listening`);
    }),
  ]);
  return {
    port: message.port,
    /** User + system CPU time of the server process so far, in µs. */
    async cpu() {
      const reply = once(child, 'message');
      child.send('cpu');
      const [{ cpu }] = await reply;
      return cpu.user + cpu.system;
    },
    async stop() {
      const stats = once(child, 'message');
      const exited = once(child, 'exit');
      child.send('stop');
      const [{ stats: counters }] = await stats;
      await exited;
      return counters;
    },
  };
}

/** A signed callback is answered 204 and a forged one 403, so the run measures the real route. */
async function checkServer(port) {
  const url = PUBLIC_URL + STATUS_PATH;
  const params = statusCallbackParams(1e9);
  const send = (token) =>
    fetch(`http://127.0.0.1:${port}${STATUS_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': getExpectedTwilioSignature(token, url, params),
      },
      body: new URLSearchParams(params),
    }).then((res) => res.status);
  const [signed, forged] = [await send(AUTH_TOKEN), await send('0'.repeat(32))];
  if (signed !== 204 || forged !== 403)
    throw new Error(`sanity check: signed ${signed}, forged ${forged}`);
}

/** Drives the server for `seconds`, each request the next unused callback of the pool. */
function load(port, seconds, cursor) {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: STATUS_PATH,
        setupRequest: (req) => {
          if (cursor.next >= pool.length) throw new Error('the pool ran out: raise POOL_SIZE');
          return { ...req, ...pool[cursor.next++] };
        },
      },
    ],
  });
}

async function run(adapter, id) {
  const server = await startServer(CASES[id].file, adapter);
  try {
    await checkServer(server.port);
    const cursor = { next: 0 };
    const warmup = await load(server.port, WARMUP_SECONDS, cursor);
    const cpuBefore = await server.cpu();
    const result = await load(server.port, SECONDS, cursor);
    const cpuUs = (await server.cpu()) - cpuBefore;
    const counters = await server.stop();
    for (const r of [warmup, result]) {
      if (r.non2xx || r.errors || r.timeouts) {
        throw new Error(
          `${adapter} ${id}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`,
        );
      }
    }
    // The sanity request, the warm-up and the run: the handler ran once per accepted callback
    // (plus those still in flight when a timed run stopped counting, at most one per connection).
    const accepted = 1 + warmup['2xx'] + result['2xx'];
    const { handled } = counters;
    if (handled !== undefined && (handled < accepted || handled > accepted + 2 * CONNECTIONS)) {
      throw new Error(
        `${adapter} ${id}: the handler ran ${handled} times for ${accepted} callbacks`,
      );
    }
    return {
      // Server CPU per request varies far less than req/s on a shared machine.
      cpuUs: cpuUs / result.requests.total,
      rps: result.requests.total / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
    };
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }
}

const samples = new Map(RUNS.map(([adapter, id]) => [`${adapter} ${id}`, []]));
const started = Date.now();
for (let round = 0; round < ROUNDS; round++) {
  // a before b in even rounds, b before a in odd ones, so that drift favours neither.
  const order =
    round % 2 === 0 ? RUNS : RUNS.map(([ad, id]) => [ad, id === 'a' ? 'b' : id === 'b' ? 'a' : id]);
  for (const [adapter, id] of order) {
    const sample = await run(adapter, id);
    samples.get(`${adapter} ${id}`).push(sample);
    process.stdout.write(
      `round ${round + 1}/${ROUNDS} ${adapter} ${id}: ${Math.round(sample.rps)} req/s, ` +
        `${Math.round(sample.cpuUs)} µs server CPU per request\n`,
    );
  }
}

const summary = RUNS.map(([adapter, id]) => {
  const runs = samples.get(`${adapter} ${id}`);
  return {
    adapter,
    case: CASES[id].label,
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    cpuUs: median(runs.map((r) => r.cpuUs)),
  };
});
const ratios = ['express', 'fastify'].map((adapter) => {
  const a = samples.get(`${adapter} a`);
  const b = samples.get(`${adapter} b`);
  const paired = b.map((sample, i) => sample.rps / a[i].rps);
  const cpu = median(a.map((r) => r.cpuUs)) / median(b.map((r) => r.cpuUs));
  return { adapter, ratio: median(b.map((r) => r.rps)) / median(a.map((r) => r.rps)), paired, cpu };
});

console.log(`\n${describeMachine()}`);
console.log(
  `${CONNECTIONS} connections, distinct signed status callbacks, ${SECONDS} s per run after ` +
    `${WARMUP_SECONDS} s of warm-up, each server in a fresh process` +
    `${PINNED ? ' on a CPU of its own (autocannon on another)' : ''}, ${ROUNDS} rounds, medians; ` +
    `${((Date.now() - started) / 1000).toFixed(0)} s in all\n`,
);
console.log(
  table(
    ['adapter', 'case', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req'],
    summary.map((s) => [s.adapter, s.case, Math.round(s.rps), s.p50, s.p99, Math.round(s.cpuUs)]),
  ),
);
console.log('');
for (const { adapter, ratio, paired, cpu } of ratios) {
  const range = `${Math.min(...paired).toFixed(2)}–${Math.max(...paired).toFixed(2)}`;
  console.log(
    `b/a on ${adapter}: ${ratio.toFixed(2)} in req/s (per round: ${range}); ` +
      `${cpu.toFixed(2)} in server CPU per request (a/b)`,
  );
}
mkdirSync('.tmp', { recursive: true });
writeFileSync(
  '.tmp/bench-load.json',
  JSON.stringify({ summary, ratios, samples: Object.fromEntries(samples) }, null, 2),
);
