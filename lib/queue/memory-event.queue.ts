import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { TwilioEvent } from '../events/twilio-event.interface.js';
import { messageOf } from '../events/twilio-event.errors.js';
import { DEAD_LETTER } from '../twilio-webhook.messages.js';
import {
  backoffDelay,
  type TwilioDeadLetter,
  type TwilioEventProcessor,
  type TwilioEventQueue,
} from './twilio-event-queue.interface.js';

interface Job {
  readonly id: string;
  readonly event: TwilioEvent;
  attempt: number;
}

/**
 * Queue mode in one process: events wait in memory, run with bounded concurrency, are retried
 * with exponential backoff, and land in a dead-letter list after the last try. What is queued
 * when the process stops is lost; use Redis (BullMQ) when that matters.
 */
export class MemoryEventQueue implements TwilioEventQueue {
  private readonly logger = new Logger('TwilioEventQueue');
  private readonly waiting: Job[] = [];
  private readonly dead = new Map<string, TwilioDeadLetter & { job: Job }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private processor?: TwilioEventProcessor;
  private closed = false;

  constructor(
    private readonly options: { attempts: number; backoff: number; concurrency: number },
  ) {}

  async add(event: TwilioEvent): Promise<void> {
    if (this.closed) throw new Error('the Twilio event queue is closed');
    this.waiting.push({ id: randomUUID(), event, attempt: 1 });
    this.pump();
  }

  async start(processor: TwilioEventProcessor): Promise<void> {
    this.processor = processor;
    this.pump();
  }

  async deadLetters(): Promise<TwilioDeadLetter[]> {
    return [...this.dead.values()].map(({ job: _job, ...letter }) => letter);
  }

  async replay(id: string): Promise<boolean> {
    const letter = this.dead.get(id);
    if (!letter) return false;
    this.dead.delete(id);
    letter.job.attempt = 1;
    this.waiting.push(letter.job);
    this.pump();
    return true;
  }

  async discard(id: string): Promise<boolean> {
    return this.dead.delete(id);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled(this.running);
  }

  private pump(): void {
    while (
      this.processor &&
      !this.closed &&
      this.running.size < this.options.concurrency &&
      this.waiting.length > 0
    ) {
      const job = this.waiting.shift()!;
      const run = this.runJob(job, this.processor).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async runJob(job: Job, processor: TwilioEventProcessor): Promise<void> {
    try {
      await processor(job.event, job.attempt);
    } catch (error) {
      if (job.attempt >= this.options.attempts) {
        this.dead.set(job.id, {
          id: job.id,
          event: job.event.name,
          payload: job.event.payload,
          idempotencyKey: job.event.key,
          error: messageOf(error),
          attempts: job.attempt,
          failedAt: new Date(),
          job,
        });
        this.logger.error(DEAD_LETTER(job.event.name, job.id, messageOf(error)));
        return;
      }
      const timer = setTimeout(
        () => {
          this.timers.delete(timer);
          job.attempt++;
          this.waiting.push(job);
          this.pump();
        },
        backoffDelay(this.options.backoff, job.attempt),
      );
      this.timers.add(timer);
    }
  }
}
