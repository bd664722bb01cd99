import {
  Controller,
  Injectable,
  Module,
  Post,
  SetMetadata,
  UseGuards,
  UseInterceptors,
  type CanActivate,
  type INestApplication,
} from '@nestjs/common';
import request from 'supertest';
import {
  MessagingResponse,
  OnTwilioEvent,
  TWILIO_ROUTE_KIND,
  TwilioInboundMessage,
  TwilioPayload,
  TwilioReplyInterceptor,
  TwilioSignatureGuard,
  TwilioStatusCallback,
  TwilioWebhookModule,
  type MessageStatusCallback,
} from '../../lib/index.js';
import { ADAPTERS, createApp } from '../support/adapters.js';
import { formBody, signForm } from '../support/twilio-signing.js';

const TOKEN = 'e'.repeat(32);
const PUBLIC = 'https://wrap.example.com';

@Injectable()
class DenyGuard implements CanActivate {
  canActivate() {
    return false;
  }
}

@Injectable()
class Seen {
  readonly events: string[] = [];
  @OnTwilioEvent('message.status.*')
  onStatus(event: MessageStatusCallback) {
    this.events.push(`${event.MessageSid}:${event.MessageStatus}`);
  }
}

@Controller('twilio')
class WrappedController {
  @TwilioInboundMessage('sms')
  reply(@TwilioPayload() sms: { Body: string }, extra = 'default') {
    return new MessagingResponse().message(`${sms.Body} ${extra}`);
  }

  // A guard declared below the route decorator is applied before it: it must still count.
  @TwilioStatusCallback('denied')
  @UseGuards(DenyGuard)
  denied() {}

  // A route built by hand, with the guard and the interceptor the decorators stand for.
  @Post('custom')
  @SetMetadata(TWILIO_ROUTE_KIND, 'status-callback')
  @UseGuards(TwilioSignatureGuard)
  @UseInterceptors(TwilioReplyInterceptor)
  custom() {
    return { ignored: true };
  }
}

@Module({
  imports: [TwilioWebhookModule.forRoot({ authToken: TOKEN, publicUrl: PUBLIC })],
  controllers: [WrappedController],
  providers: [Seen, DenyGuard],
})
class AppModule {}

const status = (n: number) => ({
  AccountSid: 'AC' + '1'.repeat(32),
  MessageSid: 'SM' + String(n).repeat(32).slice(0, 32),
  MessageStatus: 'delivered',
});

describe('route methods wrapped by the route decorators', () => {
  it('run unchanged when called directly, as a unit test does', () => {
    const controller = new WrappedController();
    const twiml = controller.reply({ Body: 'hi' });
    expect(String(twiml)).toContain('<Message>hi default</Message>');
    expect(String(controller.reply({ Body: 'hi' }, 'there'))).toContain('hi there');
  });
});

describe.each(ADAPTERS)('route wrapping on %s', (adapter) => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createApp(adapter, AppModule);
  });
  afterAll(async () => {
    await app?.close();
  });
  const post = (path: string, params: Record<string, string>) =>
    request(app.getHttpServer())
      .post(path)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('X-Twilio-Signature', signForm(TOKEN, `${PUBLIC}${path}`, params))
      .send(formBody(params));

  it('keeps a default parameter value, the request going after it', async () => {
    const sms = { ...status(1), Body: 'hello' };
    const res = await post('/twilio/sms', sms).expect(200);
    expect(res.text).toContain('<Message>hello default</Message>');
  });

  it('keeps guards declared below the route decorator', async () => {
    await post('/twilio/denied', status(2)).expect(403);
    expect(app.get(Seen).events).not.toContain(`${status(2).MessageSid}:delivered`);
  });

  it('lets a hand-built route reply and dispatch through TwilioReplyInterceptor', async () => {
    const res = await post('/twilio/custom', status(3)).expect(201);
    expect(res.text).toBe('');
    expect(app.get(Seen).events).toContain(`${status(3).MessageSid}:delivered`);
  });
});
