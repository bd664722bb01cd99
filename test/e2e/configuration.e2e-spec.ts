import { Module, type INestApplication } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  formatWebhookConfigurationPlan,
  TwilioEventStreamsSetup,
  TwilioWebhookConfigurationModule,
  TwilioWebhookConfigurator,
  type TwilioConfigurationOptions,
} from '../../lib/configuration/index.js';
import { TwilioWebhookModule } from '../../lib/index.js';
import { twilioSid } from '../../lib/testing/index.js';
import { ADAPTERS, createApp } from '../support/adapters.js';
import { FakeTwilioApi } from '../support/fake-twilio-api.js';

const ACCOUNT = twilioSid('AC');
const REST_TOKEN = 'r'.repeat(32);
const API_KEY = twilioSid('SK');
const API_SECRET = 's'.repeat(32);
const PUBLIC = 'https://abc123.ngrok-free.app';

@Module({})
class ConfigAppModule {}

const configApp = (fake: FakeTwilioApi, rest: Partial<TwilioConfigurationOptions> = {}) => ({
  module: ConfigAppModule,
  imports: [
    TwilioWebhookModule.forRoot({ authToken: 'w'.repeat(32), publicUrl: PUBLIC }),
    TwilioWebhookConfigurationModule.forRoot({
      accountSid: ACCOUNT,
      authToken: REST_TOKEN,
      httpClient: fake.httpClient(),
      ...rest,
    }),
  ],
});

const basicUser = (fake: FakeTwilioApi) => fake.requests.map((r) => r.username);

