// Shared by the load-benchmark servers: one Nest app per process, on the adapter named by argv[2],
// created as a user's main.ts creates it, listening on a free local port that is reported to the
// parent over IPC.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';

/** The account token the load requests are signed with (a dummy, never a real one). */
export const AUTH_TOKEN = '2f1c0e9d8b7a6f5e4d3c2b1a09f8e7d6';
/** The origin Twilio would call; every server checks signatures against it. */
export const PUBLIC_URL = 'https://bench.example.com';
/** The status-callback route every server exposes. */
export const STATUS_PATH = '/twilio/status';

/**
 * Applies decorators by hand, as TypeScript's emitted code does: method and parameter decorators
 * on a prototype method (parameter decorators given as `[index, decorator]`).
 */
export function decorate(target, method, ...decorators) {
  const wrapped = decorators.map((d) =>
    Array.isArray(d) ? (proto, key) => d[1](proto, key, d[0]) : d,
  );
  Reflect.decorate(wrapped, target, method, Object.getOwnPropertyDescriptor(target, method));
}

/**
 * Boots `AppModule` on the adapter from argv, listens, and tells the parent the port. `stats`
 * reads counters from the app for the parent's sanity check when the run ends.
 */
export async function startNestBenchServer(AppModule, stats = () => ({})) {
  const adapterName = process.argv[2] ?? 'express';
  const adapter =
    adapterName === 'fastify'
      ? new (await import('@nestjs/platform-fastify')).FastifyAdapter()
      : new (await import('@nestjs/platform-express')).ExpressAdapter();
  // rawBody: true is what the package's README asks for; every Nest server gets the same options.
  const app = await NestFactory.create(AppModule, adapter, { rawBody: true, logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  reportReady(
    app.getHttpServer(),
    () => app.close(),
    () => stats(app),
  );
}

/**
 * Sends `{ port, readyAtUs }` to the parent; answers `cpu` with `{ cpu }` (process.cpuUsage); on
 * `stop`, sends `{ stats }`, closes the server and exits.
 */
export function reportReady(server, close, stats = () => ({})) {
  process.on('message', async (message) => {
    // CPU time used so far, so that the parent can work out CPU per request over a run.
    if (message === 'cpu') return process.send({ cpu: process.cpuUsage() });
    if (message !== 'stop') return;
    process.send({ stats: stats() });
    await close();
    process.exit(0);
  });
  // The monotonic clock V8's profiler stamps samples with, so that a profile can skip start-up.
  process.send({ port: server.address().port, readyAtUs: Number(process.hrtime.bigint() / 1000n) });
}
