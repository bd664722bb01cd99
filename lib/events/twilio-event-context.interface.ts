import type { TwilioParams } from '../signature/twilio-request-state.interface.js';

/**
 * The second argument of every `@OnTwilioEvent()` handler: where the event came from and how it
 * relates to the deliveries before it.
 * @publicApi
 */
export interface TwilioEventContext {
  /** The event's name, e.g. `message.status.delivered`. */
  readonly event: string;
  /**
   * The key the event is deduplicated by: `I-Twilio-Idempotency-Token` when Twilio sent one,
   * else one derived from the payload (`MessageSid` with `MessageStatus`, a CloudEvent `id`, …).
   * `undefined` when neither exists: the event is then handled on every delivery.
   */
  readonly idempotencyKey?: string;
  /** `I-Twilio-Idempotency-Token` as sent: Twilio reuses it when it retries a delivery. */
  readonly idempotencyToken?: string;
  /** `AccountSid` of the request. */
  readonly accountSid?: string;
  /** The URL Twilio signed. */
  readonly url?: string;
  /** When the request arrived. */
  readonly receivedAt: Date;
  /** The parameters exactly as Twilio sent them (`{}` for JSON webhooks). */
  readonly params: Readonly<TwilioParams>;
  /**
   * `true` when a later status of the same message, call or recording was seen before this one:
   * this status is history, not news.
   */
  readonly stale: boolean;
  /** 1 on the first run; higher when a queue retries the event. */
  readonly attempt: number;
}
