import * as ev from '../../test/fixtures/payloads/events.fixtures.js';
import * as msg from '../../test/fixtures/payloads/messaging.fixtures.js';
import * as voice from '../../test/fixtures/payloads/voice.fixtures.js';
import type { TwilioRouteKind } from '../decorators/twilio-route-kind.js';
import type { TwilioPayloadType } from './twilio-payload-type.js';
import { resolvePayloadType } from './twilio-payload-type.resolver.js';

const { Digits: _d, FinishedOnKey: _f, msg: _m, ...BARE_CALL } = voice.GATHER_DIGITS;

describe('resolvePayloadType', () => {
  it.each<{
    kind: TwilioRouteKind | undefined;
    name: string;
    params: Record<string, string>;
    type: TwilioPayloadType;
  }>([
    {
      kind: 'inbound-message',
      name: 'INBOUND_SMS',
      params: msg.INBOUND_SMS,
      type: 'inbound-message',
    },
    {
      kind: 'inbound-call',
      name: 'INBOUND_CALL',
      params: voice.INBOUND_CALL,
      type: 'inbound-call',
    },
    {
      kind: 'status-callback',
      name: 'SMS_STATUS_SEQUENCE[0]',
      params: msg.SMS_STATUS_SEQUENCE[0],
      type: 'message-status',
    },
    {
      kind: 'status-callback',
      name: 'WHATSAPP_READ',
      params: msg.WHATSAPP_READ,
      type: 'message-status',
    },
    {
      kind: 'status-callback',
      name: 'CALL_STATUS_SEQUENCE[3]',
      params: voice.CALL_STATUS_SEQUENCE[3],
      type: 'call-status',
    },
    {
      kind: 'status-callback',
      name: 'CONFERENCE_JOIN',
      params: voice.CONFERENCE_JOIN,
      type: 'conference',
    },
    {
      kind: 'status-callback',
      name: 'CONVERSATIONS_DELIVERY_UPDATED',
      params: ev.CONVERSATIONS_DELIVERY_UPDATED,
      type: 'conversations',
    },
    {
      kind: 'status-callback',
      name: 'RECORDING_STATUS',
      params: voice.RECORDING_STATUS,
      type: 'recording-status',
    },
    {
      kind: 'status-callback',
      name: '{ AccountSid: AC1 }',
      params: { AccountSid: 'AC1' },
      type: 'unknown',
    },
    { kind: 'action-callback', name: 'GATHER_DIGITS', params: voice.GATHER_DIGITS, type: 'gather' },
    { kind: 'action-callback', name: 'GATHER_SPEECH', params: voice.GATHER_SPEECH, type: 'gather' },
    { kind: 'action-callback', name: 'RECORD_ACTION', params: voice.RECORD_ACTION, type: 'record' },
    { kind: 'action-callback', name: 'DIAL_ACTION', params: voice.DIAL_ACTION, type: 'dial' },
    { kind: 'action-callback', name: 'BARE_CALL', params: BARE_CALL, type: 'unknown' },
    {
      kind: 'recording-status',
      name: 'RECORDING_STATUS',
      params: voice.RECORDING_STATUS,
      type: 'recording-status',
    },
    {
      kind: 'recording-status',
      name: 'TRANSCRIPTION',
      params: voice.TRANSCRIPTION,
      type: 'transcription',
    },
    { kind: 'debugger-event', name: 'DEBUGGER_EVENT', params: ev.DEBUGGER_EVENT, type: 'debugger' },
    // Guarded with @UseGuards only: the parameters alone decide.
    { kind: undefined, name: 'INBOUND_SMS', params: msg.INBOUND_SMS, type: 'inbound-message' },
    {
      kind: undefined,
      name: 'SMS_UNDELIVERED',
      params: msg.SMS_UNDELIVERED,
      type: 'message-status',
    },
    { kind: undefined, name: 'INBOUND_CALL', params: voice.INBOUND_CALL, type: 'inbound-call' },
    {
      kind: undefined,
      name: 'CALL_STATUS_SEQUENCE[0]',
      params: voice.CALL_STATUS_SEQUENCE[0],
      type: 'call-status',
    },
    { kind: undefined, name: 'DIAL_ACTION', params: voice.DIAL_ACTION, type: 'dial' },
    { kind: undefined, name: 'RECORD_ACTION', params: voice.RECORD_ACTION, type: 'record' },
    { kind: undefined, name: 'TRANSCRIPTION', params: voice.TRANSCRIPTION, type: 'transcription' },
    { kind: undefined, name: 'CONFERENCE_END', params: voice.CONFERENCE_END, type: 'conference' },
    { kind: undefined, name: 'DEBUGGER_EVENT', params: ev.DEBUGGER_EVENT, type: 'debugger' },
    {
      kind: undefined,
      name: 'CONVERSATIONS_MESSAGE_ADDED',
      params: ev.CONVERSATIONS_MESSAGE_ADDED,
      type: 'conversations',
    },
    { kind: undefined, name: '{ Foo: bar }', params: { Foo: 'bar' }, type: 'unknown' },
  ])('$kind route, $name: $type', ({ kind, params, type }) => {
    expect(resolvePayloadType(kind, params)).toBe(type);
  });

  it('lets the verb of an action route win over the parameters', () => {
    expect(resolvePayloadType('action-callback', BARE_CALL, 'gather')).toBe('gather');
    expect(resolvePayloadType('action-callback', voice.RECORD_ACTION, 'dial')).toBe('dial');
  });
});
