// Where a load benchmark case spends its time: runs one server under `--cpu-prof`, drives it with
// the same signed callbacks as bench:load, and prints self time by module and function (from the
// moment the server listens, start-up left out).
// Usage: npm run bench:profile -- <a|b|c> <express|fastify>   (BENCH_RATE=0 for full speed)
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STATUS_PATH } from './load/bench-server.mjs';
import { summarize } from './load/cpu-profile.mjs';
import { signedStatusCallbacks } from './load/signed-status-callbacks.mjs';
import { table } from './support/report.mjs';

const FILES = {
  a: 'hand-written-route.server.mjs',
  b: 'package-route.server.mjs',
  c: 'express-twilio-webhook.server.mjs',
};
const [id = 'b', adapter = 'fastify'] = process.argv.slice(2);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
// A fixed rate below saturation keeps the load generator from competing for the CPU.
const RATE = Number(process.env.BENCH_RATE ?? 1_500);
// Frames whose inclusive time is worth knowing on the request path.
const FOCUS = [
  'canActivate',
  'readWebhookBody',
  'validateRequest',
  'parseFormParams',
  'payloadResultOf',
  'transformTwilioPayload',
  'createTwilioPayload',
  'intercept',
  'dispatch',
  'claim',
  'complete',
  'parse',
];

const dir = mkdtempSync(join(tmpdir(), 'twilio-bench-profile-'));
const server = spawn(
  process.execPath,
  [
    '--cpu-prof',
    '--cpu-prof-dir',
    dir,
    fileURLToPath(new URL(`./load/${FILES[id]}`, import.meta.url)),
    adapter,
  ],
  { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
);
const [{ port, readyAtUs }] = await once(server, 'message');
const pool = signedStatusCallbacks(REQUESTS + 200);
let next = 0;
const result = await autocannon({
  url: `http://127.0.0.1:${port}`,
  connections: 32,
  amount: REQUESTS,
  overallRate: RATE || undefined,
  requests: [
    { method: 'POST', path: STATUS_PATH, setupRequest: (req) => ({ ...req, ...pool[next++] }) },
  ],
});
server.send('stop');
await once(server, 'exit');
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const summary = summarize(JSON.parse(readFileSync(join(dir, file), 'utf8')), FOCUS, readyAtUs);
const rows = (list) =>
  list.map(([name, ms, pct]) => [name, Math.round(ms), Number(pct.toFixed(1))]);
console.log(
  `case ${id} on ${adapter}: ${Math.round(result.requests.total / result.duration)} req/s, ${result['2xx']} 2xx`,
);
const idle = summary.modules.find(([name]) => name === '(idle)')?.[1] ?? 0;
const busyUs = ((summary.totalMs - idle) * 1000) / (REQUESTS + 1);
console.log(
  `busy CPU per request: ${busyUs.toFixed(0)} µs (server process after start-up, profiler on)`,
);
console.log(`profile: ${join(dir, file)}\n`);
console.log(table(['module (self time)', 'ms', '%'], rows(summary.modules)));
console.log('');
console.log(table(['function (self time)', 'ms', '%'], rows(summary.functions)));
console.log('');
console.log(table(['frame (inclusive)', 'ms', '%'], rows(summary.inclusive)));
