import { TwilioField } from '../fields/twilio-field.decorator.js';

/**
 * One event of an Event Streams webhook sink (CloudEvents 1.0, structured mode; reference §12).
 * Twilio sends a single object or an array batch; `@TwilioPayload()` always hands over an array.
 * Extension attributes stay on the object as sent.
 * @publicApi
 * @example
 * @TwilioEventStream('events')
 * events(@TwilioPayload() events: CloudEvent[]) {
 *   for (const e of events) if (e.type.endsWith('.undelivered')) this.alert(e.data);
 * }
 */
export class CloudEvent<TData = Record<string, unknown>> {
  /** Unique event id (`EZ…`, `VW…`, …): the deduplication key, deliveries are at least once. */
  @TwilioField('string', { required: true }) readonly id!: string;
  /** Event type, e.g. `com.twilio.messaging.message.delivered`. */
  @TwilioField('string', { required: true }) readonly type!: string;
  /** CloudEvents version, `1.0`. */
  @TwilioField('string') readonly specversion!: string;
  /** Producer reference, e.g. `/2010-04-01/Accounts/AC…/Messages/SM….json`. */
  @TwilioField('string') readonly source!: string;
  /** Versioned schema of `data`, e.g. `https://events-schemas.twilio.com/Messaging.MessageStatus/7`. */
  @TwilioField('string') readonly dataschema?: string;
  /** `application/json`. */
  @TwilioField('string') readonly datacontenttype?: string;
  /** Event time (ISO 8601 on the wire). */
  @TwilioField('date') readonly time?: Date;
  /** Subject of the event, when the producer sets one. */
  @TwilioField('string') readonly subject?: string;
  /** The payload, shaped by `dataschema`. Older deliveries carry it as JSON text: it is parsed. */
  @TwilioField('json') readonly data?: TData;
}
