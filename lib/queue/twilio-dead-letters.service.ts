import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  TWILIO_EVENT_QUEUE,
  type TwilioDeadLetter,
  type TwilioEventQueue,
} from './twilio-event-queue.interface.js';

/**
 * Events that failed every try in queue mode (`dispatch: 'queue'`), to inspect and replay.
 * In memory they live as long as the process; with Redis they are BullMQ's failed jobs, shared by
 * every instance. In `dispatch: 'sync'` mode the list is always empty: failures go back to
 * Twilio as a 5xx instead.
 *
 * @publicApi
 * @example
 * constructor(private readonly deadLetters: TwilioDeadLetters) {}
 * async retryAll() {
 *   for (const letter of await this.deadLetters.list()) await this.deadLetters.replay(letter.id);
 * }
 */
@Injectable()
export class TwilioDeadLetters {
  constructor(
    @Optional() @Inject(TWILIO_EVENT_QUEUE) private readonly queue: TwilioEventQueue | null,
  ) {}

  /** Every dead letter, oldest first. */
  list(): Promise<TwilioDeadLetter[]> {
    return this.queue ? this.queue.deadLetters() : Promise.resolve([]);
  }

  /** Queues a dead letter again with a fresh set of tries; `false` when no such letter exists. */
  replay(id: string): Promise<boolean> {
    return this.queue ? this.queue.replay(id) : Promise.resolve(false);
  }

  /** Replays every dead letter; resolves to how many were queued. */
  async replayAll(): Promise<number> {
    let count = 0;
    for (const letter of await this.list()) if (await this.replay(letter.id)) count++;
    return count;
  }

  /** Drops a dead letter for good; `false` when no such letter exists. */
  discard(id: string): Promise<boolean> {
    return this.queue ? this.queue.discard(id) : Promise.resolve(false);
  }
}
