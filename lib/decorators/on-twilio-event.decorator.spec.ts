import { TWILIO_EVENT_HANDLER } from '../twilio-webhook.constants.js';
import { OnTwilioEvent } from './on-twilio-event.decorator.js';

describe('@OnTwilioEvent()', () => {
  it('appends one entry per decorator to a single metadata key', () => {
    class Tracker {
      @OnTwilioEvent('message.status.failed')
      @OnTwilioEvent('message.status.undelivered')
      onFailure() {}

      @OnTwilioEvent('call.**')
      onCall() {}
    }
    const entries = Reflect.getMetadata(TWILIO_EVENT_HANDLER, Tracker.prototype.onFailure);
    // Decorators apply bottom-up.
    expect(entries).toEqual([
      { pattern: 'message.status.undelivered' },
      { pattern: 'message.status.failed' },
    ]);
    expect(Reflect.getMetadata(TWILIO_EVENT_HANDLER, Tracker.prototype.onCall)).toEqual([
      { pattern: 'call.**' },
    ]);
  });

  it('exposes its key and refuses a malformed pattern where it is written', () => {
    expect(OnTwilioEvent.KEY).toBe('twilio-webhooks:handler');
    expect(() => OnTwilioEvent('message..status')).toThrow(/dot-separated/);
  });
});
