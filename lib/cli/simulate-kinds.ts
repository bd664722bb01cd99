import { twilioFixtures, type TwilioFormFixtureName } from '../testing/twilio-fixtures.js';

/** A webhook the simulator can send: the fixture that builds it and what identifies it. */
export interface SimulateKind {
  readonly describe: string;
  readonly fixture: TwilioFormFixtureName | 'cloudEvent' | 'cloudEvents';
  /** The parameter to show as its id (`MessageSid`, `CallSid`, …). */
  readonly idKey?: string;
}

export const SIMULATE_KINDS: Readonly<Record<string, SimulateKind>> = {
  'inbound-message': { describe: 'an inbound SMS', fixture: 'inboundMessage', idKey: 'MessageSid' },
  'inbound-mms': {
    describe: 'an inbound MMS with one image',
    fixture: 'inboundMms',
    idKey: 'MessageSid',
  },
  'inbound-whatsapp': {
    describe: 'an inbound WhatsApp message',
    fixture: 'inboundWhatsApp',
    idKey: 'MessageSid',
  },
  'message-status': {
    describe: 'a message status callback',
    fixture: 'messageStatus',
    idKey: 'MessageSid',
  },
  'inbound-call': {
    describe: 'an inbound call asking for TwiML',
    fixture: 'inboundCall',
    idKey: 'CallSid',
  },
  'call-status': { describe: 'a call status callback', fixture: 'callStatus', idKey: 'CallSid' },
  gather: { describe: 'a <Gather> action request', fixture: 'gather', idKey: 'CallSid' },
  record: { describe: 'a <Record> action request', fixture: 'record', idKey: 'RecordingSid' },
  dial: { describe: 'a <Dial> action request', fixture: 'dial', idKey: 'DialCallSid' },
  'recording-status': {
    describe: 'a recording status callback',
    fixture: 'recordingStatus',
    idKey: 'RecordingSid',
  },
  transcription: {
    describe: 'a transcription callback',
    fixture: 'transcription',
    idKey: 'TranscriptionSid',
  },
  conference: {
    describe: 'a conference status callback',
    fixture: 'conference',
    idKey: 'ConferenceSid',
  },
  debugger: { describe: 'a Debugger alert', fixture: 'debugger', idKey: 'Sid' },
  conversations: {
    describe: 'a Conversations webhook',
    fixture: 'conversations',
    idKey: 'EventType',
  },
  'cloud-event': {
    describe: 'one Event Streams CloudEvent (JSON)',
    fixture: 'cloudEvent',
    idKey: 'id',
  },
  'cloud-events': { describe: 'a batch of two Event Streams CloudEvents', fixture: 'cloudEvents' },
};

/** Short names people type. */
export const KIND_ALIASES: Readonly<Record<string, string>> = {
  sms: 'inbound-message',
  mms: 'inbound-mms',
  whatsapp: 'inbound-whatsapp',
  call: 'inbound-call',
  voice: 'inbound-call',
  'event-stream': 'cloud-event',
};

/**
 * Builds the payload of a kind with the user's `--param` values: form parameters, or for
 * CloudEvents the envelope (`type=…`) and `data.<field>=…`.
 */
export function buildPayload(
  kind: SimulateKind,
  overrides: Record<string, string>,
): { params?: Record<string, string>; body?: unknown } {
  if (kind.fixture === 'cloudEvent' || kind.fixture === 'cloudEvents') {
    const envelope: Record<string, unknown> = {};
    const data: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(overrides)) {
      if (key.startsWith('data.')) data[key.slice(5)] = value;
      else envelope[key] = value;
    }
    const one = { ...envelope, data };
    return {
      body:
        kind.fixture === 'cloudEvent'
          ? twilioFixtures.cloudEvent(one)
          : twilioFixtures.cloudEvents([one, one]),
    };
  }
  return { params: twilioFixtures[kind.fixture](overrides) };
}