describe.each(ADAPTERS)(
  'webhook configuration from code, against a fake Twilio API, on %s',
  (adapter) => {
    let fake: FakeTwilioApi;
    let app: INestApplication;
    const boot = async (rest?: Partial<TwilioConfigurationOptions>) => {
      app = await createApp(adapter, configApp(fake, rest));
      return app.get(TwilioWebhookConfigurator);
    };
    beforeEach(async () => {
      fake = await new FakeTwilioApi({
        accountSid: ACCOUNT,
        authToken: REST_TOKEN,
        apiKey: API_KEY,
        apiSecret: API_SECRET,
      }).start();
    });
    afterEach(async () => {
      await app?.close();
      await fake.stop();
    });

    describe('a phone number', () => {
      it('dry run: shows the change and writes nothing', async () => {
        const number = fake.addPhoneNumber({
          sms_url: 'https://old.example.com/sms',
          sms_method: 'GET',
        });
        const configurator = await boot();
        const plan = await configurator.configurePhoneNumber(
          '+14155550100',
          { sms: '/twilio/sms', statusCallback: '/twilio/status' },
          { dryRun: true },
        );
        expect(plan).toMatchObject({
          resource: 'phone-number',
          sid: number.sid,
          name: '+14155550100',
          dryRun: true,
          applied: false,
        });
        expect(plan.changes).toEqual([
          { field: 'SmsUrl', from: 'https://old.example.com/sms', to: `${PUBLIC}/twilio/sms` },
          { field: 'SmsMethod', from: 'GET', to: 'POST' },
          { field: 'StatusCallback', from: '', to: `${PUBLIC}/twilio/status` },
        ]);
        expect(plan.unchanged).toEqual(['StatusCallbackMethod']);
        expect(fake.writes()).toEqual([]);
        expect(number.sms_url).toBe('https://old.example.com/sms');
        expect(formatWebhookConfigurationPlan(plan)).toContain(
          `SmsUrl          https://old.example.com/sms -> ${PUBLIC}/twilio/sms`,
        );
        expect(formatWebhookConfigurationPlan(plan)).toMatch(
          /3 change\(s\), dry run: nothing written/,
        );
      });

      it('writes the documented fields with Basic auth, then finds nothing left to change', async () => {
        const number = fake.addPhoneNumber();
        const configurator = await boot();
        const plan = await configurator.configurePhoneNumber(number.sid as string, {
          sms: '/twilio/sms',
          smsFallback: 'https://backup.example.com/sms',
          voice: { path: '/twilio/voice', overrides: { rc: 2, rp: ['ct', '5xx'] } },
          voiceFallback: { url: 'https://backup.example.com/voice', method: 'GET' },
          statusCallback: '/twilio/status',
        });
        expect(plan.applied).toBe(true);
        const [write] = fake.writes();
        expect(write).toMatchObject({
          host: 'api.twilio.com',
          method: 'POST',
          path: `/2010-04-01/Accounts/${ACCOUNT}/IncomingPhoneNumbers/${number.sid}.json`,
          username: ACCOUNT,
        });
        expect(Object.fromEntries(write.form)).toEqual({
          SmsUrl: `${PUBLIC}/twilio/sms`,
          SmsFallbackUrl: 'https://backup.example.com/sms',
          VoiceUrl: `${PUBLIC}/twilio/voice#rc=2&rp=ct,5xx`,
          VoiceFallbackUrl: 'https://backup.example.com/voice',
          VoiceFallbackMethod: 'GET',
          StatusCallback: `${PUBLIC}/twilio/status`,
        });
        expect(number).toMatchObject({
          voice_url: `${PUBLIC}/twilio/voice#rc=2&rp=ct,5xx`,
          voice_fallback_method: 'GET',
        });

        const again = await configurator.configurePhoneNumber('+14155550100', {
          sms: '/twilio/sms',
        });
        expect(again).toMatchObject({
          changes: [],
          applied: false,
          unchanged: ['SmsUrl', 'SmsMethod'],
        });
        expect(fake.writes()).toHaveLength(1);
        expect(formatWebhookConfigurationPlan(again)).toMatch(/already configured/);
      });

      it('signs in with an API key when one is given', async () => {
        fake.addPhoneNumber();
        const configurator = await boot({
          authToken: undefined,
          apiKey: API_KEY,
          apiSecret: API_SECRET,
        });
        await configurator.configurePhoneNumber('+14155550100', { voice: '/twilio/voice' });
        expect(new Set(basicUser(fake))).toEqual(new Set([API_KEY]));
        expect(fake.requests[0].query.get('PhoneNumber')).toBe('+14155550100');
      });

      it('warns about an attached TwiML App, and detaches it on request', async () => {
        const appSid = twilioSid('AP');
        const number = fake.addPhoneNumber({ sms_application_sid: appSid });
        const configurator = await boot();
        const warned = await configurator.configurePhoneNumber(
          '+14155550100',
          { sms: '/twilio/sms' },
          { dryRun: true },
        );
        expect(warned.warnings).toEqual([
          expect.stringContaining(`SmsApplicationSid ${appSid} is set`),
        ]);
        const detached = await configurator.configurePhoneNumber(
          '+14155550100',
          { sms: '/twilio/sms' },
          { detachApplications: true },
        );
        expect(detached.warnings).toEqual([]);
        expect(fake.writes()[0].form.get('SmsApplicationSid')).toBe('');
        expect(number.sms_application_sid).toBe('');
      });

      it('clears a setting with null, and refuses a fallback without a primary URL before writing', async () => {
        const number = fake.addPhoneNumber({
          sms_url: 'https://a.example.com/sms',
          sms_fallback_url: 'https://b.example.com/sms',
        });
        const configurator = await boot();
        await configurator.configurePhoneNumber('+14155550100', { smsFallback: null });
        expect(number.sms_fallback_url).toBe('');
        await expect(
          configurator.configurePhoneNumber('+14155550100', {
            sms: null,
            smsFallback: '/twilio/sms-fallback',
          }),
        ).rejects.toThrow(/SmsFallbackUrl needs a SmsUrl/);
        expect(fake.writes()).toHaveLength(1);
      });

      it('warns that Twilio cannot reach a local URL', async () => {
        fake.addPhoneNumber();
        const configurator = await boot();
        const plan = await configurator.configurePhoneNumber(
          '+14155550100',
          { sms: 'http://localhost:3000/twilio/sms' },
          { dryRun: true },
        );
        expect(plan.warnings).toEqual([
          expect.stringMatching(/local address that Twilio cannot reach/),
        ]);
      });

      it('reports an unknown number, bad input and refused credentials', async () => {
        const configurator = await boot({ authToken: 'wrong' });
        await expect(
          configurator.configurePhoneNumber('+14155550100', { sms: '/twilio/sms' }),
        ).rejects.toThrow(/Authenticate/);
        await app.close();
        const ok = await boot();
        await expect(
          ok.configurePhoneNumber('+14155550199', { sms: '/twilio/sms' }),
        ).rejects.toThrow(/No phone number \+14155550199/);
        await expect(ok.configurePhoneNumber('555-0100', { sms: '/twilio/sms' })).rejects.toThrow(
          /E\.164/,
        );
        await expect(
          ok.configurePhoneNumber('+14155550100', { sms: { path: '/x', overrides: { rc: 9 } } }),
        ).rejects.toThrow(RangeError);
        expect(fake.writes()).toEqual([]);
      });
    });

    describe('a Messaging Service', () => {
      it('writes InboundRequestUrl, InboundMethod, FallbackUrl, FallbackMethod and StatusCallback', async () => {
        const service = fake.addMessagingService({ inbound_method: 'GET' });
        const configurator = await boot();
        const plan = await configurator.configureMessagingService(service.sid as string, {
          inbound: '/twilio/sms',
          fallback: { path: '/twilio/sms-fallback', method: 'GET' },
          statusCallback: { path: '/twilio/status', overrides: { rc: 3 } },
        });
        expect(plan).toMatchObject({
          resource: 'messaging-service',
          name: 'Notifications',
          applied: true,
        });
        const [write] = fake.writes();
        expect(write).toMatchObject({
          host: 'messaging.twilio.com',
          path: `/v1/Services/${service.sid}`,
          username: ACCOUNT,
        });
        expect(Object.fromEntries(write.form)).toEqual({
          InboundRequestUrl: `${PUBLIC}/twilio/sms`,
          InboundMethod: 'POST',
          FallbackUrl: `${PUBLIC}/twilio/sms-fallback`,
          FallbackMethod: 'GET',
          StatusCallback: `${PUBLIC}/twilio/status#rc=3`,
        });
        expect(service.inbound_request_url).toBe(`${PUBLIC}/twilio/sms`);
      });

      it("warns when the service sends messages to each number's own URL instead", async () => {
        const service = fake.addMessagingService({ use_inbound_webhook_on_number: true });
        const configurator = await boot();
        const plan = await configurator.configureMessagingService(
          service.sid as string,
          { inbound: '/twilio/sms' },
          { dryRun: true },
        );
        expect(plan.warnings).toEqual([expect.stringMatching(/UseInboundWebhookOnNumber/)]);
        expect(fake.writes()).toEqual([]);
        await expect(
          configurator.configureMessagingService(service.sid as string, {
            statusCallback: { path: '/s', method: 'GET' },
          }),
        ).rejects.toThrow(/always POST/);
      });
    });

    describe('Event Streams', () => {
      const types = [
        'com.twilio.messaging.message.delivered',
        { type: 'com.twilio.messaging.message.failed', schemaVersion: 7 },
      ];

      it('creates a webhook Sink for a route and subscribes it to event types', async () => {
        await boot();
        const setup = app.get(TwilioEventStreamsSetup);
        const result = await setup.setup({ route: '/twilio/events', types });
        const [sinkWrite, subscriptionWrite] = fake.writes();
        expect(sinkWrite).toMatchObject({
          host: 'events.twilio.com',
          path: '/v1/Sinks',
          username: ACCOUNT,
        });
        expect(sinkWrite.form.get('SinkType')).toBe('webhook');
        expect(JSON.parse(sinkWrite.form.get('SinkConfiguration')!)).toEqual({
          destination: `${PUBLIC}/twilio/events`,
          method: 'POST',
          batch_events: false,
        });
        expect(sinkWrite.form.get('Description')).toContain(`${PUBLIC}/twilio/events`);
        expect(subscriptionWrite).toMatchObject({ path: '/v1/Subscriptions' });
        expect(subscriptionWrite.form.get('SinkSid')).toBe(result.sinkSid);
        expect(subscriptionWrite.form.getAll('Types').map((t) => JSON.parse(t))).toEqual([
          { type: 'com.twilio.messaging.message.delivered' },
          { type: 'com.twilio.messaging.message.failed', schema_version: 7 },
        ]);
        expect(result).toMatchObject({
          reusedSink: false,
          dryRun: false,
          subscriptionSid: expect.stringMatching(/^DF/),
        });
        expect(fake.sinks.get(result.sinkSid!)).toMatchObject({ status: 'active' });
      });

      it('reuses the Sink of the same destination, and a dry run writes nothing', async () => {
        await boot();
        const setup = app.get(TwilioEventStreamsSetup);
        const first = await setup.setup({
          route: '/twilio/events',
          types: ['com.twilio.voice.status-callback.call.completed'],
        });
        const dry = await setup.setup(
          { route: `${PUBLIC}/twilio/events`, types: ['com.twilio.error-logs.error.logged'] },
          { dryRun: true },
        );
        expect(dry).toMatchObject({ sinkSid: first.sinkSid, reusedSink: true, dryRun: true });
        expect(dry.subscriptionSid).toBeUndefined();
        expect(fake.writes()).toHaveLength(2);
        const second = await setup.setup({
          route: '/twilio/events',
          types: ['com.twilio.error-logs.error.logged'],
        });
        expect(second).toMatchObject({ sinkSid: first.sinkSid, reusedSink: true });
        expect(fake.sinks.size).toBe(1);
        expect(fake.subscriptions.size).toBe(2);
      });

      it('refuses connection overrides on a sink and bad event types, before any request', async () => {
        await boot();
        const setup = app.get(TwilioEventStreamsSetup);
        await expect(setup.setup({ route: `${PUBLIC}/twilio/events#rc=3`, types })).rejects.toThrow(
          /does not support connection overrides/,
        );
        await expect(
          setup.setup({ route: '/twilio/events', types: ['message.delivered'] }),
        ).rejects.toThrow(/not an Event Streams type/);
        await expect(setup.setup({ route: '/twilio/events', types: [] })).rejects.toThrow(
          /at least one/,
        );
        expect(fake.requests).toEqual([]);
      });
    });
  },
);

