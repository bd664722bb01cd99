import type { TwilioPayloadResult } from '../payloads/twilio-payload-type.js';
import type { TwilioRequestState } from '../signature/twilio-request-state.interface.js';
import type { TwilioEvent } from './twilio-event.interface.js';
import { statusRank, type StatusLifecycle } from './twilio-status-order.js';

type Source = TwilioEvent['source'];
type Fields = Readonly<Record<string, unknown>>;

/**
 * The events one verified webhook carries: one for most webhooks, one per CloudEvent for an
 * Event Streams batch, none for a payload of unknown type.
 */
export function twilioEventsOf(
  result: TwilioPayloadResult,
  state: TwilioRequestState,
): TwilioEvent[] {
  const source: Source = {
    idempotencyToken: state.idempotencyToken || undefined,
    accountSid: state.accountSid,
    url: state.url,
    receivedAt: state.receivedAt,
    params: state.params,
  };
  if (result.type === 'cloud-events') return cloudEvents(result.payload, source);
  const payload = (result.payload ?? {}) as Fields;
  const token = source.idempotencyToken;
  const event = (name: string, derivedKey?: string, order?: TwilioEvent['order']): TwilioEvent => ({
    name,
    payload,
    payloadType: result.type,
    key: token ? `token:${token}` : derivedKey,
    order,
    source,
  });
  switch (result.type) {
    case 'inbound-message':
      return [event('message.inbound', keyOf('message', payload.MessageSid))];
    case 'message-status':
      return [statusEvent('message', payload, 'MessageSid', 'MessageStatus', event)];
    case 'inbound-call':
      return [event('call.inbound', keyOf('call-inbound', payload.CallSid))];
    case 'call-status': {
      const sequence = text(payload.SequenceNumber) ?? '';
      return [statusEvent('call', payload, 'CallSid', 'CallStatus', event, sequence)];
    }
    case 'gather':
      return [event('call.gather')];
    case 'record':
      return [event('call.record', keyOf('record', payload.RecordingSid))];
    case 'dial':
      return [event('call.dial', keyOf('dial', payload.DialCallSid))];
    case 'recording-status':
      return [statusEvent('recording', payload, 'RecordingSid', 'RecordingStatus', event)];
    case 'transcription': {
      const status = text(payload.TranscriptionStatus) ?? 'unknown';
      const sid = text(payload.TranscriptionSid);
      return [event(`transcription.${status}`, sid && `transcription:${sid}:${status}`)];
    }
    case 'conference': {
      const what = text(payload.StatusCallbackEvent) ?? 'unknown';
      const sid = text(payload.ConferenceSid);
      const sequence = text(payload.SequenceNumber);
      const derived = sid && sequence && `conference:${sid}:${sequence}:${what}`;
      return [event(`conference.${what}`, derived)];
    }
    case 'debugger': {
      const level = (text(payload.Level) ?? 'unknown').toLowerCase();
      return [event(`debugger.${level}`, keyOf('debugger', payload.Sid))];
    }
    case 'conversations':
      return [event(`conversations.${text(payload.EventType) ?? 'unknown'}`)];
    default:
      return [];
  }
}

function statusEvent(
  lifecycle: StatusLifecycle,
  payload: Fields,
  sidField: string,
  statusField: string,
  event: (name: string, key?: string, order?: TwilioEvent['order']) => TwilioEvent,
  extra?: string,
): TwilioEvent {
  const sid = text(payload[sidField]);
  const status = text(payload[statusField]) ?? 'unknown';
  const rank = statusRank(lifecycle, status);
  const derived =
    sid && `${lifecycle}-status:${sid}:${status}${extra === undefined ? '' : `:${extra}`}`;
  const order = sid && rank !== undefined ? { resource: `${lifecycle}:${sid}`, rank } : undefined;
  return event(`${lifecycle}.status.${status}`, derived || undefined, order);
}

/** An Event Streams batch: each CloudEvent is its own event, deduplicated by its `id`. */
function cloudEvents(payload: unknown, source: Source): TwilioEvent[] {
  const list = Array.isArray(payload) ? payload : [payload];
  const events: TwilioEvent[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const cloudEvent = item as Fields;
    const id = text(cloudEvent.id);
    const type = text(cloudEvent.type) ?? 'unknown';
    events.push({
      name: `stream.${type}`,
      payload: cloudEvent,
      payloadType: 'cloud-events',
      key: id && `stream:${id}`,
      source,
    });
  }
  return events;
}

function keyOf(prefix: string, sid: unknown): string | undefined {
  const value = text(sid);
  return value ? `${prefix}:${value}` : undefined;
}

/** A wire field as text, whether the DTO kept it a string or turned it into a number. */
function text(value: unknown): string | undefined {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}
