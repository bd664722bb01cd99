import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import { MemoryEventQueue } from './memory-event.queue.js';
import type { TwilioEventQueue } from './twilio-event-queue.interface.js';

/** The queue of `dispatch: 'queue'`: BullMQ with Redis, else in memory; `null` in sync mode. */
export async function createEventQueue(
  options: ResolvedTwilioWebhookOptions,
): Promise<TwilioEventQueue | null> {
  if (options.dispatch !== 'queue') return null;
  const { redis, attempts, backoff, concurrency, name } = options.queue;
  if (!redis) return new MemoryEventQueue({ attempts, backoff, concurrency });
  // Loaded here so that apps without Redis never load bullmq.
  const { BullmqEventQueue } = await import('./bullmq-event.queue.js');
  return BullmqEventQueue.create({
    url: redis.url,
    prefix: `${redis.keyPrefix}bull`,
    name,
    attempts,
    backoff,
    concurrency,
  });
}
