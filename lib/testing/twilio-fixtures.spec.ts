import { twilioFixtures } from './twilio-fixtures.js';
import { isTwilioSid, twilioSid } from './twilio-sid.js';

const SID = /^[A-Z]{2}[0-9a-f]{32}$/;
const SID_KEYS = /Sid$/;

const formFactories = Object.entries(twilioFixtures).filter(
  ([name]) => name !== 'cloudEvent' && name !== 'cloudEvents',
) as [string, (o?: Record<string, string | undefined>) => Record<string, string>][];

describe('twilioSid', () => {
  it('makes a 34-character SID with the prefix and lower-case hex, new each time', () => {
    const a = twilioSid('SM');
    expect(a).toMatch(/^SM[0-9a-f]{32}$/);
    expect(twilioSid('SM')).not.toBe(a);
    expect(isTwilioSid(a, 'SM')).toBe(true);
    expect(isTwilioSid(a, 'CA')).toBe(false);
    expect(isTwilioSid('SM123')).toBe(false);
  });

  it('refuses a prefix that is not two upper-case letters', () => {
    expect(() => twilioSid('sm')).toThrow(/two upper-case letters/);
    expect(() => twilioSid('SMS')).toThrow(TypeError);
  });
});

describe.each(formFactories)('twilioFixtures.%s', (_name, make) => {
  it('gives string values and valid SIDs, new for every call', () => {
    const a = make();
    const b = make();
    expect(Object.values(a).filter((value) => typeof value !== 'string')).toEqual([]);
    const sids = Object.entries(a).filter(([key, value]) => SID_KEYS.test(key) && value !== '');
    expect(sids.length).toBeGreaterThan(0);
    expect(sids.filter(([, value]) => !SID.test(value))).toEqual([]);
    expect(a.AccountSid).toMatch(/^AC[0-9a-f]{32}$/);
    expect(a.AccountSid).not.toBe(b.AccountSid);
  });

  it('replaces a value, adds a key and drops a key set to undefined', () => {
    const base = make();
    const dropped = Object.keys(base).find((key) => key !== 'AccountSid')!;
    const params = make({ AccountSid: 'AC' + '0'.repeat(32), Custom: 'x', [dropped]: undefined });
    expect(params.AccountSid).toBe('AC' + '0'.repeat(32));
    expect(params.Custom).toBe('x');
    expect(params).not.toHaveProperty(dropped);
  });
});

describe('messaging fixtures', () => {
  it('keep the legacy copies in step with the chosen values', () => {
    const sid = twilioSid('SM');
    const sms = twilioFixtures.inboundMessage({ MessageSid: sid });
    expect(sms.SmsSid).toBe(sid);
    expect(sms.SmsMessageSid).toBe(sid);
    const status = twilioFixtures.messageStatus({ MessageSid: sid, MessageStatus: 'sent' });
    expect(status).toMatchObject({ SmsSid: sid, SmsStatus: 'sent', MessageStatus: 'sent' });
    expect(status).not.toHaveProperty('ErrorCode');
    expect(status).not.toHaveProperty('RawDlrDoneDate');
  });

  it('give failures an error code and carrier outcomes a receipt date', () => {
    expect(twilioFixtures.messageStatus({ MessageStatus: 'failed' }).ErrorCode).toBe('30008');
    const undelivered = twilioFixtures.messageStatus({ MessageStatus: 'undelivered' });
    expect(undelivered.ErrorCode).toBe('30003');
    expect(undelivered.RawDlrDoneDate).toMatch(/^\d{10}$/);
    expect(
      twilioFixtures.messageStatus({ MessageStatus: 'failed', ErrorCode: '30007' }).ErrorCode,
    ).toBe('30007');
  });

  it('count segments of a long body and generate media for NumMedia', () => {
    expect(twilioFixtures.inboundMessage({ Body: 'x'.repeat(161) }).NumSegments).toBe('2');
    const mms = twilioFixtures.inboundMms({ NumMedia: '2' });
    expect(mms.MessageSid).toMatch(/^MM/);
    expect(mms.MediaUrl1).toMatch(
      new RegExp(
        `^https://api\\.twilio\\.com/2010-04-01/Accounts/${mms.AccountSid}/Messages/${mms.MessageSid}/Media/ME[0-9a-f]{32}$`,
      ),
    );
    expect(mms.MediaContentType0).toBe('image/jpeg');
  });

  it('address WhatsApp with the channel prefix and describe the sender', () => {
    const wa = twilioFixtures.inboundWhatsApp({ ProfileName: 'Grace' });
    expect(wa.From).toMatch(/^whatsapp:\+/);
    expect(JSON.parse(wa.ChannelMetadata)).toEqual({
      type: 'whatsapp',
      data: { context: { ProfileName: 'Grace', WaId: wa.WaId } },
    });
  });
});

