import { CloudEvent } from '../payloads/dto/cloud-event.dto.js';
import { createTwilioPayload } from '../payloads/fields/twilio-payload.builder.js';
import { payloadClassOf } from '../payloads/twilio-payload.factory.js';
import type { TwilioEvent } from './twilio-event.interface.js';

/**
 * Rebuilds the typed payload of an event that travelled as JSON (BullMQ): form payloads from the
 * parameters as Twilio sent them, with the class the route picked, Event Streams events from
 * their envelope. Handlers then get the same classes (dates as `Date`, numbers as numbers) in
 * queue mode as in sync mode. Events emitted by user code, and payloads that cannot be rebuilt,
 * stay as they arrived.
 */
export function reviveEventPayload(event: TwilioEvent): TwilioEvent {
  const { payloadType, payload, source } = event;
  if (!payloadType) return event;
  try {
    if (payloadType === 'cloud-events') {
      return {
        ...event,
        payload: createTwilioPayload(CloudEvent, payload as Record<string, unknown>),
      };
    }
    const cls = payloadClassOf(payloadType, source.params);
    return cls ? { ...event, payload: createTwilioPayload(cls, source.params) } : event;
  } catch {
    return event;
  }
}
