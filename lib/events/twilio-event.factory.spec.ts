import type { TwilioPayloadResult } from '../payloads/twilio-payload-type.js';
import type { TwilioRequestState } from '../signature/twilio-request-state.interface.js';
import { twilioEventsOf } from './twilio-event.factory.js';

const SM = 'SM' + '1'.repeat(32);
const CA = 'CA' + '2'.repeat(32);
const RE = 'RE' + '3'.repeat(32);

function state(token?: string): TwilioRequestState {
  return {
    url: 'https://hooks.example.com/twilio/status',
    params: {},
    accountSid: 'AC' + 'a'.repeat(32),
    idempotencyToken: token,
    receivedAt: new Date(0),
    verified: true,
  };
}

const events = (type: TwilioPayloadResult['type'], payload: unknown, token?: string) =>
  twilioEventsOf({ type, payload }, state(token)).map(({ name, key, order }) => ({
    name,
    key,
    order,
  }));

describe('twilioEventsOf', () => {
  it('names each payload type as DESIGN.md does, and derives keys without a token', () => {
    expect(events('inbound-message', { MessageSid: SM })).toEqual([
      { name: 'message.inbound', key: `message:${SM}`, order: undefined },
    ]);
    expect(events('message-status', { MessageSid: SM, MessageStatus: 'delivered' })).toEqual([
      {
        name: 'message.status.delivered',
        key: `message-status:${SM}:delivered`,
        order: { resource: `message:${SM}`, rank: 5 },
      },
    ]);
    expect(events('inbound-call', { CallSid: CA })[0]).toMatchObject({
      name: 'call.inbound',
      key: `call-inbound:${CA}`,
    });
    expect(events('gather', { CallSid: CA, Digits: '1' })[0]).toEqual({
      name: 'call.gather',
      key: undefined,
      order: undefined,
    });
    expect(events('record', { CallSid: CA, RecordingSid: RE })[0]).toMatchObject({
      name: 'call.record',
      key: `record:${RE}`,
    });
    expect(events('dial', { CallSid: CA, DialCallStatus: 'busy' })[0]).toMatchObject({
      name: 'call.dial',
      key: undefined,
    });
    expect(
      events('recording-status', { RecordingSid: RE, RecordingStatus: 'completed' })[0],
    ).toMatchObject({
      name: 'recording.status.completed',
      key: `recording-status:${RE}:completed`,
      order: { resource: `recording:${RE}`, rank: 100 },
    });
    expect(
      events('transcription', { TranscriptionSid: 'TR1', TranscriptionStatus: 'failed' })[0],
    ).toMatchObject({
      name: 'transcription.failed',
      key: 'transcription:TR1:failed',
    });
    expect(
      events('conference', {
        ConferenceSid: 'CF1',
        StatusCallbackEvent: 'participant-join',
        SequenceNumber: 4,
      })[0],
    ).toMatchObject({
      name: 'conference.participant-join',
      key: 'conference:CF1:4:participant-join',
    });
    expect(events('debugger', { Sid: 'NO1', Level: 'Warning' })[0]).toMatchObject({
      name: 'debugger.warning',
      key: 'debugger:NO1',
    });
    expect(events('conversations', { EventType: 'onMessageAdded' })[0]).toMatchObject({
      name: 'conversations.onMessageAdded',
    });
    expect(events('unknown', { Foo: 'bar' })).toEqual([]);
  });

  it('reads SequenceNumber as a string or a number, and puts it in the call-status key', () => {
    const asText = events('call-status', {
      CallSid: CA,
      CallStatus: 'ringing',
      SequenceNumber: '2',
    });
    const asNumber = events('call-status', {
      CallSid: CA,
      CallStatus: 'ringing',
      SequenceNumber: 2,
    });
    expect(asText).toEqual(asNumber);
    expect(asText[0]).toEqual({
      name: 'call.status.ringing',
      key: `call-status:${CA}:ringing:2`,
      order: { resource: `call:${CA}`, rank: 2 },
    });
  });

  it('prefers the idempotency token, except for CloudEvents, which use their id', () => {
    expect(events('message-status', { MessageSid: SM, MessageStatus: 'sent' }, 'tok')[0].key).toBe(
      'token:tok',
    );
    const batch = [
      { id: 'EZ1', type: 'com.twilio.messaging.message.sent' },
      { id: 'EZ2', type: 'com.twilio.messaging.message.delivered' },
      'not an event',
    ];
    expect(events('cloud-events', batch, 'tok')).toEqual([
      { name: 'stream.com.twilio.messaging.message.sent', key: 'stream:EZ1', order: undefined },
      {
        name: 'stream.com.twilio.messaging.message.delivered',
        key: 'stream:EZ2',
        order: undefined,
      },
    ]);
  });

  it('does not order statuses Twilio added after this release', () => {
    expect(events('message-status', { MessageSid: SM, MessageStatus: 'teleported' })[0]).toEqual({
      name: 'message.status.teleported',
      key: `message-status:${SM}:teleported`,
      order: undefined,
    });
  });

  it('hands on the request facts for the handler context', () => {
    const [event] = twilioEventsOf(
      { type: 'inbound-message', payload: { MessageSid: SM } },
      state('t'),
    );
    expect(event.source).toEqual({
      idempotencyToken: 't',
      accountSid: 'AC' + 'a'.repeat(32),
      url: 'https://hooks.example.com/twilio/status',
      receivedAt: new Date(0),
      params: {},
    });
  });
});
