import { Logger } from '@nestjs/common';
import type { Job, Queue, Worker } from 'bullmq';
import { createHash, randomUUID } from 'node:crypto';
import type { TwilioEvent } from '../events/twilio-event.interface.js';
import { DEAD_LETTER, QUEUE_UNREACHABLE } from '../twilio-webhook.messages.js';
import type {
  TwilioDeadLetter,
  TwilioEventProcessor,
  TwilioEventQueue,
} from './twilio-event-queue.interface.js';
import { reviveEventPayload } from '../events/twilio-event-payload.reviver.js';

/** An event as JSON: what BullMQ stores in Redis. */
interface EventData extends Omit<TwilioEvent, 'source'> {
  readonly source: Omit<TwilioEvent['source'], 'receivedAt'> & { readonly receivedAt: string };
}

export interface BullmqEventQueueOptions {
  readonly url: string;
  readonly name: string;
  readonly prefix: string;
  readonly attempts: number;
  readonly backoff: number;
  readonly concurrency: number;
}

// An acknowledgement must not wait on a Redis that is gone: the delivery then fails with a 5xx.
const ADD_TIMEOUT_MS = 5_000;

/**
 * Queue mode across app instances: BullMQ keeps events in Redis, any instance's worker runs them
 * (retries with exponential backoff), and a job that an instance dropped mid-way is picked up
 * by another once its lock runs out. Jobs that failed their last try stay in BullMQ's failed
 * set: those are the dead letters. Payloads travel as JSON.
 */
export class BullmqEventQueue implements TwilioEventQueue {
  private readonly logger = new Logger('TwilioEventQueue');
  private worker?: Worker<EventData>;

  private constructor(
    private readonly queue: Queue<EventData>,
    private readonly options: BullmqEventQueueOptions,
    private readonly WorkerClass: typeof Worker,
  ) {
    queue.on('error', (error) => this.logger.error(QUEUE_UNREACHABLE(error.message)));
  }

  static async create(options: BullmqEventQueueOptions): Promise<BullmqEventQueue> {
    const { Queue, Worker } = await import('bullmq');
    const queue = new Queue<EventData>(options.name, {
      connection: { url: options.url, maxRetriesPerRequest: 1 },
      prefix: options.prefix,
      defaultJobOptions: {
        attempts: options.attempts,
        backoff: { type: 'exponential', delay: options.backoff },
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: false,
      },
    });
    return new BullmqEventQueue(queue, options, Worker);
  }

  async add(event: TwilioEvent): Promise<void> {
    // The same key gives the same job id: BullMQ ignores a second delivery while the job exists.
    const jobId = event.key ? createHash('sha256').update(event.key).digest('hex') : randomUUID();
    const data: EventData = {
      ...event,
      source: { ...event.source, receivedAt: event.source.receivedAt.toISOString() },
    };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('BullMQ did not store the event in time')),
        ADD_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([this.queue.add(event.name, data, { jobId }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async start(processor: TwilioEventProcessor): Promise<void> {
    const worker = new this.WorkerClass<EventData>(
      this.options.name,
      (job) => processor(eventOf(job.data), job.attemptsMade + 1),
      {
        connection: { url: this.options.url, maxRetriesPerRequest: null },
        prefix: this.options.prefix,
        concurrency: this.options.concurrency,
      },
    );
    worker.on('error', (error) => this.logger.error(QUEUE_UNREACHABLE(error.message)));
    worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= this.options.attempts) {
        this.logger.error(DEAD_LETTER(job.data.name, job.id ?? '?', error.message));
      }
    });
    this.worker = worker;
  }

  async deadLetters(): Promise<TwilioDeadLetter[]> {
    const jobs = await this.queue.getFailed(0, -1);
    return jobs.filter((job): job is Job<EventData> => Boolean(job)).map(deadLetterOf);
  }

  async replay(id: string): Promise<boolean> {
    const job = await this.queue.getJob(id);
    if (!job || !(await job.isFailed())) return false;
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return true;
  }

  async discard(id: string): Promise<boolean> {
    const job = await this.queue.getJob(id);
    if (!job || !(await job.isFailed())) return false;
    await job.remove();
    return true;
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}

function eventOf(data: EventData): TwilioEvent {
  return reviveEventPayload({
    ...data,
    source: { ...data.source, receivedAt: new Date(data.source.receivedAt) },
  });
}

function deadLetterOf(job: Job<EventData>): TwilioDeadLetter {
  return {
    id: job.id ?? '',
    event: job.data.name,
    payload: job.data.payload,
    idempotencyKey: job.data.key,
    error: job.failedReason ?? '',
    attempts: job.attemptsMade,
    failedAt: new Date(job.finishedOn ?? job.timestamp),
  };
}
