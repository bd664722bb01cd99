import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  MessageStatusCallback,
  TwilioDeadLetters,
  type TwilioWebhookModuleOptions,
} from '../../lib/index.js';
import { ADAPTERS, createApp, type AdapterName } from '../support/adapters.js';
import { describeWithRedis, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { eventsApp } from '../fixtures/events/app.module.js';
import { deliver, messageStatus, sid } from '../fixtures/events/deliveries.js';
import { EventLog } from '../fixtures/events/event-log.js';

const other = (adapter: AdapterName): AdapterName =>
  adapter === 'express' ? 'fastify' : 'express';

describeWithRedis('queue mode with BullMQ against a real redis-server', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.dispose();
  });

  const queueOptions = (keyPrefix: string, concurrency = 10): TwilioWebhookModuleOptions => ({
    dispatch: 'queue',
    idempotency: { store: 'redis', redis: { url: redis.url, keyPrefix } },
    queue: { attempts: 3, backoff: 50, concurrency },
  });

  describe.each(ADAPTERS)('two app instances (%s and the other adapter)', (adapter) => {
    let a: INestApplication;
    let b: INestApplication | undefined;
    let options: TwilioWebhookModuleOptions;
    beforeEach(async () => {
      options = queueOptions(`test-${randomUUID()}:`);
      a = await createApp(adapter, eventsApp(options));
      b = await createApp(other(adapter), eventsApp(options));
    });
    afterEach(async () => {
      await a?.close();
      await b?.close();
    });
    const ran = (handler: string) =>
      [a, b].flatMap((app) => (app ? app.get(EventLog).of(handler) : []));

    it('acknowledges at once and runs each event once across instances', async () => {
      const events = Array.from({ length: 200 }, (_, n) => ({
        params: messageStatus(n, 'delivered'),
        token: randomUUID(),
      }));
      const answers = await Promise.all(
        events.flatMap(({ params, token }) =>
          [a, b!].map((app) => deliver(app, '/twilio/status', params, { token })),
        ),
      );
      expect(answers.map((res) => res.status).filter((s) => s !== 204)).toEqual([]);
      await waitUntil(() => ran('audit').length >= 200);
      await new Promise((resolve) => setTimeout(resolve, 200)); // room for a wrong extra run
      for (const handler of ['onDelivered', 'onProblemOrStatus', 'audit']) {
        expect(ran(handler)).toHaveLength(200);
        expect(new Set(ran(handler).map((e) => e.payload.MessageSid)).size).toBe(200);
      }
      const [first] = ran('onDelivered');
      expect(first.ctx.receivedAt).toBeInstanceOf(Date);
      expect(first.ctx.idempotencyKey).toMatch(/^token:/);
    }, 60_000);

    it('hands handlers the same payload classes as sync mode after the trip through Redis', async () => {
      const params = { ...messageStatus(2_000, 'undelivered'), ErrorCode: '30003' };
      await deliver(a, '/twilio/status', params).expect(204);
      await waitUntil(() => ran('onProblemOrStatus').length >= 1);
      const [entry] = ran('onProblemOrStatus');
      expect(entry.payload).toBeInstanceOf(MessageStatusCallback);
      expect(entry.payload).toMatchObject({ MessageSid: sid('SM', 2_000), ErrorCode: 30003 });
    }, 30_000);

    it('retries with backoff, keeps a dead letter in Redis, and replays it from the other instance', async () => {
      for (const app of [a, b!]) app.get(EventLog).failures.set('onDelivered', 3);
      await deliver(a, '/twilio/status', messageStatus(1_000, 'delivered')).expect(204);
      const deadLetters = b!.get(TwilioDeadLetters);
      await waitUntil(async () => (await deadLetters.list()).length === 1);
      const [letter] = await deadLetters.list();
      expect(letter).toMatchObject({ event: 'message.status.delivered', attempts: 3 });
      expect(letter.error).toContain('onDelivered failed on purpose');
      expect(letter.payload).toMatchObject({ MessageSid: sid('SM', 1_000) });
      expect(await a.get(TwilioDeadLetters).list()).toHaveLength(1);
      expect(ran('onDelivered')).toHaveLength(0);
      expect(ran('audit')).toHaveLength(1);

      for (const app of [a, b!]) app.get(EventLog).failures.clear();
      expect(await deadLetters.replay(letter.id)).toBe(true);
      await waitUntil(() => ran('onDelivered').length === 1);
      expect(ran('onDelivered')[0].ctx.attempt).toBe(1);
      expect(await deadLetters.list()).toEqual([]);
      expect(ran('audit')).toHaveLength(1);
    }, 30_000);

    it('loses nothing when an instance stops with work still queued', async () => {
      await b!.close();
      await a.close();
      // One instance takes deliveries while its handlers are slow, then stops.
      const keyPrefix = `test-${randomUUID()}:`;
      a = await createApp(adapter, eventsApp(queueOptions(keyPrefix, 1)));
      a.get(EventLog).delays.set('audit', 100);
      const sids = Array.from({ length: 30 }, (_, n) => messageStatus(2_000 + n, 'sent'));
      for (const params of sids) await deliver(a, '/twilio/status', params).expect(204);
      await a.close();
      const handledByA = a.get(EventLog).of('audit').length;
      expect(handledByA).toBeLessThan(30);
      // Another instance picks up the rest.
      b = await createApp(other(adapter), eventsApp(queueOptions(keyPrefix, 5)));
      await waitUntil(() => ran('audit').length >= 30);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(ran('audit')).toHaveLength(30);
      expect(new Set(ran('audit').map((e) => e.payload.MessageSid)).size).toBe(30);
    }, 30_000);
  });
});

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
