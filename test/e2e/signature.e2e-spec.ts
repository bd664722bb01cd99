import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { TwilioWebhookModuleOptions } from '../../lib/index.js';
import { ADAPTERS, createApp } from '../support/adapters.js';
import { rawRequest } from '../support/raw-request.js';
import { formBody, pathOf, signForm, signJson, type Params } from '../support/twilio-signing.js';
import { webhooksApp } from '../fixtures/webhooks/app.module.js';
import { HandlerCalls } from '../fixtures/webhooks/webhooks.controller.js';

const TOKEN = '12345678901234567890123456789012';
const SECONDARY = 'abcdefabcdefabcdefabcdefabcdef12';
const PUBLIC = 'https://hooks.example.com';
const SMS: Params = {
  AccountSid: 'AC' + 'a'.repeat(32),
  MessageSid: 'SM' + 'b'.repeat(32),
  From: '+14155550100',
  To: '+14155550199',
  Body: 'Hello there',
  NumMedia: '0',
};

describe.each(ADAPTERS)('signature guard on %s', (adapter) => {
  let app: INestApplication;
  const boot = async (options: TwilioWebhookModuleOptions, style?: 'forRoot' | 'forRootAsync') => {
    app = await createApp(adapter, webhooksApp(options, style));
    return app;
  };
  const calls = () => app.get(HandlerCalls).calls;
  const post = (path: string, params: Params, signature?: string) => {
    const req = request(app.getHttpServer())
      .post(path)
      .set('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8');
    if (signature !== undefined) req.set('X-Twilio-Signature', signature);
    return req.send(formBody(params));
  };
  afterEach(async () => {
    await app?.close();
  });

  describe.each(['forRoot', 'forRootAsync'] as const)('configured with %s', (style) => {
    it('answers a validly signed SMS with TwiML', async () => {
      await boot({ authToken: TOKEN, publicUrl: PUBLIC }, style);
      const url = `${PUBLIC}/twilio/sms`;
      const res = await post('/twilio/sms', SMS, signForm(TOKEN, url, SMS)).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/xml/);
      expect(res.text).toContain('<Message>Got: Hello there</Message>');
      expect(calls()).toHaveLength(1);
      expect(calls()[0].payload).toMatchObject({ ...SMS, NumMedia: 0 }); // typed payload
    });

    it('refuses a forged SMS with 403 and runs no handler', async () => {
      await boot({ authToken: TOKEN, publicUrl: PUBLIC }, style);
      const res = await post(
        '/twilio/sms',
        SMS,
        signForm('f'.repeat(32), `${PUBLIC}/twilio/sms`, SMS),
      );
      expect(res.status).toBe(403);
      expect(res.text).not.toMatch(/signature|token|hooks\.example/i);
      expect(calls()).toHaveLength(0);
    });
  });

  describe('tokens', () => {
    const url = `${PUBLIC}/twilio/status`;
    const status = { ...SMS, MessageStatus: 'delivered' };

    it('refuses a tampered parameter', async () => {
      await boot({ authToken: TOKEN, publicUrl: PUBLIC });
      const sig = signForm(TOKEN, url, status);
      await post('/twilio/status', { ...status, MessageStatus: 'failed' }, sig).expect(403);
      await post('/twilio/status', { ...status, Extra: '' }, sig).expect(403);
      expect(calls()).toHaveLength(0);
    });

    it('refuses a missing signature header', async () => {
      await boot({ authToken: TOKEN, publicUrl: PUBLIC });
      await post('/twilio/status', status).expect(403);
      await post('/twilio/status', status, '').expect(403);
      expect(calls()).toHaveLength(0);
    });

    it('accepts the secondary token during rotation, and a callback answers 204 with no body', async () => {
      await boot({ authToken: [TOKEN, SECONDARY], publicUrl: PUBLIC });
      const res = await post('/twilio/status', status, signForm(SECONDARY, url, status)).expect(
        204,
      );
      expect(res.text).toBe('');
      await post('/twilio/status', status, signForm(TOKEN, url, status)).expect(204);
      expect(calls()).toHaveLength(2);
    });

    it('chooses the token by AccountSid with resolveAuthToken', async () => {
      const sub = 'AC' + 'c'.repeat(32);
      const subToken = 'd'.repeat(32);
      const seen: string[] = [];
      await boot({
        publicUrl: PUBLIC,
        resolveAuthToken: async (accountSid) => {
          seen.push(accountSid);
          return accountSid === sub ? subToken : undefined;
        },
      });
      const params = { ...status, AccountSid: sub };
      await post('/twilio/status', params, signForm(subToken, url, params)).expect(204);
      // The tenant's token does not open another account's requests.
      const other = { ...status, AccountSid: 'AC' + 'e'.repeat(32) };
      await post('/twilio/status', other, signForm(subToken, url, other)).expect(403);
      expect(seen).toEqual([sub, 'AC' + 'e'.repeat(32)]);
      expect(calls()).toHaveLength(1);
    });
  });

  describe('the URL Twilio signed', () => {
    const params = { ...SMS, MessageStatus: 'sent' };

    it('uses the Host header and the connection protocol without publicUrl (http, not https)', async () => {
      await boot({ authToken: TOKEN });
      const host = 'hooks.example.com';
      const ok = signForm(TOKEN, `http://${host}/twilio/status`, params);
      await post('/twilio/status', params, ok).set('Host', host).expect(204);
      const https = signForm(TOKEN, `https://${host}/twilio/status`, params);
      await post('/twilio/status', params, https).set('Host', host).expect(403);
    });

    it('accepts the URL with an explicit default port and without it', async () => {
      await boot({ authToken: TOKEN });
      const withPort = signForm(TOKEN, 'http://hooks.example.com:80/twilio/status', params);
      await post('/twilio/status', params, withPort).set('Host', 'hooks.example.com').expect(204);
      const implicit = signForm(TOKEN, 'http://hooks.example.com/twilio/status', params);
      await post('/twilio/status', params, implicit)
        .set('Host', 'hooks.example.com:80')
        .expect(204);
      const other = signForm(TOKEN, 'http://hooks.example.com:8080/twilio/status', params);
      await post('/twilio/status', params, other).set('Host', 'hooks.example.com:80').expect(403);
    });

    it('keeps a non-default port that Twilio signed', async () => {
      await boot({ authToken: TOKEN });
      const sig = signForm(TOKEN, 'http://hooks.example.com:8443/twilio/status', params);
      await post('/twilio/status', params, sig).set('Host', 'hooks.example.com:8443').expect(204);
    });

    it('ignores X-Forwarded-* unless trustProxy is on', async () => {
      const proxied = signForm(TOKEN, 'https://public.example.com/twilio/status', params);
      const send = () =>
        post('/twilio/status', params, proxied)
          .set('Host', 'internal:3000')
          .set('X-Forwarded-Proto', 'https, http')
          .set('X-Forwarded-Host', 'public.example.com, internal');
      await boot({ authToken: TOKEN });
      await send().expect(403);
      await app.close();
      await boot({ authToken: TOKEN, trustProxy: true });
      await send().expect(204);
    });

    it('puts publicUrl (with a path prefix) before the path as received', async () => {
      await boot({ authToken: TOKEN, publicUrl: 'https://example.com/api/' });
      const sig = signForm(TOKEN, 'https://example.com/api/twilio/status?tenant=a', params);
      await post('/twilio/status?tenant=a', params, sig).set('Host', 'localhost').expect(204);
      const noPrefix = signForm(TOKEN, 'https://example.com/twilio/status?tenant=a', params);
      await post('/twilio/status?tenant=a', params, noPrefix).expect(403);
    });

    it("keeps apostrophes, '+' and escapes in the query string exactly as received", async () => {
      await boot({ authToken: TOKEN, publicUrl: PUBLIC });
      for (const query of ["name=O'Brien&x=a+b", 'q=%2B1%20415&note=caf%C3%A9', 'e=%27quoted%27']) {
        const sig = signForm(TOKEN, `${PUBLIC}/twilio/status?${query}`, params);
        const res = await rawRequest(app, {
          path: `/twilio/status?${query}`,
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            'X-Twilio-Signature': sig,
          },
          body: formBody(params),
        });
        expect(res.status).toBe(204);
      }
      const sig = signForm(TOKEN, `${PUBLIC}/twilio/status?x=a+b`, params);
      await post('/twilio/status?x=a+c', params, sig).expect(403);
    });

    it("accepts a quote signed as ' and received as %27, and the reverse (the SDK's own cases)", async () => {
      await boot({ authToken: TOKEN, publicUrl: PUBLIC });
      const raw = signForm(TOKEN, `${PUBLIC}/twilio/status?test=param'WithQuote`, params);
      // supertest re-encodes ' as %27 on the wire
      await post("/twilio/status?test=param'WithQuote", params, raw).expect(204);
      const escaped = signForm(TOKEN, `${PUBLIC}/twilio/status?test=param%27WithQuote`, params);
      const res = await rawRequest(app, {
        path: "/twilio/status?test=param'WithQuote",
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Twilio-Signature': escaped,
        },
        body: formBody(params),
      });
      expect(res.status).toBe(204);
    });
  });

  describe('parameters', () => {
    it('checks repeated keys over every value', async () => {
      await boot({ authToken: TOKEN, publicUrl: PUBLIC });
      const params = { ...SMS, Tag: ['b', 'a', 'b'] };
      const sig = signForm(TOKEN, `${PUBLIC}/twilio/status`, params);
      await post('/twilio/status', params, sig).expect(204);
      expect(calls()[0].payload).toMatchObject({ Tag: ['b', 'a', 'b'] });
      await post('/twilio/status', { ...SMS, Tag: ['b', 'a', 'c'] }, sig).expect(403);
    });

    it('accepts unicode and emoji bodies', async () => {
      await boot({ authToken: TOKEN, publicUrl: PUBLIC });
      const params = { ...SMS, Body: 'Grüße 👋🏽 日本語 — "quotes" & <tags> +plus% 100' };
      const res = await post(
        '/twilio/sms',
        params,
        signForm(TOKEN, `${PUBLIC}/twilio/sms`, params),
      );
      expect(res.status).toBe(200);
      expect(calls()[0].payload).toMatchObject({ Body: params.Body });
      expect(res.text).toContain('Grüße 👋🏽 日本語 — "quotes" &amp; &lt;tags&gt; +plus% 100');
    });

    it('keeps parameter names an extended parser would nest or drop', async () => {
      await boot({ authToken: TOKEN, publicUrl: PUBLIC });
      const params = { ...SMS, 'MessagingBinding.Address': '+1415', 'a[b]': 'c', __proto__x: 'y' };
      const sig = signForm(TOKEN, `${PUBLIC}/twilio/status`, params);
      await post('/twilio/status', params, sig).expect(204);
      expect(calls()[0].payload).toMatchObject({
        'a[b]': 'c',
        'MessagingBinding.Address': '+1415',
      });
    });

    it('validates a GET callback whose parameters are in the query string', async () => {
      await boot({ authToken: TOKEN, publicUrl: PUBLIC });
      // Twilio leaves ' and ! unescaped in the query string it builds.
      const query = formBody({ ...SMS, Body: "It's working!" })
        .replace(/%27/g, "'")
        .replace(/%21/g, '!');
      const sig = signForm(TOKEN, `${PUBLIC}/twilio/sms-get?${query}`, {});
      const res = await rawRequest(app, {
        method: 'GET',
        path: `/twilio/sms-get?${query}`,
        headers: { 'X-Twilio-Signature': sig },
      });
      expect(res.status).toBe(200);
      expect(res.text).toContain("<Message>It's working!</Message>");
      expect(calls()[0].payload).toMatchObject({
        Body: "It's working!",
        MessageSid: SMS.MessageSid,
      });
      const tampered = query.replace('working', 'broken');
      const refused = await rawRequest(app, {
        method: 'GET',
        path: `/twilio/sms-get?${tampered}`,
        headers: { 'X-Twilio-Signature': sig },
      });
      expect(refused.status).toBe(403);
    });

    it('refuses a body no signature covers', async () => {
      await boot({ authToken: TOKEN, publicUrl: PUBLIC });
      const sig = signForm(TOKEN, `${PUBLIC}/twilio/status`, {});
      await request(app.getHttpServer())
        .post('/twilio/status')
        .set('Content-Type', 'text/plain')
        .set('X-Twilio-Signature', sig)
        .send('MessageStatus=delivered')
        .expect((res) => expect([403, 415]).toContain(res.status));
      expect(calls()).toHaveLength(0);
    });
  });

  describe('JSON webhooks (bodySHA256)', () => {
    const body = JSON.stringify([
      {
        specversion: '1.0',
        type: 'com.twilio.messaging.message.delivered',
        id: 'EZ' + '1'.repeat(32),
        data: { to: '+1415 ✓' },
      },
    ]);
    const send = (path: string, payload: string, signature: string) =>
      request(app.getHttpServer())
        .post(path)
        .set('Content-Type', 'application/json')
        .set('X-Twilio-Signature', signature)
        .send(payload);

    it('accepts a valid body and hands over the parsed JSON', async () => {
      await boot({ authToken: TOKEN, publicUrl: PUBLIC });
      const signed = signJson(TOKEN, `${PUBLIC}/twilio/events`, body);
      await send(pathOf(signed.url), body, signed.signature).expect(204);
      expect(calls()[0].payload).toEqual(JSON.parse(body));
    });

    it('refuses a tampered body, even with an equivalent JSON re-serialisation', async () => {
      await boot({ authToken: TOKEN, publicUrl: PUBLIC });
      const signed = signJson(TOKEN, `${PUBLIC}/twilio/events`, body);
      await send(pathOf(signed.url), body.replace('delivered', 'failed'), signed.signature).expect(
        403,
      );
      await send(
        pathOf(signed.url),
        JSON.stringify(JSON.parse(body), null, 1),
        signed.signature,
      ).expect(403);
      expect(calls()).toHaveLength(0);
    });

    it('accepts a JSON signature made over the URL with its default port', async () => {
      await boot({ authToken: TOKEN, publicUrl: PUBLIC });
      const signed = signJson(TOKEN, `https://hooks.example.com:443/twilio/events`, body);
      await send(pathOf(signed.url), body, signed.signature).expect(204);
    });

    it('answers 500 when the app does not keep the raw body', async () => {
      app = await createApp(adapter, webhooksApp({ authToken: TOKEN, publicUrl: PUBLIC }), {
        rawBody: false,
      });
      const signed = signJson(TOKEN, `${PUBLIC}/twilio/events`, body);
      await send(pathOf(signed.url), body, signed.signature).expect(500);
      expect(calls()).toHaveLength(0);
    });
  });

  it('refuses a request when validateSignature is on and lets it through only when off', async () => {
    await boot({ validateSignature: false });
    await post('/twilio/status', SMS).expect(204);
    expect(calls()).toHaveLength(1);
  });
});
