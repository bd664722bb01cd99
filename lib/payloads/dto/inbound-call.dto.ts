import { TwilioField } from '../fields/twilio-field.decorator.js';
import { VoiceRequest } from './voice-request.dto.js';

/**
 * Twilio's request for TwiML when a call comes in (reference §3). Custom parameters (Voice SDK
 * `params`, SIP `SipHeader_X-…` headers) stay on the object as sent.
 * @publicApi
 * @example
 * @TwilioInboundCall('voice')
 * answer(@TwilioPayload() call: InboundCall) {
 *   return new VoiceResponse().say(`Calling from ${call.FromCountry ?? 'somewhere'}`);
 * }
 */
export class InboundCall extends VoiceRequest {
  /** SHAKEN/STIR attestation result, e.g. `TN-Validation-Passed-A` (values from secondary sources). */
  @TwilioField('string') readonly StirVerstat?: string;
  /** Raw SHAKEN PASSporT (a JWT; secondary source). */
  @TwilioField('string') readonly StirPassportToken?: string;
  /** SIP Domain the call arrived through. */
  @TwilioField('string') readonly SipDomain?: string;
  /** SIP Domain SID. */
  @TwilioField('string') readonly SipDomainSid?: string;
  /** SIP Call-ID. */
  @TwilioField('string') readonly SipCallId?: string;
  /** Source IP of the SIP request. */
  @TwilioField('string') readonly SipSourceIp?: string;
}
