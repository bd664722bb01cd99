import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { signTwilioRequest, twilioFixtures } from 'nestjs-twilio-webhooks/testing';
import { withConnectionOverrides } from '../../lib/connection-overrides/index.js';
import { ADAPTERS, createApp } from '../support/adapters.js';
import { formBody, signForm } from '../support/twilio-signing.js';
import { webhooksApp } from '../fixtures/webhooks/app.module.js';
import { HandlerCalls } from '../fixtures/webhooks/webhooks.controller.js';

const TOKEN = '12345678901234567890123456789012';
const PUBLIC = 'https://hooks.example.com';

describe.each(ADAPTERS)('a webhook URL with connection overrides on %s', (adapter) => {
  let app: INestApplication;
  beforeEach(async () => {
    app = await createApp(adapter, webhooksApp({ authToken: TOKEN, publicUrl: PUBLIC }));
  });
  afterEach(async () => {
    await app?.close();
  });

  const configured = withConnectionOverrides(`${PUBLIC}/twilio/status`, {
    ct: 2000,
    tt: 12000,
    rc: 3,
    rp: ['5xx', 'ct', 'rt'],
  });
  const post = (params: Record<string, string>, signature: string) =>
    request(app.getHttpServer())
      .post('/twilio/status')
      .set('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8')
      .set('X-Twilio-Signature', signature)
      .send(formBody(params));

  it('validates: Twilio signs the URL without its fragment, and so does the guard', async () => {
    expect(configured).toBe(`${PUBLIC}/twilio/status#ct=2000&tt=12000&rc=3&rp=5xx,ct,rt`);
    const params = twilioFixtures.messageStatus();
    const twilioSignature = signForm(TOKEN, configured.slice(0, configured.indexOf('#')), params);
    await post(params, twilioSignature).expect(204);
    expect(app.get(HandlerCalls).calls).toHaveLength(1);
  });

  it('a signature computed over the fragment is refused: 403, no handler', async () => {
    const params = twilioFixtures.messageStatus();
    await post(params, signForm(TOKEN, configured, params)).expect(403);
    expect(app.get(HandlerCalls).calls).toHaveLength(0);
  });

  it('signTwilioRequest drops the fragment the same way', async () => {
    const params = twilioFixtures.messageStatus();
    const signed = signTwilioRequest({ url: configured, params, authToken: TOKEN });
    expect(signed.url).toBe(`${PUBLIC}/twilio/status`);
    expect(signed.signature).toBe(signForm(TOKEN, `${PUBLIC}/twilio/status`, params));
    await post(params, signed.signature).expect(204);
  });
});
