import type { TwilioPayloadType } from '../payloads/twilio-payload-type.js';
import type { TwilioParams } from '../signature/twilio-request-state.interface.js';

/**
 * One event on its way to the handlers: its name and payload, how it is deduplicated and
 * ordered, and what the handler context reports. Plain data, so that a queue can carry it.
 */
export interface TwilioEvent {
  readonly name: string;
  readonly payload: unknown;
  /** What the webhook was (`'message-status'`, …); unset for events from `TwilioEventBus.emit()`. */
  readonly payloadType?: TwilioPayloadType;
  /** Deduplication key; `undefined` runs the handlers on every delivery. */
  readonly key?: string;
  /** The resource whose furthest status is tracked, and this status's rank. */
  readonly order?: { readonly resource: string; readonly rank: number };
  readonly source: {
    readonly idempotencyToken?: string;
    readonly accountSid?: string;
    readonly url?: string;
    readonly receivedAt: Date;
    readonly params: Readonly<TwilioParams>;
  };
}
