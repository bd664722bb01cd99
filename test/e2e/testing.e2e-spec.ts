import { Controller, Injectable, Module, Req, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import request from 'supertest';
import {
  buildTwilioWebhookRequest,
  postTwilioWebhook,
  signTwilioRequest,
  twilioFixtures,
} from 'nestjs-twilio-webhooks/testing';
import {
  getTwilioRequestState,
  payloadResultOf,
  TwilioActionCallback,
  TwilioDebuggerEvent,
  TwilioEventStream,
  TwilioInboundCall,
  TwilioInboundMessage,
  TwilioRecordingStatus,
  TwilioStatusCallback,
  TwilioWebhookModule,
  type TwilioWebhookModuleOptions,
} from '../../lib/index.js';
import { ADAPTERS, createApp } from '../support/adapters.js';
import { formBody, signJson } from '../support/twilio-signing.js';
import { webhooksApp } from '../fixtures/webhooks/app.module.js';
import { HandlerCalls } from '../fixtures/webhooks/webhooks.controller.js';

const TOKEN = '12345678901234567890123456789012';

/** What reached each route: the raw parameters the guard verified and the payload type. */
@Injectable()
class Seen {
  readonly requests: { route: string; type: string; params: unknown; json: unknown }[] = [];
}

@Controller('kit')
class KitController {
  constructor(private readonly seen: Seen) {}

  private record(route: string, req: object, handler: Function) {
    const state = getTwilioRequestState(req);
    const { type } = payloadResultOf(req as never, handler);
    this.seen.requests.push({ route, type, params: { ...state?.params }, json: state?.json });
  }

  @TwilioInboundMessage('message')
  message(@Req() req: object) {
    this.record('message', req, KitController.prototype.message);
  }

  @TwilioInboundCall('call')
  call(@Req() req: object) {
    this.record('call', req, KitController.prototype.call);
  }

  @TwilioActionCallback('action')
  action(@Req() req: object) {
    this.record('action', req, KitController.prototype.action);
  }

  @TwilioStatusCallback('status')
  status(@Req() req: object) {
    this.record('status', req, KitController.prototype.status);
  }

  @TwilioRecordingStatus('recording')
  recording(@Req() req: object) {
    this.record('recording', req, KitController.prototype.recording);
  }

  @TwilioDebuggerEvent('debugger')
  alert(@Req() req: object) {
    this.record('debugger', req, KitController.prototype.alert);
  }

  @TwilioEventStream('events')
  events(@Req() req: object) {
    this.record('events', req, KitController.prototype.events);
  }
}

@Module({})
class KitAppModule {}

const kitApp = (options: TwilioWebhookModuleOptions) => ({
  module: KitAppModule,
  imports: [TwilioWebhookModule.forRoot(options)],
  controllers: [KitController],
  providers: [Seen],
});
const OTHER_TOKEN = 'f'.repeat(32);
const PUBLIC = 'https://hooks.example.com';

describe('signTwilioRequest', () => {
  const url = 'https://hooks.example.com/twilio/sms?tenant=a';
  const params = twilioFixtures.inboundMessage({ Body: "It's working!" });

  it('signs form parameters exactly as the twilio SDK does', () => {
    const signed = signTwilioRequest({ url, params, authToken: TOKEN });
    expect(signed.signature).toBe(getExpectedTwilioSignature(TOKEN, url, params));
    expect(signed.headers['X-Twilio-Signature']).toBe(signed.signature);
    expect(signed.headers['Content-Type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(signed.body).toBe(formBody(params));
    expect(signed.body).toContain('Body=It%27s+working%21');
    expect(signed.url).toBe(url);
  });

  it('signs a repeated key once per distinct value', () => {
    const repeated = { To: ['+14155550100', '+14155550101'], Body: 'hi' };
    const signed = signTwilioRequest({ url, params: repeated, authToken: TOKEN });
    expect(signed.signature).toBe(getExpectedTwilioSignature(TOKEN, url, repeated));
    expect(signed.body).toBe('To=%2B14155550100&To=%2B14155550101&Body=hi');
  });

  it('signs a JSON body through bodySHA256, the way Twilio signs Event Streams', () => {
    const body = JSON.stringify(twilioFixtures.cloudEvents(2));
    const expected = signJson(TOKEN, url, body);
    const signed = signTwilioRequest({ url, body, authToken: TOKEN });
    expect(signed.url).toBe(expected.url);
    expect(signed.signature).toBe(expected.signature);
    expect(signed.body).toBe(body);
    expect(signed.headers['Content-Type']).toBe('application/json');
  });

  it('puts GET parameters in the query string and signs the URL alone', () => {
    const signed = signTwilioRequest({
      url,
      params: { Body: 'a b' },
      authToken: TOKEN,
      method: 'GET',
    });
    expect(signed.url).toBe(`${url}&Body=a+b`);
    expect(signed.signature).toBe(getExpectedTwilioSignature(TOKEN, `${url}&Body=a+b`, {}));
    expect(signed.body).toBeUndefined();
  });

  it('leaves the fragment and the credentials out of the signed URL, as Twilio does', () => {
    const signed = signTwilioRequest({
      url: 'https://twilio:s3cret@hooks.example.com/twilio/sms#rc=3&rp=5xx',
      params,
      authToken: TOKEN,
    });
    const plain = 'https://hooks.example.com/twilio/sms';
    expect(signed.url).toBe(plain);
    expect(signed.signature).toBe(getExpectedTwilioSignature(TOKEN, plain, params));
    expect(signed.headers.Authorization).toBe(
      `Basic ${Buffer.from('twilio:s3cret').toString('base64')}`,
    );
  });

  it('refuses what it cannot sign', () => {
    expect(() => signTwilioRequest({ url, params, authToken: '' })).toThrow(/authToken/);
    expect(() => signTwilioRequest({ url: '/twilio/sms', params, authToken: TOKEN })).toThrow(
      /absolute/,
    );
    expect(() => signTwilioRequest({ url, params, body: {}, authToken: TOKEN })).toThrow(
      /not both/,
    );
  });
});

describe.each(ADAPTERS)('postTwilioWebhook on %s', (adapter) => {
  let app: INestApplication;
  const boot = async (options: TwilioWebhookModuleOptions) => {
    app = await createApp(adapter, webhooksApp(options));
    return app;
  };
  const calls = () => app.get(HandlerCalls).calls;
  afterEach(async () => {
    await app?.close();
  });

  it('posts a signed SMS and returns the TwiML reply (Host-based URL, no publicUrl)', async () => {
    await boot({ authToken: TOKEN });
    const sms = twilioFixtures.inboundMessage({ Body: 'hi' });
    const res = await postTwilioWebhook(app, '/twilio/sms', { params: sms });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<Message>Got: hi</Message>');
    expect(calls()).toHaveLength(1);
    expect(calls()[0]).toMatchObject({
      route: 'sms',
      payload: { MessageSid: sms.MessageSid, Body: 'hi' },
    });
  });

  it('signs for publicUrl, including its path prefix, as the guard does', async () => {
    await boot({ authToken: TOKEN, publicUrl: `${PUBLIC}/api` });
    const req = buildTwilioWebhookRequest(app, '/twilio/status', {
      params: twilioFixtures.messageStatus(),
    });
    expect(req.path).toBe('/twilio/status');
    expect(req.url).toBe(`${PUBLIC}/api/twilio/status`);
    const res = await postTwilioWebhook(app, '/twilio/status', {
      params: twilioFixtures.messageStatus(),
    });
    expect(res.status).toBe(204);
    expect(calls()).toHaveLength(1);
  });

  it('sends a JSON batch of CloudEvents with bodySHA256', async () => {
    await boot({ authToken: TOKEN, publicUrl: PUBLIC });
    const events = twilioFixtures.cloudEvents(3);
    const res = await postTwilioWebhook(app, '/twilio/events', { body: events });
    expect(res.status).toBe(204);
    expect(calls()).toHaveLength(1);
    expect(JSON.stringify(calls()[0].payload)).toContain(events[2].id);
  });

  it('sends a GET webhook with its parameters in the query string', async () => {
    await boot({ authToken: TOKEN, publicUrl: PUBLIC });
    const res = await postTwilioWebhook(app, '/twilio/sms-get', {
      params: twilioFixtures.inboundMessage({ Body: 'by GET' }),
      method: 'GET',
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<Message>by GET</Message>');
  });

  it('carries an I-Twilio-Idempotency-Token, random or chosen', async () => {
    await boot({ authToken: TOKEN });
    const random = buildTwilioWebhookRequest(app, '/twilio/sms', { params: {} });
    expect(random.headers['I-Twilio-Idempotency-Token']).toMatch(/^[0-9a-f-]{36}$/);
    const chosen = buildTwilioWebhookRequest(app, '/twilio/sms', {
      params: {},
      idempotencyToken: 'tok-1',
    });
    expect(chosen.headers['I-Twilio-Idempotency-Token']).toBe('tok-1');
    const none = buildTwilioWebhookRequest(app, '/twilio/sms', {
      params: {},
      idempotencyToken: false,
    });
    expect(none.headers['I-Twilio-Idempotency-Token']).toBeUndefined();
  });

  it('works with a supertest chain through buildTwilioWebhookRequest', async () => {
    await boot({ authToken: TOKEN, publicUrl: PUBLIC });
    const req = buildTwilioWebhookRequest(app, '/twilio/voice', {
      params: twilioFixtures.inboundCall(),
    });
    const res = await request(app.getHttpServer())
      .post(req.path)
      .set(req.headers)
      .send(req.body)
      .expect(200);
    expect(res.text).toContain('<Say>Hello</Say>');
  });

  it('signed with another token, the request gets 403 and reaches no handler', async () => {
    await boot({ authToken: TOKEN });
    const res = await postTwilioWebhook(app, '/twilio/sms', {
      params: twilioFixtures.inboundMessage(),
      authToken: OTHER_TOKEN,
    });
    expect(res.status).toBe(403);
    expect(calls()).toHaveLength(0);
  });

  it('asks for a token when the module has none to sign with', async () => {
    await boot({ validateSignature: false });
    expect(() => buildTwilioWebhookRequest(app, '/twilio/sms', { params: {} })).toThrow(
      /authToken/,
    );
  });
});

describe.each(ADAPTERS)('every fixture, posted to its kind of route on %s', (adapter) => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createApp(adapter, kitApp({ authToken: TOKEN, publicUrl: PUBLIC }));
  });
  afterAll(async () => {
    await app?.close();
  });

  const cases: [string, string, string, () => Record<string, string>][] = [
    ['inboundMessage', 'message', 'inbound-message', () => twilioFixtures.inboundMessage()],
    ['inboundMms', 'message', 'inbound-message', () => twilioFixtures.inboundMms()],
    ['inboundWhatsApp', 'message', 'inbound-message', () => twilioFixtures.inboundWhatsApp()],
    [
      'messageStatus',
      'status',
      'message-status',
      () => twilioFixtures.messageStatus({ MessageStatus: 'failed' }),
    ],
    ['inboundCall', 'call', 'inbound-call', () => twilioFixtures.inboundCall()],
    ['callStatus', 'status', 'call-status', () => twilioFixtures.callStatus()],
    ['gather', 'action', 'gather', () => twilioFixtures.gather()],
    ['record', 'action', 'record', () => twilioFixtures.record()],
    ['dial', 'action', 'dial', () => twilioFixtures.dial()],
    ['recordingStatus', 'recording', 'recording-status', () => twilioFixtures.recordingStatus()],
    ['transcription', 'recording', 'transcription', () => twilioFixtures.transcription()],
    ['conference', 'status', 'conference', () => twilioFixtures.conference()],
    ['debugger', 'debugger', 'debugger', () => twilioFixtures.debugger()],
    ['conversations', 'status', 'conversations', () => twilioFixtures.conversations()],
  ];

  it.each(cases)(
    '%s is accepted at /kit/%s, intact, and read as %s',
    async (_name, route, type, make) => {
      const params = make();
      const before = app.get(Seen).requests.length;
      const res = await postTwilioWebhook(app, `/kit/${route}`, { params });
      expect(res.status).toBeLessThan(300);
      const seen = app.get(Seen).requests.slice(before);
      expect(seen).toEqual([{ route, type, params, json: undefined }]);
    },
  );

  it.each([
    ['cloudEvent', () => twilioFixtures.cloudEvent()],
    ['cloudEvents', () => twilioFixtures.cloudEvents(3)],
  ] as const)('%s is accepted at /kit/events as CloudEvents', async (_name, make) => {
    const body = make();
    const before = app.get(Seen).requests.length;
    const res = await postTwilioWebhook(app, '/kit/events', { body });
    expect(res.status).toBe(204);
    expect(app.get(Seen).requests.slice(before)).toEqual([
      { route: 'events', type: 'cloud-events', params: {}, json: body },
    ]);
  });
});

describe('the five-line test from the README', () => {
  it('replies to an SMS', async () => {
    const app = (
      await Test.createTestingModule({ imports: [webhooksApp({ authToken: TOKEN })] }).compile()
    ).createNestApplication({ rawBody: true, logger: false });
    await app.init();
    const res = await postTwilioWebhook(app, '/twilio/sms', {
      params: twilioFixtures.inboundMessage({ Body: 'hi' }),
    });
    expect(res.text).toContain('<Message>Got: hi</Message>');
    await app.close();
  });
});
