import { TwilioField } from '../fields/twilio-field.decorator.js';
import { VoiceRequest } from './voice-request.dto.js';

/**
 * A call status callback (reference §4). It carries no event name: `CallStatus` says what
 * happened, and `SequenceNumber` orders callbacks that arrive out of order.
 * @publicApi
 * @example
 * @OnTwilioEvent('call.status.completed')
 * ended(call: CallStatusCallback) { this.bill(call.CallSid, call.CallDuration); }
 */
export class CallStatusCallback extends VoiceRequest {
  /** When the event fired (RFC 2822 on the wire). */
  @TwilioField('date') readonly Timestamp!: Date;
  /** Always `call-progress-events` on status callbacks. */
  @TwilioField('string') readonly CallbackSource!: string;
  /** Order of the events of this call, from `0`. */
  @TwilioField('int') readonly SequenceNumber!: number;
  /** Length of the call in seconds (final event). */
  @TwilioField('int') readonly CallDuration?: number;
  /** Billable length in whole minutes (final event). */
  @TwilioField('int') readonly Duration?: number;
  /** Final SIP response code, e.g. `200`, `486` (busy), `487` (not answered). */
  @TwilioField('int') readonly SipResponseCode?: number;
  /** Call recording (with `Record=true`); the file may not be ready yet. */
  @TwilioField('string') readonly RecordingUrl?: string;
  /** Call recording id. */
  @TwilioField('sid', { prefixes: ['RE'] }) readonly RecordingSid?: string;
  /** Recording length in seconds, before trimming. */
  @TwilioField('int') readonly RecordingDuration?: number;
  /** Attestation Twilio applied to an outbound call, `A`, `B` or `C` (secondary source). */
  @TwilioField('string') readonly StirStatus?: string;
}
