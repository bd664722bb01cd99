/**
 * How a payload field is read from the wire (reference §0.1):
 * - `string`: kept as sent (an empty value stays `''`)
 * - `sid`: a Twilio SID, two capital letters and 32 hex digits
 * - `int`, `decimal`: a number carried as text
 * - `bool`: `"true"` or `"false"`
 * - `date`: RFC 2822 or ISO 8601 text, turned into a `Date`
 * - `json`: a JSON document carried as text (or already parsed, in a JSON body), parsed
 * - `enum`: a documented value set, kept open: an unknown value is logged once and kept
 * - `media`: the `MediaUrl{N}` / `MediaContentType{N}` pairs gathered into one array
 * @publicApi
 */
export type TwilioFieldKind =
  'string' | 'sid' | 'int' | 'decimal' | 'bool' | 'date' | 'json' | 'enum' | 'media';

/**
 * Options of `@TwilioField()`.
 * @publicApi
 */
export interface TwilioFieldOptions {
  /**
   * A payload without the field (or with it empty) is malformed and answered with 400. Keep this
   * for what identifies the resource: Twilio adds and drops optional fields without notice.
   * @default false
   */
  readonly required?: boolean;
  /** `sid`: the prefixes Twilio documents; another prefix is logged once, not refused. */
  readonly prefixes?: readonly string[];
  /** `enum`: the documented values; another value is logged once, not refused. */
  readonly values?: readonly string[];
  /** `enum`: compare with the documented values ignoring case (Debugger `Level`). */
  readonly ignoreCase?: boolean;
  /** `string`: the key may repeat (several values arrive as an array). */
  readonly repeated?: boolean;
}

/** One field of a payload class, as `@TwilioField()` recorded it. */
export interface TwilioFieldSpec extends TwilioFieldOptions {
  /** Wire name, which is also the property name. */
  readonly name: string;
  readonly kind: TwilioFieldKind;
}
