import type { INestApplication } from '@nestjs/common';
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
  rawTwilioPayloadOf,
} from '../../lib/index.js';
import { ADAPTERS, createApp } from '../support/adapters.js';
import { payloadsApp } from '../fixtures/payloads/app.module.js';
import * as ev from '../fixtures/payloads/events.fixtures.js';
import * as msg from '../fixtures/payloads/messaging.fixtures.js';
import { ReceivedPayloads } from '../fixtures/payloads/payloads.controller.js';
import { sendForm, sendJson } from '../fixtures/payloads/send.js';
import { API, SID } from '../fixtures/payloads/sids.js';
import * as voice from '../fixtures/payloads/voice.fixtures.js';

describe.each(ADAPTERS)('typed payloads on %s', (adapter) => {
  let app: INestApplication;
  const received = () => app.get(ReceivedPayloads).calls.map((c) => c.payload);
  const only = <T>(): T => app.get(ReceivedPayloads).only() as T;

  beforeEach(async () => {
    app = await createApp(adapter, payloadsApp());
  });
  afterEach(async () => {
    await app?.close();
  });

  describe('messaging', () => {
    it('types an inbound SMS and keeps the parameters as they arrived', async () => {
      await sendForm(app, '/twilio/sms', msg.INBOUND_SMS).expect(200);
      const sms = only<InboundMessage>();
      expect(sms).toBeInstanceOf(InboundMessage);
      expect(sms).toMatchObject({
        MessageSid: SID.sms,
        AccountSid: SID.account,
        Body: "It's working!",
        NumMedia: 0,
        NumSegments: 1,
        ReferralNumMedia: 0,
        SmsStatus: 'received',
        FromCity: 'CENTREVILLE',
        ToZip: '48612',
      });
      expect(sms.media).toEqual([]);
      expect(rawTwilioPayloadOf(sms)).toEqual(msg.INBOUND_SMS);
    });

    it('gathers the two media items of a forwarded WhatsApp message and parses its JSON', async () => {
      await sendForm(app, '/twilio/sms', msg.INBOUND_WHATSAPP_MEDIA).expect(200);
      const wa = only<InboundMessage>();
      expect(wa.NumMedia).toBe(2);
      expect(wa.media).toEqual([
        { url: `${API}/Messages/${SID.mms}/Media/${SID.media0}`, contentType: 'image/jpeg' },
        { url: `${API}/Messages/${SID.mms}/Media/${SID.media1}`, contentType: 'application/pdf' },
      ]);
      expect(wa.Forwarded).toBe(true);
      expect(wa.ChannelMetadata).toEqual({
        type: 'whatsapp',
        data: { context: { ProfileName: 'Ana Souza', WaId: '5511955550142' } },
      });
      expect(wa).toMatchObject({
        ProfileName: 'Ana Souza',
        WaId: '5511955550142',
        MessageType: 'image',
      });
      expect(wa.OriginalRepliedMessageSid).toBe(SID.sms);
      // The indexed keys stay reachable as sent.
      expect((wa as unknown as Record<string, unknown>).MediaContentType1).toBe('application/pdf');
    });

    it('reads a button reply with a shared location', async () => {
      await sendForm(app, '/twilio/sms', msg.INBOUND_WHATSAPP_BUTTON).expect(200);
      const tap = only<InboundMessage>();
      expect(tap).toMatchObject({
        ButtonPayload: 'confirm-order-1042',
        ButtonType: 'REPLY',
        Latitude: -23.5613,
        Longitude: -46.6565,
        Label: 'Avenida Paulista',
      });
    });

    it('types message status callbacks in their real order, with error codes and receipts', async () => {
      for (const status of [...msg.SMS_STATUS_SEQUENCE, msg.SMS_UNDELIVERED, msg.WHATSAPP_READ]) {
        await sendForm(app, '/twilio/status', status).expect(204);
      }
      const statuses = received() as MessageStatusCallback[];
      for (const s of statuses) expect(s).toBeInstanceOf(MessageStatusCallback);
      expect(statuses.map((s) => s.MessageStatus)).toEqual([
        'queued',
        'sent',
        'delivered',
        'undelivered',
        'read',
      ]);
      expect(statuses[2].RawDlrDoneDate).toBe('2303222338');
      expect(statuses[3].ErrorCode).toBe(30003);
      expect(statuses[4]).toMatchObject({
        EventType: 'READ',
        ChannelInstallSid: SID.channel,
        ChannelPrefix: 'whatsapp',
      });
    });
  });

  describe('voice', () => {
    it('types an inbound call and still answers with TwiML', async () => {
      const res = await sendForm(app, '/twilio/voice', voice.INBOUND_CALL).expect(200);
      expect(res.text).toContain('<Say>Hello</Say>');
      const call = only<InboundCall>();
      expect(call).toBeInstanceOf(InboundCall);
      expect(call).toMatchObject({
        CallSid: SID.call,
        CallStatus: 'ringing',
        Direction: 'inbound',
        CallerState: 'Köln',
        CalledZip: '',
        StirVerstat: 'TN-Validation-Passed-A',
      });
    });

    it('types call status callbacks with numbers and dates', async () => {
      for (const status of voice.CALL_STATUS_SEQUENCE)
        await sendForm(app, '/twilio/status', status).expect(204);
      const statuses = received() as CallStatusCallback[];
      for (const s of statuses) expect(s).toBeInstanceOf(CallStatusCallback);
      expect(statuses.map((s) => [s.SequenceNumber, s.CallStatus])).toEqual([
        [0, 'initiated'],
        [1, 'ringing'],
        [2, 'in-progress'],
        [3, 'completed'],
      ]);
      const done = statuses[3];
      expect(done.Timestamp).toEqual(new Date(Date.UTC(2018, 2, 25, 9, 53, 19)));
      expect(done).toMatchObject({
        CallDuration: 49,
        Duration: 1,
        SipResponseCode: 200,
        AnsweredBy: 'human',
      });
      expect(done.ToCity).toBe('São Paulo');
    });

    it('recognises <Gather>, <Record> and <Dial> results on one action route', async () => {
      for (const params of [
        voice.GATHER_DIGITS,
        voice.GATHER_SPEECH,
        voice.RECORD_ACTION,
        voice.DIAL_ACTION,
      ]) {
        await sendForm(app, '/twilio/action', params).expect(200);
      }
      const [digits, speech, record, dial] = received();
      expect(digits).toBeInstanceOf(GatherAction);
      expect(digits).toMatchObject({ Digits: '123456', FinishedOnKey: '', msg: 'Gather End' });
      expect(speech).toBeInstanceOf(GatherAction);
      expect((speech as GatherAction).Confidence).toBe(0.9123);
      expect(record).toBeInstanceOf(RecordAction);
      expect(record).toMatchObject({
        RecordingDuration: 12,
        Digits: 'hangup',
        RecordingSid: SID.recording,
      });
      expect(dial).toBeInstanceOf(DialAction);
      expect(dial).toMatchObject({
        DialCallStatus: 'completed',
        DialCallDuration: 42,
        DialBridged: true,
      });
    });

    it('takes the verb from the route when the parameters leave it open', async () => {
      const { Digits: _d, FinishedOnKey: _f, msg: _m, ...timedOut } = voice.GATHER_DIGITS;
      await sendForm(app, '/twilio/menu', timedOut).expect(200);
      await sendForm(app, '/twilio/action', timedOut).expect(200);
      const [menu, action] = received();
      expect(menu).toBeInstanceOf(GatherAction);
      expect((menu as GatherAction).CallSid).toBe(SID.call);
      // Without a verb nothing says which verb it was: the parameters are handed over untyped.
      expect(action).not.toBeInstanceOf(GatherAction);
      expect(action).toMatchObject({ CallSid: SID.call, CallStatus: 'in-progress' });
    });

    it('tells recording and transcription callbacks apart on one route', async () => {
      await sendForm(app, '/twilio/recordings', voice.RECORDING_STATUS).expect(204);
      await sendForm(app, '/twilio/recordings', voice.TRANSCRIPTION).expect(204);
      const [recording, transcription] = received();
      expect(recording).toBeInstanceOf(RecordingStatusCallback);
      expect(recording).toMatchObject({
        RecordingStatus: 'completed',
        RecordingChannels: 2,
        RecordingDuration: 11,
        ErrorCode: 0,
        RecordingSource: 'StartCallRecordingAPI',
        RecordingStartTime: new Date(Date.UTC(2022, 3, 20, 23, 45, 25)),
      });
      expect(transcription).toBeInstanceOf(TranscriptionCallback);
      expect(transcription).toMatchObject({
        TranscriptionStatus: 'completed',
        TranscriptionText: 'Hi, please call me back about my order.',
        RecordingSid: SID.recording,
      });
    });

    it('types conference events with their booleans', async () => {
      await sendForm(app, '/twilio/status', voice.CONFERENCE_JOIN).expect(204);
      await sendForm(app, '/twilio/status', voice.CONFERENCE_END).expect(204);
      const [join, end] = received() as ConferenceStatusCallback[];
      expect(join).toBeInstanceOf(ConferenceStatusCallback);
      expect(join).toMatchObject({
        StatusCallbackEvent: 'participant-join',
        SequenceNumber: 2,
        Muted: false,
        StartConferenceOnEnter: true,
        CallSid: SID.call,
      });
      expect(join.Timestamp).toEqual(new Date(Date.UTC(2024, 4, 14, 10, 15, 2)));
      expect(end).toMatchObject({
        StatusCallbackEvent: 'conference-end',
        ReasonConferenceEnded: 'last-participant-left',
      });
    });
  });

  describe('debugger, Conversations and Event Streams', () => {
    it('parses the nested payload of a debugger event', async () => {
      await sendForm(app, '/twilio/debugger', ev.DEBUGGER_EVENT).expect(204);
      const alert = only<DebuggerEvent>();
      expect(alert).toBeInstanceOf(DebuggerEvent);
      expect(alert.Payload).toEqual(ev.DEBUGGER_PAYLOAD);
      expect(alert.Payload.webhook?.response?.status_code).toBe(502);
      expect(alert).toMatchObject({ Level: 'ERROR', ParentAccountSid: '', Sid: SID.notification });
      expect(alert.Timestamp).toEqual(new Date('2020-01-01T23:28:54Z'));
    });

    it('picks the Conversations class by EventType on a status route', async () => {
      const events = [
        ev.CONVERSATIONS_MESSAGE_ADDED,
        ev.CONVERSATIONS_PARTICIPANT_ADDED,
        ev.CONVERSATIONS_DELIVERY_UPDATED,
        ev.CONVERSATIONS_STATE_UPDATED,
      ];
      for (const params of events) await sendForm(app, '/twilio/status', params).expect(204);
      const [message, participant, delivery, state] = received();
      expect(message).toBeInstanceOf(ConversationsMessageEvent);
      expect(message).toMatchObject({
        Index: 17,
        Attributes: { order: '1042' },
        DateCreated: new Date('2024-05-14T10:15:02.000Z'),
        RetryCount: 0,
      });
      expect(participant).toBeInstanceOf(ConversationsParticipantEvent);
      expect(participant).toMatchObject({
        'MessagingBinding.Address': '+14155550199',
        'MessagingBinding.Type': 'SMS',
      });
      expect(delivery).toBeInstanceOf(ConversationsDeliveryEvent);
      expect(delivery).toMatchObject({
        Status: 'delivered',
        ErrorCode: 0,
        ChannelMessageSid: SID.sms,
      });
      expect(state).toBeInstanceOf(ConversationsStateEvent);
      expect(state).toMatchObject({ StateFrom: 'inactive', StateTo: 'closed', Reason: 'TIMER' });
    });

    it('hands a single CloudEvent over as an array of one', async () => {
      await sendJson(app, '/twilio/events', JSON.stringify(ev.CLOUD_EVENT_DELIVERED)).expect(204);
      const events = only<CloudEvent[]>();
      expect(events).toHaveLength(1);
      expect(events[0]).toBeInstanceOf(CloudEvent);
      expect(events[0].data).toEqual(ev.CLOUD_EVENT_DELIVERED.data);
      expect(events[0].time).toEqual(new Date('2024-05-14T10:15:02.123Z'));
      expect(events[0].type).toBe('com.twilio.messaging.message.delivered');
    });

    it('parses a batch whose events carry data as an object and as JSON text', async () => {
      const batch = [ev.CLOUD_EVENT_DELIVERED, ev.CLOUD_EVENT_STRING_DATA];
      await sendJson(app, '/twilio/events', JSON.stringify(batch)).expect(204);
      const events = only<CloudEvent[]>();
      expect(events.map((e) => e.id)).toEqual([SID.streamEvent0, SID.streamEvent1]);
      expect(events[1].data).toEqual(JSON.parse(ev.CLOUD_EVENT_STRING_DATA.data));
      expect(rawTwilioPayloadOf(events[1])).toEqual(ev.CLOUD_EVENT_STRING_DATA);
    });
  });
});
