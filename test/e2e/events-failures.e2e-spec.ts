import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IdempotencyStore, MemoryIdempotencyStore } from '../../lib/index.js';
import { ADAPTERS } from '../support/adapters.js';
import { callStatus, deliver, messageStatus } from '../fixtures/events/deliveries.js';
import { useEventsApp } from '../fixtures/events/use-events-app.js';

describe.each(ADAPTERS)('event bus failures and order on %s', (adapter) => {
  let app: INestApplication;
  const boot = useEventsApp(adapter, (created) => (app = created));

  describe('failures', () => {
    it('answers 5xx when a handler throws, then runs only the failed handler on the retry', async () => {
      const log = await boot();
      log.failures.set('onDelivered', 1);
      const token = randomUUID();
      const params = messageStatus(7, 'delivered');
      const first = await deliver(app, '/twilio/status', params, { token });
      expect(first.status).toBe(500);
      expect(log.of('onDelivered')).toHaveLength(0);
      expect(log.of('onProblemOrStatus')).toHaveLength(1);
      expect(log.of('audit')).toHaveLength(1);
      await deliver(app, '/twilio/status', params, { token }).expect(204);
      expect(log.of('onDelivered')).toHaveLength(1);
      expect(log.of('onProblemOrStatus')).toHaveLength(1);
      expect(log.of('audit')).toHaveLength(1);
      await deliver(app, '/twilio/status', params, { token }).expect(204);
      expect(log.of('onDelivered')).toHaveLength(1);
    });

    it("logs and acknowledges with handlerErrors: 'log', and does not run the event again", async () => {
      const log = await boot({ handlerErrors: 'log' });
      log.failures.set('onDelivered', 1);
      const token = randomUUID();
      const params = messageStatus(8, 'delivered');
      await deliver(app, '/twilio/status', params, { token }).expect(204);
      await deliver(app, '/twilio/status', params, { token }).expect(204);
      expect(log.of('onDelivered')).toHaveLength(0);
      expect(log.of('audit')).toHaveLength(1);
    });

    it('answers 503 and runs no handler when the store fails', async () => {
      const store = new MemoryIdempotencyStore();
      store.claim = async () => {
        throw new Error('store down');
      };
      const log = await boot({ idempotency: { store } });
      await deliver(app, '/twilio/status', messageStatus(9, 'delivered')).expect(503);
      expect(log.entries).toHaveLength(0);
    });

    it('refuses a forged delivery with 403 before any handler or store', async () => {
      const store = new MemoryIdempotencyStore();
      const touched: string[] = [];
      for (const method of [
        'claim',
        'advance',
        'complete',
        'completeHandler',
        'release',
      ] as const) {
        const original = store[method].bind(store) as (...args: unknown[]) => Promise<unknown>;
        (store as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
          touched.push(method);
          return original(...args);
        };
      }
      const log = await boot({ idempotency: { store } });
      const forged = await deliver(app, '/twilio/status', messageStatus(10, 'delivered'), {
        authToken: 'f'.repeat(32),
      });
      expect(forged.status).toBe(403);
      expect(log.entries).toHaveLength(0);
      expect(touched).toEqual([]);
      expect(app.get(IdempotencyStore)).toBe(store);
      await deliver(app, '/twilio/status', messageStatus(10, 'delivered')).expect(204);
      expect(touched).toContain('claim');
    });
  });

  describe('order', () => {
    it('marks a status that arrives after a later one as stale', async () => {
      const log = await boot();
      await deliver(app, '/twilio/status', messageStatus(11, 'delivered')).expect(204);
      await deliver(app, '/twilio/status', messageStatus(11, 'sent')).expect(204);
      await deliver(app, '/twilio/status', messageStatus(11, 'read')).expect(204);
      expect(
        log.of('onProblemOrStatus').map((e) => [e.payload.MessageStatus, e.ctx.stale]),
      ).toEqual([
        ['delivered', false],
        ['sent', true],
        ['read', false],
      ]);
      // Another message has its own order.
      await deliver(app, '/twilio/status', messageStatus(12, 'sent')).expect(204);
      expect(log.of('onProblemOrStatus').at(-1)?.ctx.stale).toBe(false);
    });

    it('treats failed, undelivered and canceled as final, and orders calls too', async () => {
      const log = await boot();
      await deliver(app, '/twilio/status', messageStatus(13, 'undelivered')).expect(204);
      await deliver(app, '/twilio/status', messageStatus(13, 'delivered')).expect(204);
      await deliver(app, '/twilio/status', callStatus(13, 'completed', 3)).expect(204);
      await deliver(app, '/twilio/status', callStatus(13, 'ringing', 1)).expect(204);
      expect(log.of('onProblemOrStatus').map((e) => e.ctx.stale)).toEqual([false, true]);
      expect(log.of('onCallStatus').map((e) => e.ctx.stale)).toEqual([false, true]);
    });

    it("skips stale statuses with staleEvents: 'skip'", async () => {
      const log = await boot({ staleEvents: 'skip' });
      await deliver(app, '/twilio/status', messageStatus(14, 'delivered')).expect(204);
      await deliver(app, '/twilio/status', messageStatus(14, 'queued')).expect(204);
      expect(log.of('onProblemOrStatus').map((e) => e.payload.MessageStatus)).toEqual([
        'delivered',
      ]);
    });
  });
});
