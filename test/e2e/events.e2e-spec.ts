import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TwilioEventBus } from '../../lib/index.js';
import { ADAPTERS } from '../support/adapters.js';
import { PUBLIC_URL } from '../fixtures/events/app.module.js';
import {
  ACCOUNT,
  callStatus,
  deliver,
  deliverStream,
  inboundCall,
  messageStatus,
  sid,
} from '../fixtures/events/deliveries.js';
import { useEventsApp } from '../fixtures/events/use-events-app.js';

describe.each(ADAPTERS)('event bus on %s', (adapter) => {
  let app: INestApplication;
  const boot = useEventsApp(adapter, (created) => (app = created));

  describe.each(['forRoot', 'forRootAsync'] as const)('configured with %s', (style) => {
    it('dispatches a status callback to the matching handlers with the context, before the 204', async () => {
      const log = await boot({}, style);
      const token = randomUUID();
      const params = messageStatus(1, 'delivered');
      const res = await deliver(app, '/twilio/status', params, { token }).expect(204);
      expect(res.text).toBe('');
      const [delivered] = log.of('onDelivered');
      expect(log.of('onDelivered')).toHaveLength(1);
      expect(delivered.payload).toMatchObject({
        MessageSid: params.MessageSid,
        MessageStatus: 'delivered',
      });
      expect(delivered.ctx).toMatchObject({
        event: 'message.status.delivered',
        idempotencyKey: `token:${token}`,
        idempotencyToken: token,
        accountSid: ACCOUNT,
        url: `${PUBLIC_URL}/twilio/status`,
        stale: false,
        attempt: 1,
      });
      expect(delivered.ctx.receivedAt).toBeInstanceOf(Date);
      expect(delivered.ctx.params).toMatchObject(params);
      expect(log.of('onProblemOrStatus')).toHaveLength(1);
      expect(log.of('audit')).toHaveLength(1);
      expect(log.of('onCallStatus')).toHaveLength(0);
    });
  });

  it('runs a method with stacked, overlapping patterns once per event', async () => {
    const log = await boot();
    await deliver(app, '/twilio/status', messageStatus(2, 'failed')).expect(204);
    await deliver(app, '/twilio/status', messageStatus(3, 'undelivered')).expect(204);
    expect(log.of('onProblemOrStatus').map((e) => e.ctx.event)).toEqual([
      'message.status.failed',
      'message.status.undelivered',
    ]);
    const bus = app.get(TwilioEventBus);
    expect(bus.handlersFor('message.status.failed').map((h) => h.id)).toEqual([
      'DeliveryTracker.onProblemOrStatus',
      'AuditTrail.everything',
    ]);
  });

  it('matches `*` to one segment and `**` to any number', async () => {
    const log = await boot();
    await deliver(app, '/twilio/status', callStatus(1, 'completed', 3)).expect(204);
    await deliver(app, '/twilio/voice', inboundCall(2)).expect(200);
    await log.waitFor('onCallOneLevel', 1);
    expect(log.of('onCallStatus').map((e) => e.ctx.event)).toEqual(['call.status.completed']);
    // `call.*` reaches call.inbound, not call.status.completed (two segments after `call`).
    expect(log.of('onCallOneLevel').map((e) => e.ctx.event)).toEqual(['call.inbound']);
    await log.waitFor('audit', 2);
    expect(
      log
        .of('audit')
        .map((e) => e.ctx.event)
        .sort(),
    ).toEqual(['call.inbound', 'call.status.completed']);
  });

  describe('effectively once', () => {
    it('runs no handler for a repeated token, and answers the same', async () => {
      const log = await boot();
      const token = randomUUID();
      const params = messageStatus(4, 'delivered');
      await deliver(app, '/twilio/status', params, { token }).expect(204);
      await deliver(app, '/twilio/status', params, { token }).expect(204);
      await deliver(app, '/twilio/status', params, { token }).expect(204);
      expect(log.of('onDelivered')).toHaveLength(1);
      expect(log.of('audit')).toHaveLength(1);
    });

    it('derives the key from MessageSid and MessageStatus when Twilio sends no token', async () => {
      const log = await boot();
      await deliver(app, '/twilio/status', messageStatus(5, 'sent'), { token: null }).expect(204);
      await deliver(app, '/twilio/status', messageStatus(5, 'sent'), { token: null }).expect(204);
      await deliver(app, '/twilio/status', messageStatus(5, 'delivered'), { token: null }).expect(
        204,
      );
      expect(log.of('onProblemOrStatus').map((e) => e.ctx.idempotencyKey)).toEqual([
        `message-status:${sid('SM', 5)}:sent`,
        `message-status:${sid('SM', 5)}:delivered`,
      ]);
    });

    it('runs each handler once when duplicates arrive at the same time', async () => {
      const log = await boot();
      log.delays.set('onDelivered', 50);
      const token = randomUUID();
      const params = messageStatus(6, 'delivered');
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => deliver(app, '/twilio/status', params, { token })),
      );
      expect(answers.map((res) => res.status)).toEqual(Array(8).fill(204));
      expect(log.of('onDelivered')).toHaveLength(1);
      expect(log.of('onProblemOrStatus')).toHaveLength(1);
      expect(log.of('audit')).toHaveLength(1);
    });

    it('dedupes Event Streams events by CloudEvent id, one event per element', async () => {
      const log = await boot();
      const batch = [1, 2].map((n) => ({
        specversion: '1.0',
        type: 'com.twilio.messaging.message.delivered',
        id: sid('EZ', n),
        source: `/2010-04-01/Accounts/${ACCOUNT}/Messages/${sid('SM', n)}.json`,
        data: { messageSid: sid('SM', n), messageStatus: 'DELIVERED' },
      }));
      await deliverStream(app, '/twilio/events', batch, randomUUID()).expect(204);
      await deliverStream(app, '/twilio/events', batch, randomUUID()).expect(204);
      await deliverStream(app, '/twilio/events', [batch[1]]).expect(204);
      const seen = log.of('onStream');
      expect(seen.map((e) => e.payload.id)).toEqual([sid('EZ', 1), sid('EZ', 2)]);
      expect(seen.map((e) => e.ctx.event)).toEqual(
        Array(2).fill('stream.com.twilio.messaging.message.delivered'),
      );
      expect(seen.map((e) => e.ctx.idempotencyKey)).toEqual([
        `stream:${sid('EZ', 1)}`,
        `stream:${sid('EZ', 2)}`,
      ]);
    });

    it('names debugger events by level, lower-cased, and dedupes them by Sid', async () => {
      const log = await boot();
      const alert = {
        AccountSid: ACCOUNT,
        Sid: sid('NO', 1),
        Level: 'ERROR',
        Timestamp: '2020-01-01T23:28:54Z',
        PayloadType: 'application/json',
        Payload: JSON.stringify({ error_code: '11200', resource_sid: sid('CA', 1) }),
      };
      await deliver(app, '/twilio/debugger', alert, { token: null }).expect(204);
      await deliver(app, '/twilio/debugger', alert, { token: null }).expect(204);
      expect(log.of('onDebugger').map((e) => e.ctx.event)).toEqual(['debugger.error']);
    });
  });
});
