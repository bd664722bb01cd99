import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { TwilioWebhookModuleOptions } from '../../lib/index.js';
import { ADAPTERS, createApp, type AdapterName } from '../support/adapters.js';
import { describeWithRedis, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { eventsApp } from '../fixtures/events/app.module.js';
import { deliver, messageStatus } from '../fixtures/events/deliveries.js';
import { EventLog } from '../fixtures/events/event-log.js';

const other = (adapter: AdapterName): AdapterName =>
  adapter === 'express' ? 'fastify' : 'express';

describeWithRedis('Redis idempotency store against a real redis-server', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.dispose();
  });

  const redisOptions = (keyPrefix: string): TwilioWebhookModuleOptions => ({
    idempotency: { store: 'redis', redis: { url: redis.url, keyPrefix }, lease: 5_000 },
  });

  describe.each(ADAPTERS)('two app instances (%s and the other adapter)', (adapter) => {
    let a: INestApplication;
    let b: INestApplication;
    beforeEach(async () => {
      const options = redisOptions(`test-${randomUUID()}:`);
      a = await createApp(adapter, eventsApp(options));
      b = await createApp(other(adapter), eventsApp(options));
    });
    afterEach(async () => {
      await a?.close();
      await b?.close();
    });
    const logs = () => [a.get(EventLog), b.get(EventLog)];
    const ran = (handler: string) => logs().flatMap((log) => log.of(handler));

    it('runs every handler exactly 1,000 times for 1,000 events each delivered twice at once', async () => {
      const events = Array.from({ length: 1_000 }, (_, n) => ({
        params: messageStatus(n, 'delivered'),
        token: randomUUID(),
      }));
      const statuses: number[] = [];
      for (let i = 0; i < events.length; i += 50) {
        const batch = events.slice(i, i + 50).flatMap(({ params, token }, j) => {
          // Both instances get each event at the same time, in alternating order.
          const pair = [a, b].map((app) => deliver(app, '/twilio/status', params, { token }));
          return j % 2 ? [pair[1], pair[0]] : pair;
        });
        statuses.push(...(await Promise.all(batch)).map((res) => res.status));
      }
      expect(statuses.filter((s) => s !== 204)).toEqual([]);
      for (const handler of ['onDelivered', 'onProblemOrStatus', 'audit']) {
        const entries = ran(handler);
        expect(entries).toHaveLength(1_000);
        expect(new Set(entries.map((e) => e.payload.MessageSid)).size).toBe(1_000);
      }
      // Both instances did part of the work.
      expect(logs().every((log) => log.of('audit').length > 0)).toBe(true);
    }, 120_000);

    it('retries a failed handler on the other instance, without re-running the ones that succeeded', async () => {
      a.get(EventLog).failures.set('onDelivered', 1);
      const token = randomUUID();
      const params = messageStatus(5_000, 'delivered');
      await deliver(a, '/twilio/status', params, { token }).expect(500);
      await deliver(b, '/twilio/status', params, { token }).expect(204);
      await deliver(a, '/twilio/status', params, { token }).expect(204);
      expect(ran('onDelivered')).toHaveLength(1);
      expect(b.get(EventLog).of('onDelivered')).toHaveLength(1);
      expect(ran('audit')).toHaveLength(1);
      expect(ran('onProblemOrStatus')).toHaveLength(1);
    });

    it('shares the order of statuses between instances', async () => {
      await deliver(a, '/twilio/status', messageStatus(6_000, 'delivered')).expect(204);
      await deliver(b, '/twilio/status', messageStatus(6_000, 'sent')).expect(204);
      expect(
        b
          .get(EventLog)
          .of('onProblemOrStatus')
          .map((e) => e.ctx.stale),
      ).toEqual([true]);
    });
  });

  it('answers 5xx while Redis is stopped and marks nothing done', async () => {
    const server = await startRedisServer();
    const app = await createApp(
      'express',
      eventsApp({
        idempotency: { store: 'redis', redis: { url: server.url } },
      }),
    );
    try {
      const log = app.get(EventLog);
      const before = { params: messageStatus(7_000, 'delivered'), token: randomUUID() };
      const during = { params: messageStatus(7_001, 'delivered'), token: randomUUID() };
      await deliver(app, '/twilio/status', before.params, { token: before.token }).expect(204);
      expect(log.of('onDelivered')).toHaveLength(1);

      await server.stop();
      const res = await deliver(app, '/twilio/status', during.params, { token: during.token });
      expect(res.status).toBeGreaterThanOrEqual(500);
      expect(
        (await deliver(app, '/twilio/status', before.params, { token: before.token })).status,
      ).toBeGreaterThanOrEqual(500);
      expect(log.of('onDelivered')).toHaveLength(1);

      // Back up with its data: the first event is still done, the one refused meanwhile is not.
      await server.start();
      const retry = await retryUntil(() =>
        deliver(app, '/twilio/status', during.params, { token: during.token }),
      );
      expect(retry.status).toBe(204);
      await deliver(app, '/twilio/status', before.params, { token: before.token }).expect(204);
      expect(log.of('onDelivered').map((e) => e.payload.MessageSid)).toEqual([
        before.params.MessageSid,
        during.params.MessageSid,
      ]);
    } finally {
      await app.close();
      await server.dispose();
    }
  }, 30_000);
});

/** Twilio's retry, compressed: deliver again until the reconnected client answers. */
async function retryUntil(send: () => PromiseLike<{ status: number }>) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await send();
    if (res.status < 500 || Date.now() > deadline) return res;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
