import type { TwilioEvent } from '../events/twilio-event.interface.js';

/**
 * An event that failed on its last try and waits for a person to look at it.
 * @publicApi
 */
export interface TwilioDeadLetter {
  /** Pass it to `TwilioDeadLetters.replay()` or `.discard()`. */
  readonly id: string;
  /** The event's name, e.g. `message.status.failed`. */
  readonly event: string;
  readonly payload: unknown;
  /** The event's deduplication key, when it has one. */
  readonly idempotencyKey?: string;
  /** The last error, as text. */
  readonly error: string;
  /** How many times the handlers were tried. */
  readonly attempts: number;
  readonly failedAt: Date;
}

/** Runs one event; rejecting means "try again later". */
export type TwilioEventProcessor = (event: TwilioEvent, attempt: number) => Promise<void>;

/**
 * Where queue mode puts events: in memory (one process) or BullMQ (Redis, shared by instances).
 */
export interface TwilioEventQueue {
  /** Stores the event; resolves once it is safe to acknowledge the delivery. */
  add(event: TwilioEvent): Promise<void>;
  /** Starts running events (after the handlers are registered). */
  start(processor: TwilioEventProcessor): Promise<void>;
  deadLetters(): Promise<TwilioDeadLetter[]>;
  /** Puts a dead letter back in the queue, its tries counted from zero; `false` if unknown. */
  replay(id: string): Promise<boolean>;
  /** Forgets a dead letter; `false` if unknown. */
  discard(id: string): Promise<boolean>;
  /** Stops taking events, lets running ones finish, frees connections. */
  close(): Promise<void>;
}

/** DI token of the queue; `null` in `dispatch: 'sync'` mode. */
export const TWILIO_EVENT_QUEUE = Symbol('TWILIO_EVENT_QUEUE');

/** Delay before try `attempt + 1`: `base`, then doubling. */
export function backoffDelay(base: number, attempt: number): number {
  return base * 2 ** (attempt - 1);
}
