/**
 * A signed payload that is malformed in a way that would break handlers: a SID that is not a SID,
 * a number that is not a number, a required field missing. The route answers 400 with the field
 * named, and the raw parameters are logged.
 * @publicApi
 */
export class TwilioPayloadError extends Error {
  override readonly name = 'TwilioPayloadError';

  constructor(
    /** The field at fault, e.g. `MessageSid`, or `[1].data` inside an Event Streams batch. */
    readonly field: string,
    /** What is wrong with it, e.g. `is not a number`. */
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
  }

  /** The same error for a field nested under `prefix` (an event of a batch). */
  within(prefix: string): TwilioPayloadError {
    return new TwilioPayloadError(`${prefix}.${this.field}`, this.problem);
  }
}
