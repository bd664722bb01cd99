import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ADAPTERS, createApp } from '../support/adapters.js';
import { formBody, signForm } from '../support/twilio-signing.js';

const TOKEN = '0123456789abcdef0123456789abcdef';
const HOST = 'sample.example.com';

describe.each(ADAPTERS)('the sample app on %s', (adapter) => {
  let app: INestApplication;
  beforeAll(async () => {
    process.env.TWILIO_AUTH_TOKEN = TOKEN;
    const { AppModule } = await import('../../sample/src/app.module.js');
    app = await createApp(adapter, AppModule);
  });
  afterAll(async () => {
    await app?.close();
    delete process.env.TWILIO_AUTH_TOKEN;
  });

  const post = (path: string, params: Record<string, string>, signature: string) =>
    request(app.getHttpServer())
      .post(path)
      .set('Host', HOST)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('X-Twilio-Signature', signature)
      .send(formBody(params));

  const sms = {
    AccountSid: 'AC' + '1'.repeat(32),
    MessageSid: 'SM' + '2'.repeat(32),
    From: '+14155550100',
    To: '+14155550199',
    Body: 'Hi sample',
    NumMedia: '0',
  };

  it('answers a signed SMS with TwiML and refuses a forged one', async () => {
    const url = `http://${HOST}/twilio/sms`;
    const ok = await post('/twilio/sms', sms, signForm(TOKEN, url, sms)).expect(200);
    expect(ok.text).toContain('<Message>Got: Hi sample</Message>');
    await post('/twilio/sms', sms, signForm('f'.repeat(32), url, sms)).expect(403);
  });

  it('plays the voice menu and follows the <Gather> action', async () => {
    const call = {
      AccountSid: sms.AccountSid,
      CallSid: 'CA' + '3'.repeat(32),
      From: sms.From,
      To: sms.To,
      CallStatus: 'ringing',
      Direction: 'inbound',
      ApiVersion: '2010-04-01',
    };
    const menu = await post(
      '/twilio/voice',
      call,
      signForm(TOKEN, `http://${HOST}/twilio/voice`, call),
    ).expect(200);
    expect(menu.text).toMatch(
      /<Gather numDigits="1" action="\/twilio\/voice\/menu" method="POST"><Say>Press 1/,
    );
    const pressed = { ...call, CallStatus: 'in-progress', Digits: '1' };
    const choice = await post(
      '/twilio/voice/menu',
      pressed,
      signForm(TOKEN, `http://${HOST}/twilio/voice/menu`, pressed),
    ).expect(200);
    expect(choice.text).toContain('opening hours are nine to five');
  });

  it('takes a signed status callback with 204', async () => {
    const status = {
      AccountSid: sms.AccountSid,
      MessageSid: sms.MessageSid,
      MessageStatus: 'delivered',
    };
    await post(
      '/twilio/status',
      status,
      signForm(TOKEN, `http://${HOST}/twilio/status`, status),
    ).expect(204);
  });
});
