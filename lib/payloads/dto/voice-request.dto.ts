import { ANSWERED_BY_VALUES, CALL_DIRECTIONS, CALL_STATUSES } from '../enums/call.enums.js';
import type { AnsweredBy, CallDirection, CallStatus } from '../enums/call.enums.js';
import type { OpenEnum } from '../enums/open-enum.js';
import { TwilioField } from '../fields/twilio-field.decorator.js';
import { TwilioGeoFields } from './twilio-geo-fields.dto.js';

/**
 * The parameters Twilio sends on every request about a call (reference §3): the first TwiML
 * request, action callbacks, redirects and call status callbacks. The voice payload classes
 * extend it.
 * @publicApi
 */
export abstract class VoiceRequest extends TwilioGeoFields {
  /** This call leg. */
  @TwilioField('sid', { required: true, prefixes: ['CA'] }) readonly CallSid!: string;
  /** Owning account. */
  @TwilioField('sid', { required: true, prefixes: ['AC'] }) readonly AccountSid!: string;
  /** Caller: E.164, `client:<identity>`, a SIP URI, or `anonymous` / `unknown` when withheld. */
  @TwilioField('string') readonly From!: string;
  /** Called party. */
  @TwilioField('string') readonly To!: string;
  /** Status now: `ringing` on the first inbound request, `in-progress` in action callbacks. */
  @TwilioField('enum', { values: CALL_STATUSES }) readonly CallStatus!: OpenEnum<CallStatus>;
  /** API version of the number (inbound) or of the REST request (outbound). */
  @TwilioField('string') readonly ApiVersion!: string;
  /** Who created the leg: an incoming call, the REST API, or a `<Dial>`. */
  @TwilioField('enum', { values: CALL_DIRECTIONS }) readonly Direction!: OpenEnum<CallDirection>;
  /** Forwarding number, when the carrier supplies it. */
  @TwilioField('string') readonly ForwardedFrom?: string;
  /** Caller ID name (CNAM lookup enabled on the number). */
  @TwilioField('string') readonly CallerName?: string;
  /** Leg that spawned this one (child legs only). */
  @TwilioField('sid', { prefixes: ['CA'] }) readonly ParentCallSid?: string;
  /** Opaque token (not a SID) to keep the caller ID when forwarding with `calls.create`. */
  @TwilioField('string') readonly CallToken?: string;
  /** TwiML App that handled the call (Voice SDK calls). */
  @TwilioField('sid', { prefixes: ['AP'] }) readonly ApplicationSid?: string;
  /** Answering machine detection verdict (outbound calls with AMD). */
  @TwilioField('enum', { values: ANSWERED_BY_VALUES }) readonly AnsweredBy?: OpenEnum<AnsweredBy>;
  /** Time AMD took, in milliseconds. */
  @TwilioField('int') readonly MachineDetectionDuration?: number;
  /** Marketplace Add-on results (parsed from JSON). */
  @TwilioField('json') readonly AddOns?: Record<string, unknown>;

  /** Legacy duplicate of `From` (in essentially every captured request). */
  @TwilioField('string') readonly Caller?: string;
  /** Legacy duplicate of `To`. */
  @TwilioField('string') readonly Called?: string;
  /** Legacy duplicate of `FromCity`. */
  @TwilioField('string') readonly CallerCity?: string;
  /** Legacy duplicate of `FromState`. */
  @TwilioField('string') readonly CallerState?: string;
  /** Legacy duplicate of `FromZip`. */
  @TwilioField('string') readonly CallerZip?: string;
  /** Legacy duplicate of `FromCountry`. */
  @TwilioField('string') readonly CallerCountry?: string;
  /** Legacy duplicate of `ToCity`. */
  @TwilioField('string') readonly CalledCity?: string;
  /** Legacy duplicate of `ToState`. */
  @TwilioField('string') readonly CalledState?: string;
  /** Legacy duplicate of `ToZip`. */
  @TwilioField('string') readonly CalledZip?: string;
  /** Legacy duplicate of `ToCountry`. */
  @TwilioField('string') readonly CalledCountry?: string;
  /** Number a forwarded call came through. */
  @TwilioField('string') readonly CalledVia?: string;
}
