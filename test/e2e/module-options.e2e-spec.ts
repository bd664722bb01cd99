import { Injectable, Module } from '@nestjs/common';
import request from 'supertest';
import { TwilioWebhookModule, type TwilioWebhookModuleOptions } from '../../lib/index.js';
import { HandlerCalls, WebhooksController } from '../fixtures/webhooks/webhooks.controller.js';
import { ADAPTERS, createApp } from '../support/adapters.js';
import { formBody, signForm } from '../support/twilio-signing.js';

const TOKEN = 'c'.repeat(32);

@Injectable()
class TwilioOptionsFactory {
  createTwilioWebhookOptions(): TwilioWebhookModuleOptions {
    return { authToken: TOKEN, publicUrl: 'https://factory.example.com' };
  }
}

@Module({ providers: [TwilioOptionsFactory], exports: [TwilioOptionsFactory] })
class OptionsModule {}

const appWith = (twilio: ReturnType<typeof TwilioWebhookModule.forRoot>) => {
  @Module({ imports: [twilio], controllers: [WebhooksController], providers: [HandlerCalls] })
  class AppModule {}
  return AppModule;
};

describe.each(ADAPTERS)('module configuration on %s', (adapter) => {
  const params = {
    AccountSid: 'AC' + '1'.repeat(32),
    MessageSid: 'SM' + '2'.repeat(32),
    MessageStatus: 'sent',
  };
  const url = 'https://factory.example.com/twilio/status';

  it.each([
    ['useClass', TwilioWebhookModule.forRootAsync({ useClass: TwilioOptionsFactory })],
    [
      'useExisting',
      TwilioWebhookModule.forRootAsync({
        imports: [OptionsModule],
        useExisting: TwilioOptionsFactory,
      }),
    ],
  ])('forRootAsync with %s checks signatures with the factory options', async (_name, twilio) => {
    const app = await createApp(adapter, appWith(twilio));
    try {
      const send = (sig: string) =>
        request(app.getHttpServer())
          .post('/twilio/status')
          .set('Content-Type', 'application/x-www-form-urlencoded')
          .set('X-Twilio-Signature', sig)
          .send(formBody(params));
      await send(signForm(TOKEN, url, params)).expect(204);
      await send(signForm('d'.repeat(32), url, params)).expect(403);
    } finally {
      await app.close();
    }
  });

  it.each([
    ['forRoot without a token', TwilioWebhookModule.forRoot({}), /no authToken/],
    [
      'forRootAsync without a token',
      TwilioWebhookModule.forRootAsync({ useFactory: () => ({ authToken: undefined }) }),
      /no authToken/,
    ],
    [
      'a malformed publicUrl',
      TwilioWebhookModule.forRoot({ authToken: TOKEN, publicUrl: 'abc123.ngrok-free.app' }),
      /publicUrl "abc123.ngrok-free.app" is not usable/,
    ],
  ])('refuses to start with %s', async (_name, twilio, message) => {
    await expect(createApp(adapter, appWith(twilio))).rejects.toThrow(message);
  });
});
