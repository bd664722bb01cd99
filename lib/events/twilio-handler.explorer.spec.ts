import { Injectable, SetMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { OnTwilioEvent } from '../decorators/on-twilio-event.decorator.js';
import { TwilioWebhookModule } from '../twilio-webhook.module.js';
import { TwilioEventBus } from './twilio-event-bus.js';

const calls: string[] = [];

@Injectable()
class Tracker {
  @OnTwilioEvent('message.status.*')
  onStatus(payload: { MessageSid: string }) {
    calls.push(`tracker:${payload.MessageSid}`);
  }
}

/** Built on the same key without `@OnTwilioEvent()`, as a user's own decorator would be. */
const OnFailedMessage = () =>
  SetMetadata(OnTwilioEvent.KEY, [{ pattern: 'message.status.failed' }]);

@Injectable()
class CustomDecorated {
  @OnFailedMessage()
  onFailed() {
    calls.push('custom');
  }
}

describe('TwilioHandlerExplorer', () => {
  beforeEach(() => calls.splice(0));

  it('finds handlers on providers, once despite aliases, and on custom decorators', async () => {
    const nullPrototype = Object.create(null);
    const moduleRef = await Test.createTestingModule({
      imports: [TwilioWebhookModule.forRoot({ authToken: 't' })],
      providers: [
        Tracker,
        CustomDecorated,
        { provide: 'TRACKER_ALIAS', useExisting: Tracker },
        { provide: 'NULL_PROTOTYPE', useValue: nullPrototype },
        { provide: 'PRIMITIVE', useValue: 42 },
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      const bus = app.get(TwilioEventBus);
      expect(
        bus
          .handlers()
          .map((h) => h.id)
          .sort(),
      ).toEqual(['CustomDecorated.onFailed', 'Tracker.onStatus']);
      await bus.emit('message.status.failed', {
        MessageSid: 'SM1',
        MessageStatus: 'failed',
        AccountSid: 'AC1',
      });
      expect(calls.sort()).toEqual(['custom', 'tracker:SM1']);
    } finally {
      await app.close();
    }
  });
});