describe('voice fixtures', () => {
  it('add the final outcome to a final call status only', () => {
    expect(twilioFixtures.callStatus({ CallStatus: 'busy' })).toMatchObject({
      SipResponseCode: '486',
      CallDuration: '0',
    });
    const ringing = twilioFixtures.callStatus({ CallStatus: 'ringing', SequenceNumber: '1' });
    expect(ringing).not.toHaveProperty('CallDuration');
    expect(ringing).toMatchObject({ CallbackSource: 'call-progress-events', SequenceNumber: '1' });
    expect(ringing.Timestamp).toMatch(
      /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/,
    );
  });

  it('keep Caller and Called as copies of From and To', () => {
    const call = twilioFixtures.inboundCall({ From: '+15005550006' });
    expect(call.Caller).toBe('+15005550006');
    expect(call.Called).toBe(call.To);
  });

  it('link a recording and its transcription', () => {
    const t = twilioFixtures.transcription();
    expect(t.TranscriptionUrl).toBe(`${t.RecordingUrl}/Transcriptions/${t.TranscriptionSid}`);
    expect(twilioFixtures.recordingStatus({ RecordingStatus: 'absent' })).not.toHaveProperty(
      'RecordingDuration',
    );
    expect(twilioFixtures.dial({ DialCallStatus: 'busy' })).toMatchObject({ DialBridged: 'false' });
  });
});

describe('service fixtures', () => {
  it('carry the debugger details as a JSON Payload, with overrides merged', () => {
    const alert = twilioFixtures.debugger({ Level: 'Warning' }, { error_code: '12300' });
    const payload = JSON.parse(alert.Payload);
    expect(alert.PayloadType).toBe('application/json');
    expect(payload).toMatchObject({
      error_code: '12300',
      resource_sid: expect.stringMatching(/^CA/),
    });
    expect(payload.webhook.request.method).toBe('POST');
  });

  it('shape conference events by kind', () => {
    expect(
      twilioFixtures.conference({ StatusCallbackEvent: 'conference-start' }),
    ).not.toHaveProperty('CallSid');
    expect(twilioFixtures.conference({ StatusCallbackEvent: 'conference-end' })).toMatchObject({
      ReasonConferenceEnded: 'last-participant-left',
    });
  });

  it('shape Conversations events by EventType', () => {
    expect(twilioFixtures.conversations().MessageSid).toMatch(/^IM/);
    expect(
      twilioFixtures.conversations({ EventType: 'onParticipantAdded' }).ParticipantSid,
    ).toMatch(/^MB/);
    expect(
      twilioFixtures.conversations({ EventType: 'onDeliveryUpdated' }).DeliveryReceiptSid,
    ).toMatch(/^DY/);
  });
});

describe('cloud event fixtures', () => {
  it('build a CloudEvents 1.0 envelope whose data matches the type', () => {
    const event = twilioFixtures.cloudEvent({
      type: 'com.twilio.messaging.message.failed',
      data: { errorCode: 30008 },
    });
    expect(event).toMatchObject({
      specversion: '1.0',
      datacontenttype: 'application/json',
      type: 'com.twilio.messaging.message.failed',
      data: { messageStatus: 'FAILED', errorCode: 30008 },
    });
    expect(event.id).toMatch(/^EZ[0-9a-f]{32}$/);
    expect(event.source).toContain(event.data.messageSid as string);
    expect(new Date(event.time).toISOString()).toBeTruthy();
  });

  it('build batches, by count or one per overrides', () => {
    const batch = twilioFixtures.cloudEvents(3);
    expect(batch).toHaveLength(3);
    expect(new Set(batch.map((e) => e.id)).size).toBe(3);
    const mixed = twilioFixtures.cloudEvents([
      { type: 'com.twilio.messaging.inbound-message.received' },
      { type: 'com.twilio.voice.status-callback.call.completed' },
    ]);
    expect(mixed[0].data.body).toBe('Hello from Event Streams');
    expect(mixed[1].id).toMatch(/^VW/);
  });
});
