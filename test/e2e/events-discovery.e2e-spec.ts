import type { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { TwilioEventBus } from '../../lib/index.js';
import { ADAPTERS, createApp, type AdapterName } from '../support/adapters.js';
import { eventsApp } from '../fixtures/events/app.module.js';
import { ACCOUNT, deliver, messageStatus } from '../fixtures/events/deliveries.js';
import { RequestScopedHandler } from '../fixtures/events/event.handlers.js';
import { EventLog } from '../fixtures/events/event-log.js';
import { useEventsApp } from '../fixtures/events/use-events-app.js';

describe.each(ADAPTERS)('event bus emit() and discovery on %s', (adapter) => {
  let app: INestApplication;
  const boot = useEventsApp(adapter, (created) => (app = created));

  describe('emit() and discovery', () => {
    it("runs a user's own events, once per idempotency key", async () => {
      const log = await boot();
      const bus = app.get(TwilioEventBus);
      await bus.emit('custom.thing', { n: 1 }, { idempotencyKey: 'k1', accountSid: ACCOUNT });
      await bus.emit('custom.thing', { n: 2 }, { idempotencyKey: 'k1' });
      await bus.emit('custom.thing', { n: 3 });
      expect(log.of('onCustom').map((e) => e.payload.n)).toEqual([1, 3]);
      expect(log.of('onCustom')[0].ctx).toMatchObject({
        idempotencyKey: 'emit:k1',
        accountSid: ACCOUNT,
        stale: false,
      });
    });

    it('rejects emit() with TwilioHandlerError when a handler fails', async () => {
      const log = await boot();
      log.failures.set('onCustom', 1);
      const bus = app.get(TwilioEventBus);
      await expect(bus.emit('custom.thing', {}, { idempotencyKey: 'k2' })).rejects.toThrow(
        /onCustom failed on purpose/,
      );
      await bus.emit('custom.thing', {}, { idempotencyKey: 'k2' });
      expect(log.of('onCustom')).toHaveLength(1);
    });

    it('keeps two apps in one process independent', async () => {
      const log = await boot();
      const other = await createApp(adapter, eventsApp());
      try {
        const otherLog = other.get(EventLog);
        expect(otherLog).not.toBe(log);
        const token = randomUUID();
        const params = messageStatus(21, 'delivered');
        await deliver(app, '/twilio/status', params, { token }).expect(204);
        await deliver(other, '/twilio/status', params, { token }).expect(204);
        await deliver(other, '/twilio/status', params, { token }).expect(204);
        expect(log.of('onDelivered')).toHaveLength(1);
        expect(otherLog.of('onDelivered')).toHaveLength(1);
        await other.get(TwilioEventBus).emit('custom.thing', {});
        expect(otherLog.of('onCustom')).toHaveLength(1);
        expect(log.of('onCustom')).toHaveLength(0);
        expect(app.get(TwilioEventBus).handlers()).toHaveLength(
          other.get(TwilioEventBus).handlers().length,
        );
      } finally {
        await other.close();
      }
    });

    it('warns about a request-scoped handler and skips it', async () => {
      const warnings: string[] = [];
      const logger: LoggerService = {
        log: () => undefined,
        error: () => undefined,
        warn: (message: unknown) => void warnings.push(String(message)),
      };
      app = await createWithLogger(adapter, logger);
      const log = app.get(EventLog);
      expect(
        warnings.some(
          (w) => w.includes('RequestScopedHandler.onStatus') && w.includes('request-scoped'),
        ),
      ).toBe(true);
      expect(
        app
          .get(TwilioEventBus)
          .handlers()
          .map((h) => h.id),
      ).not.toContain('RequestScopedHandler.onStatus');
      await deliver(app, '/twilio/status', messageStatus(22, 'sent')).expect(204);
      expect(log.of('onProblemOrStatus')).toHaveLength(1);
    });
  });
});

async function createWithLogger(
  adapter: AdapterName,
  logger: LoggerService,
): Promise<INestApplication> {
  const httpAdapter = adapter === 'express' ? new ExpressAdapter() : new FastifyAdapter();
  const module = eventsApp({}, { providers: [RequestScopedHandler] });
  const app = await NestFactory.create(module as never, httpAdapter, { rawBody: true, logger });
  await app.init();
  if (adapter === 'fastify') await app.getHttpAdapter().getInstance().ready();
  return app;
}
