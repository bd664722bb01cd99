import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IdempotencyStore } from '../idempotency/idempotency-store.interface.js';
import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import { TWILIO_WEBHOOK_OPTIONS } from '../twilio-webhook.constants.js';
import { HANDLER_FAILED } from '../twilio-webhook.messages.js';
import type { TwilioEventContext } from './twilio-event-context.interface.js';
import { messageOf, TwilioEventBusyError, TwilioHandlerError } from './twilio-event.errors.js';
import type { TwilioEvent } from './twilio-event.interface.js';
import { TwilioHandlerRegistry, type RegisteredHandler } from './twilio-handler.registry.js';

const NONE: ReadonlySet<string> = new Set();
// A duplicate that finds its event in progress waits at most this long for the first delivery.
const MAX_WAIT_MS = 10_000;

/**
 * Runs one event through its handlers, effectively once: it claims the event in the store,
 * skips handlers that already succeeded, records completion, and releases the claim when a
 * handler fails so that a retry runs what is left.
 */
@Injectable()
export class TwilioEventRunner {
  private readonly logger = new Logger('TwilioEventBus');
  private readonly ownerPrefix = randomUUID();
  private claims = 0;

  constructor(
    @Inject(TWILIO_WEBHOOK_OPTIONS) private readonly options: ResolvedTwilioWebhookOptions,
    @Inject(IdempotencyStore) private readonly store: IdempotencyStore,
    private readonly registry: TwilioHandlerRegistry,
  ) {}

  /** Resolves when the event is handled (or was before); rejects when it must be retried. */
  async run(event: TwilioEvent, attempt = 1): Promise<void> {
    const handlers = this.registry.match(event.name);
    if (!event.key) {
      const stale = await this.isStale(event);
      if (handlers.length === 0 || (stale && this.options.staleEvents === 'skip')) return;
      const failures = await this.callHandlers(event, handlers, NONE, stale, attempt);
      if (failures.length && this.options.handlerErrors === 'retry') {
        throw new TwilioHandlerError(event.name, failures);
      }
      return;
    }
    if (handlers.length === 0) {
      await this.isStale(event); // still the furthest status for the events that have handlers
      return;
    }
    const owner = `${this.ownerPrefix}:${++this.claims}`;
    const claim = await this.claim(event.key, owner);
    if (claim.status !== 'claimed') return;
    try {
      const stale = await this.isStale(event);
      if (!(stale && this.options.staleEvents === 'skip')) {
        const failures = await this.callHandlers(
          event,
          handlers,
          claim.completedHandlers,
          stale,
          attempt,
        );
        if (failures.length && this.options.handlerErrors === 'retry') {
          throw new TwilioHandlerError(event.name, failures);
        }
      }
      await this.store.complete(event.key, this.options.idempotency.ttl);
    } catch (error) {
      await this.store.release(event.key, owner).catch(() => undefined);
      throw error;
    }
  }

  private async claim(key: string, owner: string) {
    const { lease } = this.options.idempotency;
    const deadline = Date.now() + Math.min(lease, MAX_WAIT_MS);
    for (let delay = 2; ; delay = Math.min(delay * 2, 100)) {
      const claim = await this.store.claim(key, owner, lease);
      if (claim.status !== 'busy') return claim;
      if (Date.now() + delay > deadline) throw new TwilioEventBusyError(key);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  /** Records the status as the furthest seen when it is; `true` when a later one came first. */
  private async isStale(event: TwilioEvent): Promise<boolean> {
    if (!event.order) return false;
    const { resource, rank } = event.order;
    const previous = await this.store.advance(resource, rank, this.options.idempotency.ttl);
    return previous !== undefined && previous > rank;
  }

  /** Calls every handler not done yet, side by side; a store failure rejects, handler errors are returned. */
  private async callHandlers(
    event: TwilioEvent,
    handlers: readonly RegisteredHandler[],
    done: ReadonlySet<string>,
    stale: boolean,
    attempt: number,
  ): Promise<{ handler: string; error: unknown }[]> {
    const context: TwilioEventContext = {
      event: event.name,
      idempotencyKey: event.key,
      ...event.source,
      stale,
      attempt,
    };
    const failures: { handler: string; error: unknown }[] = [];
    // With one handler the event's own completion says it all; record handlers only when several.
    const track = event.key !== undefined && handlers.length > 1;
    const runOne = async (handler: RegisteredHandler) => {
      try {
        await handler.call(event.payload, context);
      } catch (error) {
        failures.push({ handler: handler.id, error });
        this.logger.error(
          HANDLER_FAILED(handler.id, event.name, messageOf(error)),
          (error as Error)?.stack,
        );
        return;
      }
      if (track)
        await this.store.completeHandler(event.key!, handler.id, this.options.idempotency.ttl);
    };
    const pending = done.size === 0 ? handlers : handlers.filter((h) => !done.has(h.id));
    if (pending.length === 1) await runOne(pending[0]);
    else {
      const results = await Promise.allSettled(pending.map(runOne));
      const broken = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (broken) throw broken.reason;
    }
    return failures;
  }
}
