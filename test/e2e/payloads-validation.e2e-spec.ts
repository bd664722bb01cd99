import { jest } from '@jest/globals';
import { Logger, type INestApplication } from '@nestjs/common';
import request from 'supertest';
import { CloudEvent, InboundMessage, MessageStatusCallback } from '../../lib/index.js';
import { ADAPTERS, createApp } from '../support/adapters.js';
import { payloadsApp } from '../fixtures/payloads/app.module.js';
import * as ev from '../fixtures/payloads/events.fixtures.js';
import * as msg from '../fixtures/payloads/messaging.fixtures.js';
import { ReceivedPayloads } from '../fixtures/payloads/payloads.controller.js';
import { sendForm, sendJson } from '../fixtures/payloads/send.js';
import { SID } from '../fixtures/payloads/sids.js';

describe.each(ADAPTERS)('payload validation on %s', (adapter) => {
  let app: INestApplication;
  let warn: ReturnType<typeof jest.spyOn>;
  const calls = () => app.get(ReceivedPayloads).calls;
  const warnings = (text: string) =>
    warn.mock.calls
      .map((args: unknown[]) => String(args[0]))
      .filter((line: string) => line.includes(text));

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn');
  });
  afterEach(async () => {
    warn.mockRestore();
    await app?.close();
  });

  describe('never loses a genuine request', () => {
    beforeEach(async () => {
      app = await createApp(adapter, payloadsApp());
    });

    it('keeps a field it does not know, as sent', async () => {
      const params = { ...msg.INBOUND_SMS, BrandNewField: 'v2', RepeatedNewField: ['b', 'a'] };
      await sendForm(app, '/twilio/sms', params).expect(200);
      const sms = calls()[0].payload as InboundMessage & Record<string, unknown>;
      expect(sms).toBeInstanceOf(InboundMessage);
      expect(sms.BrandNewField).toBe('v2');
      expect(sms.RepeatedNewField).toEqual(['b', 'a']);
    });

    it('keeps an enum value it does not know and logs it once', async () => {
      const value = `handed-over-${adapter}`;
      const params = { ...msg.SMS_STATUS_SEQUENCE[1], MessageStatus: value, SmsStatus: value };
      await sendForm(app, '/twilio/status', params).expect(204);
      await sendForm(app, '/twilio/status', params).expect(204);
      expect(calls().map((c) => (c.payload as MessageStatusCallback).MessageStatus)).toEqual([
        value,
        value,
      ]);
      expect(calls()[0].payload).toBeInstanceOf(MessageStatusCallback);
      // One line per field and value, however often it arrives.
      expect(warnings(`MessageStatus="${value}"`)).toHaveLength(1);
      expect(warnings(`SmsStatus="${value}"`)).toHaveLength(1);
    });
  });

  describe('answers 400 to a signed but malformed request', () => {
    beforeEach(async () => {
      app = await createApp(adapter, payloadsApp());
    });

    it('names a MessageSid that is not a SID, logs the raw parameters, and runs no handler', async () => {
      const params = { ...msg.INBOUND_SMS, MessageSid: 'SM12345' };
      const res = await sendForm(app, '/twilio/sms', params).expect(400);
      expect(res.body.message).toMatch(/MessageSid/);
      expect(calls()).toHaveLength(0);
      const logged = warnings('Malformed Twilio webhook');
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain('"MessageSid":"SM12345"');
      expect(logged[0]).toContain(`"AccountSid":"${SID.account}"`);
    });

    it('names a NumMedia that is not a number', async () => {
      const res = await sendForm(app, '/twilio/sms', {
        ...msg.INBOUND_SMS,
        NumMedia: 'two',
      }).expect(400);
      expect(res.body.message).toMatch(/NumMedia/);
      expect(calls()).toHaveLength(0);
    });

    it('names a missing CloudEvent id inside a batch, and a body that is not JSON', async () => {
      const { id: _id, ...noId } = ev.CLOUD_EVENT_STRING_DATA;
      const res = await sendJson(
        app,
        '/twilio/events',
        JSON.stringify([ev.CLOUD_EVENT_DELIVERED, noId]),
      ).expect(400);
      expect(res.body.message).toMatch(/\[1\]\.id/);
      // With a JSON content type the body parser refuses it before the guard; without one,
      // the guard checks the bytes and the payload layer names the body.
      await sendJson(app, '/twilio/events', '[{"id": ').expect(400);
      const broken = await sendJson(app, '/twilio/events', '[{"id": ', {
        contentType: 'text/plain',
      }).expect(400);
      expect(broken.body.message).toMatch(/body is not valid JSON/);
      expect(calls()).toHaveLength(0);
    });

    it('checks the signature first: a forged malformed request gets 403 and no payload work', async () => {
      const params = { ...msg.INBOUND_SMS, MessageSid: 'not-a-sid' };
      await sendForm(app, '/twilio/sms', params, 'f'.repeat(32)).expect(403);
      expect(calls()).toHaveLength(0);
      expect(warnings('Malformed Twilio webhook')).toHaveLength(0);
    });
  });

  describe('with a global ValidationPipe({ whitelist, forbidNonWhitelisted, transform })', () => {
    beforeEach(async () => {
      app = await createApp(
        adapter,
        payloadsApp({ pipe: { whitelist: true, forbidNonWhitelisted: true, transform: true } }),
      );
    });

    it('is active on ordinary routes', async () => {
      const server = app.getHttpServer();
      const refused = await request(server).post('/twilio/notes').send({ text: 'hi', extra: 1 });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('extra');
      const accepted = await request(server).post('/twilio/notes').send({ text: 'hi' });
      expect(accepted.status).toBe(201);
      expect(accepted.body).toEqual({ ok: true });
    });

    it('leaves signatures and typed payloads, unknown fields included, untouched', async () => {
      const params = { ...msg.INBOUND_WHATSAPP_MEDIA, BrandNewField: 'v2' };
      await sendForm(app, '/twilio/sms', params).expect(200);
      const wa = calls()[0].payload as InboundMessage & Record<string, unknown>;
      expect(wa).toBeInstanceOf(InboundMessage);
      expect(wa.NumMedia).toBe(2);
      expect(wa.media).toHaveLength(2);
      expect(wa.BrandNewField).toBe('v2');
      await sendJson(app, '/twilio/events', JSON.stringify(ev.CLOUD_EVENT_DELIVERED)).expect(204);
      expect((calls()[1].payload as CloudEvent[])[0]).toBeInstanceOf(CloudEvent);
    });

    it('still refuses a forged request', async () => {
      await sendForm(app, '/twilio/sms', msg.INBOUND_SMS, 'f'.repeat(32)).expect(403);
      expect(calls()).toHaveLength(0);
    });
  });
});
