import type { INestApplication } from '@nestjs/common';
import { ADAPTERS } from '../support/adapters.js';
import { deliver, inboundCall, inboundSms, sid } from '../fixtures/events/deliveries.js';
import { useEventsApp } from '../fixtures/events/use-events-app.js';

describe.each(ADAPTERS)('event bus on TwiML routes on %s', (adapter) => {
  let app: INestApplication;
  const boot = useEventsApp(adapter, (created) => (app = created));

  describe('TwiML routes', () => {
    it('dispatch message.inbound without waiting for the handlers', async () => {
      const log = await boot();
      // Held until the reply is in: a route that waited for its handlers would time out.
      const release = log.hold('onInbound');
      const res = await deliver(app, '/twilio/sms', inboundSms(15)).expect(200);
      expect(res.text).toContain('<Message>Thanks</Message>');
      expect(log.of('onInbound')).toHaveLength(0);
      release();
      const [inbound] = await log.waitFor('onInbound', 1);
      expect(inbound.ctx.event).toBe('message.inbound');
      expect(inbound.payload.MessageSid).toBe(sid('SM', 15));
    });

    it('answers a slow inbound call with the fallback TwiML at the deadline', async () => {
      const log = await boot({ voiceDeadline: { timeout: 150 } });
      // The controller is held until the reply is in, so only the deadline can have answered.
      const release = log.hold('controller.voice');
      const res = await deliver(app, '/twilio/voice', inboundCall(16)).expect(200);
      expect(log.answered).toEqual([]);
      release();
      expect(res.headers['content-type']).toMatch(/^text\/xml/);
      expect(res.text).toMatch(/<Say>Sorry.*<\/Say><Hangup\/><\/Response>$/);
      // The call's event is still dispatched, and the late controller still finishes.
      await log.waitFor('onCallOneLevel', 1);
      await until(() => log.answered.includes('voice'));
    });

    it('uses a configured fallback, and leaves messaging routes and fast calls alone', async () => {
      const fallback = '<Response><Redirect>/twilio/hold</Redirect></Response>';
      const log = await boot({ voiceDeadline: { timeout: 150, fallback } });
      const release = log.hold('controller.voice');
      expect((await deliver(app, '/twilio/voice', inboundCall(17)).expect(200)).text).toBe(
        fallback,
      );
      release();
      await until(() => log.answered.includes('voice'));
      expect((await deliver(app, '/twilio/voice', inboundCall(18)).expect(200)).text).toContain(
        '<Say>Hello</Say>',
      );
      log.delays.set('controller.sms', 300);
      expect((await deliver(app, '/twilio/sms', inboundSms(19)).expect(200)).text).toContain(
        'Thanks',
      );
    });

    it('has no deadline with voiceDeadline: false', async () => {
      const log = await boot({ voiceDeadline: false });
      log.delays.set('controller.voice', 300);
      expect((await deliver(app, '/twilio/voice', inboundCall(20)).expect(200)).text).toContain(
        '<Say>Hello</Say>',
      );
    });
  });
});

async function until(check: () => boolean) {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
