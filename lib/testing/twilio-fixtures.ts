import { cloudEvent, cloudEvents } from './fixtures/cloud-event.fixtures.js';
import {
  inboundMessage,
  inboundMms,
  inboundWhatsApp,
  messageStatus,
} from './fixtures/messaging.fixtures.js';
import { conference, conversations, debuggerEvent } from './fixtures/service.fixtures.js';
import {
  callStatus,
  dial,
  gather,
  inboundCall,
  record,
  recordingStatus,
  transcription,
} from './fixtures/voice.fixtures.js';

/**
 * Realistic webhook payloads, one factory per kind of request Twilio sends. Form webhooks give
 * the parameters as sent (every value a string; pass `undefined` to leave a key out), CloudEvents
 * give the JSON body. Every call makes new, valid SIDs.
 *
 * @publicApi
 * @example
 * twilioFixtures.inboundMessage({ Body: 'STOP' })
 * twilioFixtures.messageStatus({ MessageStatus: 'failed' })
 * twilioFixtures.callStatus({ CallSid, CallStatus: 'ringing', SequenceNumber: '1' })
 * twilioFixtures.cloudEvents(3)
 */
export const twilioFixtures = Object.freeze({
  /** An inbound SMS. */
  inboundMessage,
  /** An inbound MMS with media. */
  inboundMms,
  /** An inbound WhatsApp message. */
  inboundWhatsApp,
  /** A message status callback. */
  messageStatus,
  /** An inbound call asking for TwiML. */
  inboundCall,
  /** A call status callback. */
  callStatus,
  /** A `<Gather>` action request. */
  gather,
  /** A `<Record>` action request. */
  record,
  /** A `<Dial>` action request. */
  dial,
  /** A recording status callback. */
  recordingStatus,
  /** A transcription callback. */
  transcription,
  /** A conference status callback. */
  conference,
  /** A Debugger alert with its JSON `Payload`. */
  debugger: debuggerEvent,
  /** One Event Streams CloudEvent (JSON). */
  cloudEvent,
  /** A batch of Event Streams CloudEvents (a JSON array). */
  cloudEvents,
  /** A Conversations webhook. */
  conversations,
});

/**
 * The name of a form-encoded fixture factory.
 * @publicApi
 */
export type TwilioFormFixtureName = Exclude<
  keyof typeof twilioFixtures,
  'cloudEvent' | 'cloudEvents'
>;
