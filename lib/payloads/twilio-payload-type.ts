import type { TwilioParams } from '../signature/twilio-request-state.interface.js';

/**
 * What a verified webhook turned out to be. The route kind narrows it; the parameters decide
 * (a status callback carries `MessageStatus` or `CallStatus`, an action callback `Digits`,
 * `RecordingUrl` or `DialCallStatus`, …). The event bus names events from it.
 * @publicApi
 */
export const TWILIO_PAYLOAD_TYPES = [
  'inbound-message',
  'message-status',
  'inbound-call',
  'call-status',
  'gather',
  'record',
  'dial',
  'recording-status',
  'transcription',
  'conference',
  'debugger',
  'cloud-events',
  'conversations',
  'unknown',
] as const;

/** @publicApi */
export type TwilioPayloadType = (typeof TWILIO_PAYLOAD_TYPES)[number];

/**
 * A webhook's payload after transformation: its type, the typed object(s), and the parameters
 * as they arrived. `cloud-events` carries an array even when Twilio sent a single event.
 * @publicApi
 */
export interface TwilioPayloadResult<T = unknown> {
  readonly type: TwilioPayloadType;
  /**
   * The typed payload: an instance of the type's class (`InboundMessage`, …), a `CloudEvent[]`
   * for `cloud-events`, or a copy of the parameters for `unknown`.
   */
  readonly payload: T;
  /** The form or query parameters exactly as they arrived (`{}` for a JSON body). */
  readonly raw?: Readonly<TwilioParams>;
}
