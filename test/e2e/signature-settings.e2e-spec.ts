import type { INestApplication } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { ADAPTERS, createApp } from '../support/adapters.js';
import { formBody, signForm, type Params } from '../support/twilio-signing.js';
import { webhooksApp } from '../fixtures/webhooks/app.module.js';
import { HandlerCalls } from '../fixtures/webhooks/webhooks.controller.js';

const TOKEN = '12345678901234567890123456789012';
const PUBLIC = 'https://hooks.example.com';
const STATUS_URL = `${PUBLIC}/twilio/status`;
const PARAMS: Params = {
  AccountSid: 'AC' + 'a'.repeat(32),
  MessageSid: 'SM' + 'b'.repeat(32),
  MessageStatus: 'delivered',
  Tag: ['z', 'y'],
};
const KEY_ID = 'webhooks_key_01hx7s3d4f5g6h7j8k9m0n1p2q';
const SECRET = 'shared-key-secret-value';

/** The signed string written out by hand from Twilio's rule: URL, then sorted name+value pairs. */
const SIGNED = `${STATUS_URL}AccountSid${PARAMS.AccountSid}MessageSid${PARAMS.MessageSid}MessageStatusdeliveredTagyTagz`;
const vector = (algorithm: 'sha1' | 'sha256', secret = SECRET) =>
  createHmac(algorithm, secret).update(SIGNED, 'utf8').digest('base64');

describe.each(ADAPTERS)('Webhook Settings signatures and Basic auth on %s', (adapter) => {
  let app: INestApplication;
  afterEach(async () => {
    await app?.close();
  });
  const post = (headers: Record<string, string>, params = PARAMS) => {
    const req = request(app.getHttpServer())
      .post('/twilio/status')
      .set('Content-Type', 'application/x-www-form-urlencoded');
    for (const [k, v] of Object.entries(headers)) req.set(k, v);
    return req.send(formBody(params));
  };
  const calls = () => app.get(HandlerCalls).calls.length;

  describe('shared keys', () => {
    beforeEach(async () => {
      app = await createApp(
        adapter,
        webhooksApp({ authToken: TOKEN, publicUrl: PUBLIC, sharedKeys: { [KEY_ID]: SECRET } }),
      );
    });

    it('the hand-written vector matches the SDK for SHA-1 with the auth token', () => {
      expect(signForm(TOKEN, STATUS_URL, PARAMS)).toBe(
        createHmac('sha1', TOKEN).update(SIGNED, 'utf8').digest('base64'),
      );
    });

    it('accepts HMAC_SHA256 with the configured key', async () => {
      await post({
        'X-Twilio-Signature': vector('sha256'),
        'X-Twilio-Webhooks-Signature-Settings': `key=${KEY_ID},algorithm=HMAC_SHA256`,
      }).expect(204);
      expect(calls()).toBe(1);
    });

    it('accepts HMAC_SHA1 with the configured key', async () => {
      await post({
        'X-Twilio-Signature': vector('sha1'),
        'X-Twilio-Webhooks-Signature-Settings': `key=${KEY_ID}, algorithm=HMAC_SHA1`,
      }).expect(204);
    });

    it('refuses a tampered parameter under a shared key', async () => {
      await post(
        {
          'X-Twilio-Signature': vector('sha256'),
          'X-Twilio-Webhooks-Signature-Settings': `key=${KEY_ID},algorithm=HMAC_SHA256`,
        },
        { ...PARAMS, MessageStatus: 'failed' },
      ).expect(403);
      expect(calls()).toBe(0);
    });

    it('refuses an unknown key id, even with the auth token signature', async () => {
      await post({
        'X-Twilio-Signature': signForm(TOKEN, STATUS_URL, PARAMS),
        'X-Twilio-Webhooks-Signature-Settings': 'key=webhooks_key_other,algorithm=HMAC_SHA1',
      }).expect(403);
      await post({
        'X-Twilio-Signature': vector('sha256', 'another secret'),
        'X-Twilio-Webhooks-Signature-Settings': `key=${KEY_ID},algorithm=HMAC_SHA256`,
      }).expect(403);
      expect(calls()).toBe(0);
    });

    it('refuses an unknown or missing algorithm', async () => {
      const sha512 = createHmac('sha512', SECRET).update(SIGNED, 'utf8').digest('base64');
      await post({
        'X-Twilio-Signature': sha512,
        'X-Twilio-Webhooks-Signature-Settings': `key=${KEY_ID},algorithm=HMAC_SHA512`,
      }).expect(403);
      await post({
        'X-Twilio-Signature': vector('sha256'),
        'X-Twilio-Webhooks-Signature-Settings': `key=${KEY_ID}`,
      }).expect(403);
      expect(calls()).toBe(0);
    });
  });

  describe('basic auth', () => {
    const basic = (user: string, pass: string) =>
      'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');
    beforeEach(async () => {
      app = await createApp(
        adapter,
        webhooksApp({
          authToken: TOKEN,
          publicUrl: PUBLIC,
          basicAuth: { username: 'twilio', password: 's3cret' },
        }),
      );
    });

    it('challenges a request without credentials with 401 and WWW-Authenticate', async () => {
      const res = await post({ 'X-Twilio-Signature': signForm(TOKEN, STATUS_URL, PARAMS) }).expect(
        401,
      );
      expect(res.headers['www-authenticate']).toBe('Basic realm="Twilio"');
      expect(calls()).toBe(0);
    });

    it('lets the retry with the right credentials through', async () => {
      await post({
        'X-Twilio-Signature': signForm(TOKEN, STATUS_URL, PARAMS),
        Authorization: basic('twilio', 's3cret'),
      }).expect(204);
      expect(calls()).toBe(1);
    });

    it('refuses wrong credentials with 401 and a bad signature with 403', async () => {
      await post({
        'X-Twilio-Signature': signForm(TOKEN, STATUS_URL, PARAMS),
        Authorization: basic('twilio', 'wrong'),
      }).expect(401);
      await post({ 'X-Twilio-Signature': 'bad', Authorization: basic('twilio', 's3cret') }).expect(
        403,
      );
      expect(calls()).toBe(0);
    });
  });
});
