import { TwilioField } from '../fields/twilio-field.decorator.js';

/**
 * Where the parties are, as Twilio looks it up from `From` and `To` "when available" (SMS, MMS
 * and voice). Captured requests often carry these keys with empty values (`FromCity=`), kept `''`.
 * @publicApi
 */
export abstract class TwilioGeoFields {
  /** Sender's or caller's city. */
  @TwilioField('string') readonly FromCity?: string;
  /** Sender's or caller's state or province. */
  @TwilioField('string') readonly FromState?: string;
  /** Sender's or caller's postal code. */
  @TwilioField('string') readonly FromZip?: string;
  /** Sender's or caller's country (ISO 3166 alpha-2 in practice). */
  @TwilioField('string') readonly FromCountry?: string;
  /** Recipient's city. */
  @TwilioField('string') readonly ToCity?: string;
  /** Recipient's state or province. */
  @TwilioField('string') readonly ToState?: string;
  /** Recipient's postal code. */
  @TwilioField('string') readonly ToZip?: string;
  /** Recipient's country. */
  @TwilioField('string') readonly ToCountry?: string;
}
