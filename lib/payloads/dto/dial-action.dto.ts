import { DIAL_CALL_STATUSES, type DialCallStatus } from '../enums/call.enums.js';
import type { OpenEnum } from '../enums/open-enum.js';
import { TwilioField } from '../fields/twilio-field.decorator.js';
import { VoiceRequest } from './voice-request.dto.js';

/**
 * The outcome of `<Dial>`, sent to its `action` URL when the dialed leg ends (reference §8). The
 * base parameters describe the parent call; the returned TwiML takes it over.
 * @publicApi
 * @example
 * @TwilioActionCallback('after-dial', { verb: 'dial' })
 * afterDial(@TwilioPayload() dial: DialAction) {
 *   if (dial.DialCallStatus !== 'completed') return new VoiceResponse().say('Nobody answered');
 * }
 */
export class DialAction extends VoiceRequest {
  /** Outcome: `completed` (connected), `answered` (conference), `busy`, `no-answer`, … */
  @TwilioField('enum', { values: DIAL_CALL_STATUSES })
  readonly DialCallStatus!: OpenEnum<DialCallStatus>;
  /** The dialed leg (not sent after dialing a conference). */
  @TwilioField('sid', { prefixes: ['CA'] }) readonly DialCallSid?: string;
  /** Duration of the dialed leg in seconds. */
  @TwilioField('int') readonly DialCallDuration?: number;
  /** Whether the parent call was actually connected to the dialed party. */
  @TwilioField('bool') readonly DialBridged?: boolean;
  /** Recording of the dial (`record` attribute set); it may not be ready yet. */
  @TwilioField('string') readonly RecordingUrl?: string;
  /** Final SIP response of a dialed `<Sip>` leg (observed). */
  @TwilioField('int') readonly DialSipResponseCode?: number;
  /** Target of a SIP REFER (`referUrl` requests). */
  @TwilioField('string') readonly ReferTransferTarget?: string;
}
