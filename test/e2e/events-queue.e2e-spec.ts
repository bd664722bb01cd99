import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TwilioDeadLetters, TwilioEventBus } from '../../lib/index.js';
import { ADAPTERS, createApp } from '../support/adapters.js';
import { eventsApp } from '../fixtures/events/app.module.js';
import { deliver, inboundSms, messageStatus, sid } from '../fixtures/events/deliveries.js';
import { EventLog } from '../fixtures/events/event-log.js';

const QUEUE = { dispatch: 'queue', queue: { attempts: 3, backoff: 20 } } as const;

describe.each(ADAPTERS)('queue mode (in memory) on %s', (adapter) => {
  let app: INestApplication;
  let log: EventLog;
  beforeEach(async () => {
    app = await createApp(adapter, eventsApp(QUEUE));
    log = app.get(EventLog);
  });
  afterEach(async () => {
    await app?.close();
  });

  it('acknowledges with 204 at once and runs the handlers from the queue', async () => {
    // The handler is held until after the response: a route that waited for it would time out.
    const release = log.hold('onDelivered');
    await deliver(app, '/twilio/status', messageStatus(1, 'delivered')).expect(204);
    expect(log.of('onDelivered')).toHaveLength(0);
    release();
    const [entry] = await log.waitFor('onDelivered', 1);
    expect(entry.ctx).toMatchObject({
      event: 'message.status.delivered',
      attempt: 1,
      stale: false,
    });
    expect(entry.ctx.receivedAt).toBeInstanceOf(Date);
  });

  it('answers 204 even when a handler fails, and retries it with backoff until it succeeds', async () => {
    log.failures.set('onDelivered', 2);
    const started = Date.now();
    await deliver(app, '/twilio/status', messageStatus(2, 'delivered')).expect(204);
    const [entry] = await log.waitFor('onDelivered', 1);
    expect(entry.ctx.attempt).toBe(3);
    // Backoff: 20 ms before the 2nd try, 40 ms before the 3rd.
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);
    // The handlers that succeeded on the first try did not run again.
    expect(log.of('audit')).toHaveLength(1);
    expect(await app.get(TwilioDeadLetters).list()).toEqual([]);
  });

  it('keeps an event that failed every try as a dead letter, and replays it', async () => {
    log.failures.set('onDelivered', 3);
    const token = randomUUID();
    await deliver(app, '/twilio/status', messageStatus(3, 'delivered'), { token }).expect(204);
    const deadLetters = app.get(TwilioDeadLetters);
    let letters = await waitForLetters(deadLetters, 1);
    expect(letters[0]).toMatchObject({
      event: 'message.status.delivered',
      idempotencyKey: `token:${token}`,
      attempts: 3,
      error: expect.stringContaining('onDelivered failed on purpose'),
    });
    expect(letters[0].payload).toMatchObject({ MessageSid: sid('SM', 3) });
    expect(log.of('onDelivered')).toHaveLength(0);
    // Replay runs the handler that failed; those that succeeded on the first try stay done.
    expect(await deadLetters.replay(letters[0].id)).toBe(true);
    await log.waitFor('onDelivered', 1);
    letters = await deadLetters.list();
    expect(letters).toEqual([]);
    expect(log.of('audit')).toHaveLength(1);
    expect(await deadLetters.replay('no-such-letter')).toBe(false);
  });

  it('discards a dead letter', async () => {
    log.failures.set('onCustom', 99);
    await app.get(TwilioEventBus).emit('custom.thing', {}, { idempotencyKey: 'x' });
    const deadLetters = app.get(TwilioDeadLetters);
    const [letter] = await waitForLetters(deadLetters, 1);
    expect(await deadLetters.discard(letter.id)).toBe(true);
    expect(await deadLetters.list()).toEqual([]);
    expect(await deadLetters.discard(letter.id)).toBe(false);
  });

  it('runs duplicates once, and dispatches TwiML routes too', async () => {
    const token = randomUUID();
    await Promise.all(
      [1, 2, 3].map(() => deliver(app, '/twilio/status', messageStatus(4, 'sent'), { token })),
    );
    const res = await deliver(app, '/twilio/sms', inboundSms(5)).expect(200);
    expect(res.text).toContain('Thanks');
    await log.waitFor('onInbound', 1);
    await log.waitFor('onProblemOrStatus', 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log.of('onProblemOrStatus')).toHaveLength(1);
  });
});

async function waitForLetters(deadLetters: TwilioDeadLetters, count: number) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const letters = await deadLetters.list();
    if (letters.length >= count) return letters;
    if (Date.now() > deadline)
      throw new Error(`expected ${count} dead letters, got ${letters.length}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
