import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import * as ev from '../../../test/fixtures/payloads/events.fixtures.js';
import * as msg from '../../../test/fixtures/payloads/messaging.fixtures.js';
import * as voice from '../../../test/fixtures/payloads/voice.fixtures.js';
import {
  CallStatusCallback,
  CloudEvent,
  ConferenceStatusCallback,
  ConversationsDeliveryEvent,
  ConversationsMessageEvent,
  ConversationsParticipantEvent,
  ConversationsStateEvent,
  DebuggerEvent,
  DialAction,
  GatherAction,
  InboundCall,
  InboundMessage,
  MessageStatusCallback,
  RecordAction,
  RecordingStatusCallback,
  TranscriptionCallback,
} from '../dto/index.js';
import { TwilioField } from './twilio-field.decorator.js';
import {
  createTwilioPayload,
  rawTwilioPayloadOf,
  type TwilioPayloadClass,
} from './twilio-payload.builder.js';
import { TwilioPayloadError } from './twilio-payload.error.js';

const FIXTURES: [TwilioPayloadClass, Record<string, unknown>][] = [
  [InboundMessage, msg.INBOUND_SMS],
  [InboundMessage, msg.INBOUND_WHATSAPP_MEDIA],
  [InboundMessage, msg.INBOUND_WHATSAPP_BUTTON],
  ...[...msg.SMS_STATUS_SEQUENCE, msg.SMS_UNDELIVERED, msg.WHATSAPP_READ].map(
    (p) => [MessageStatusCallback, p] as [TwilioPayloadClass, Record<string, unknown>],
  ),
  [InboundCall, voice.INBOUND_CALL],
  ...voice.CALL_STATUS_SEQUENCE.map(
    (p) => [CallStatusCallback, p] as [TwilioPayloadClass, Record<string, unknown>],
  ),
  [GatherAction, voice.GATHER_DIGITS],
  [GatherAction, voice.GATHER_SPEECH],
  [RecordAction, voice.RECORD_ACTION],
  [DialAction, voice.DIAL_ACTION],
  [RecordingStatusCallback, voice.RECORDING_STATUS],
  [TranscriptionCallback, voice.TRANSCRIPTION],
  [ConferenceStatusCallback, voice.CONFERENCE_JOIN],
  [ConferenceStatusCallback, voice.CONFERENCE_END],
  [DebuggerEvent, ev.DEBUGGER_EVENT],
  [CloudEvent, ev.CLOUD_EVENT_DELIVERED],
  [CloudEvent, ev.CLOUD_EVENT_STRING_DATA],
  [ConversationsMessageEvent, ev.CONVERSATIONS_MESSAGE_ADDED],
  [ConversationsParticipantEvent, ev.CONVERSATIONS_PARTICIPANT_ADDED],
  [ConversationsDeliveryEvent, ev.CONVERSATIONS_DELIVERY_UPDATED],
  [ConversationsStateEvent, ev.CONVERSATIONS_STATE_UPDATED],
];

const failureOf = (fn: () => unknown): TwilioPayloadError | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof TwilioPayloadError) return error;
    throw error;
  }
};

describe('createTwilioPayload', () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('keeps undeclared keys as they arrived, and the input itself', () => {
    const params = { ...msg.INBOUND_SMS, NewField: 'x', Tags: ['b', 'a'] };
    const sms = createTwilioPayload(InboundMessage, params) as InboundMessage &
      Record<string, unknown>;
    expect(sms.NewField).toBe('x');
    expect(sms.Tags).toEqual(['b', 'a']);
    expect(rawTwilioPayloadOf(sms)).toBe(params);
    expect(rawTwilioPayloadOf({})).toBeUndefined();
  });

  it('never lets a __proto__ key change the prototype', () => {
    const json = JSON.parse(`{"id":"1","type":"t","__proto__":{"polluted":true}}`) as Record<
      string,
      unknown
    >;
    const event = createTwilioPayload(CloudEvent, json);
    expect(Object.getPrototypeOf(event)).toBe(CloudEvent.prototype);
    expect((event as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(event, '__proto__')?.value).toEqual({ polluted: true });
  });

  it('refuses a required field that is missing or empty, naming it', () => {
    const { MessageSid: _sid, ...noSid } = msg.INBOUND_SMS;
    expect(failureOf(() => createTwilioPayload(InboundMessage, noSid))?.message).toBe(
      'MessageSid is missing',
    );
    const empty = { ...msg.INBOUND_SMS, AccountSid: '' };
    expect(failureOf(() => createTwilioPayload(InboundMessage, empty))?.field).toBe('AccountSid');
  });

  it('refuses media keys sent twice', () => {
    const params = { ...msg.INBOUND_WHATSAPP_MEDIA, MediaUrl1: ['https://a', 'https://b'] };
    expect(failureOf(() => createTwilioPayload(InboundMessage, params))?.field).toBe('MediaUrl1');
  });

  it('inherits fields and lets a subclass type its own parameters', () => {
    class TenantCall extends InboundCall {
      @TwilioField('int', { required: true }) readonly TenantId!: number;
      @TwilioField('bool') readonly 'SipHeader_X-Vip'?: boolean;
    }
    const call = createTwilioPayload(TenantCall, {
      ...voice.INBOUND_CALL,
      TenantId: '42',
      'SipHeader_X-Vip': 'true',
    });
    expect(call).toBeInstanceOf(InboundCall);
    expect(call).toMatchObject({ TenantId: 42, 'SipHeader_X-Vip': true, CallStatus: 'ringing' });
    expect(failureOf(() => createTwilioPayload(TenantCall, voice.INBOUND_CALL))?.field).toBe(
      'TenantId',
    );
    // The base class is unaffected by its subclass.
    expect(failureOf(() => createTwilioPayload(InboundCall, voice.INBOUND_CALL))).toBeUndefined();
  });

  describe('agrees with class-transformer and class-validator on the same classes', () => {
    it.each(FIXTURES.map(([cls, params]) => [cls.name, cls, params] as const))(
      '%s fixture',
      (_name, cls, params) => {
        const fast = createTwilioPayload(cls, params);
        const slow = plainToInstance(cls as never, params) as object;
        expect(slow).toBeInstanceOf(cls);
        expect(fast).toEqual(slow);
        expect(validateSync(slow)).toEqual([]);
      },
    );

    it.each([
      ['MessageSid', { MessageSid: 'SM12345' }],
      ['NumMedia', { NumMedia: 'two' }],
      ['Forwarded', { Forwarded: 'maybe' }],
      ['ChannelMetadata', { ChannelMetadata: '{broken' }],
    ])('both name a malformed %s', (field, change) => {
      const params = { ...msg.INBOUND_WHATSAPP_MEDIA, ...change };
      expect(failureOf(() => createTwilioPayload(InboundMessage, params))?.field).toBe(field);
      const errors = validateSync(plainToInstance(InboundMessage, params) as object);
      expect(errors.map((e) => e.property)).toEqual([field]);
    });
  });
});