describe('TwilioWebhookConfigurator without Nest', () => {
  it('checks the credentials it is given', () => {
    expect(() => new TwilioWebhookConfigurator({ accountSid: 'nope', authToken: 't' })).toThrow(
      /accountSid/,
    );
    expect(() => new TwilioWebhookConfigurator({ accountSid: ACCOUNT })).toThrow(
      /apiKey and apiSecret/,
    );
    expect(() => new TwilioWebhookConfigurator({ accountSid: ACCOUNT, apiKey: API_KEY })).toThrow(
      /both apiKey/,
    );
  });

  it('joins paths to its publicUrl, else TWILIO_WEBHOOK_PUBLIC_URL, and asks for one otherwise', async () => {
    const own = new TwilioWebhookConfigurator({
      accountSid: ACCOUNT,
      authToken: 't',
      publicUrl: 'https://x.example.com/base/',
    });
    expect(own.publicUrl).toBe('https://x.example.com/base/');
    const previous = process.env.TWILIO_WEBHOOK_PUBLIC_URL;
    process.env.TWILIO_WEBHOOK_PUBLIC_URL = 'https://env.example.com';
    try {
      expect(new TwilioWebhookConfigurator({ accountSid: ACCOUNT, authToken: 't' }).publicUrl).toBe(
        'https://env.example.com',
      );
    } finally {
      if (previous === undefined) delete process.env.TWILIO_WEBHOOK_PUBLIC_URL;
      else process.env.TWILIO_WEBHOOK_PUBLIC_URL = previous;
    }
    const none = new TwilioWebhookConfigurator({ accountSid: ACCOUNT, authToken: 't' });
    if (!process.env.TWILIO_WEBHOOK_PUBLIC_URL) {
      await expect(
        none.configurePhoneNumber('+14155550100', { sms: '/twilio/sms' }),
      ).rejects.toThrow(/No public URL/);
    }
  });
});

// Importing the package must not load the twilio SDK's REST client (it is large): the
// configuration services load it on first use. Checked on the build, in a fresh process.
const DIST = process.env.TWILIO_WEBHOOKS_DIST ?? resolve(import.meta.dirname, '../../dist');
const ENTRY_POINTS = ['index.js', 'configuration/index.js', 'testing/index.js'].map((f) =>
  resolve(DIST, f),
);
(existsSync(ENTRY_POINTS[1]) ? describe : describe.skip)('the built package', () => {
  it('loads no twilio REST module when imported', async () => {
    const script = `
      import { createRequire } from 'node:module';
      for (const entry of ${JSON.stringify(ENTRY_POINTS)}) await import(entry);
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => f.includes('/twilio/lib/'));
      console.log(JSON.stringify(loaded));`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', script],
      {
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    );
    const loaded: string[] = JSON.parse(stdout);
    expect(loaded.some((file) => file.includes('/twilio/lib/webhooks/'))).toBe(true);
    expect(loaded.filter((file) => file.includes('/twilio/lib/rest/'))).toEqual([]);
  }, 60_000); // a fresh Node process loading Nest takes a while on a busy machine
});
