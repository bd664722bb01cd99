import { CallStatusCallback } from '../payloads/dto/call-status-callback.dto.js';
import { CloudEvent } from '../payloads/dto/cloud-event.dto.js';
import { ConferenceStatusCallback } from '../payloads/dto/conference-status-callback.dto.js';
import { conversationsClassOf } from '../payloads/dto/conversations-webhook-event.js';
import { DebuggerEvent } from '../payloads/dto/debugger-event.dto.js';
import { DialAction } from '../payloads/dto/dial-action.dto.js';
import { GatherAction } from '../payloads/dto/gather-action.dto.js';
import { InboundCall } from '../payloads/dto/inbound-call.dto.js';
import { InboundMessage } from '../payloads/dto/inbound-message.dto.js';
import { MessageStatusCallback } from '../payloads/dto/message-status-callback.dto.js';
import { RecordAction } from '../payloads/dto/record-action.dto.js';
import { RecordingStatusCallback } from '../payloads/dto/recording-status-callback.dto.js';
import { TranscriptionCallback } from '../payloads/dto/transcription-callback.dto.js';
import {
  createTwilioPayload,
  type TwilioPayloadClass,
} from '../payloads/fields/twilio-payload.builder.js';
import type { TwilioEvent } from './twilio-event.interface.js';

/** Event-name prefix → payload class, longest prefixes first. */
const CLASSES: readonly (readonly [string, TwilioPayloadClass])[] = [
  ['message.inbound', InboundMessage],
  ['message.status.', MessageStatusCallback],
  ['call.inbound', InboundCall],
  ['call.status.', CallStatusCallback],
  ['call.gather', GatherAction],
  ['call.record', RecordAction],
  ['call.dial', DialAction],
  ['recording.status.', RecordingStatusCallback],
  ['transcription.', TranscriptionCallback],
  ['conference.', ConferenceStatusCallback],
  ['debugger.', DebuggerEvent],
];

/**
 * Rebuilds the typed payload of an event that travelled as JSON (BullMQ): form payloads from the
 * parameters as Twilio sent them, Event Streams events from their envelope. Handlers then get
 * the same classes (dates as `Date`, numbers as numbers) in queue mode as in sync mode. A payload
 * that cannot be rebuilt stays as it arrived.
 */
export function reviveEventPayload(event: TwilioEvent): TwilioEvent {
  try {
    const payload = revive(event);
    return payload === undefined ? event : { ...event, payload };
  } catch {
    return event;
  }
}

function revive(event: TwilioEvent): unknown {
  const { name, source, payload } = event;
  if (name.startsWith('stream.')) {
    return createTwilioPayload(CloudEvent, payload as Record<string, unknown>);
  }
  if (name.startsWith('conversations.')) {
    return createTwilioPayload(
      conversationsClassOf(String(source.params.EventType)),
      source.params,
    );
  }
  const match = CLASSES.find(([prefix]) => name.startsWith(prefix));
  return match ? createTwilioPayload(match[1], source.params) : undefined;
}
