import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IdempotencyStore } from '../idempotency/idempotency-store.interface.js';
import { MemoryIdempotencyStore } from '../idempotency/memory-idempotency.store.js';
import { isThenable, SETTLED } from '../promises.js';
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
  /** The default store, which can answer without promises. */
  private readonly memory: MemoryIdempotencyStore | undefined;

  constructor(
    @Inject(TWILIO_WEBHOOK_OPTIONS) private readonly options: ResolvedTwilioWebhookOptions,
    @Inject(IdempotencyStore) private readonly store: IdempotencyStore,
    private readonly registry: TwilioHandlerRegistry,
  ) {
    // Only the module's own class: a subclass may have changed what the async methods do.
    this.memory =
      store.constructor === MemoryIdempotencyStore ? (store as MemoryIdempotencyStore) : undefined;
  }

  private logFailure(event: TwilioEvent, handler: RegisteredHandler, error: unknown): void {
    this.logger.error(
      HANDLER_FAILED(handler.id, event.name, messageOf(error)),
      (error as Error)?.stack,
    );
  }

  /** Resolves when the event is handled (or was before); rejects when it must be retried. */
  run(event: TwilioEvent, attempt = 1): Promise<void> {
    try {
      const handlers = this.registry.match(event.name);
      const memory = this.memory;
      if (event.key !== undefined && handlers.length === 1 && memory && answersAtOnce(memory)) {
        const settled = this.runOneNow(event, event.key, handlers[0], attempt, memory);
        if (settled) return settled;
      }
      return this.runWithStore(event, handlers, attempt);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * The usual webhook on the default store: one handler, a key, and a store that answers at once.
   * Runs without a promise unless the handler returns one: the async steps of the general path
   * allocated about 3 KB per webhook. `undefined` when another delivery holds the claim, which
   * the general path waits for.
   */
  private runOneNow(
    event: TwilioEvent,
    key: string,
    handler: RegisteredHandler,
    attempt: number,
    store: MemoryIdempotencyStore,
  ): Promise<void> | undefined {
    const { lease, ttl } = this.options.idempotency;
    // A number is enough to tell claims apart within this process's own store.
    const owner = ++this.claims;
    const taken = store.takeNow(key, owner, lease);
    if (taken === 'busy') return undefined;
    if (taken === 'done') return SETTLED;
    const order = event.order;
    const stale = order
      ? overtaken(store.advanceNow(order.resource, order.rank, ttl), order)
      : false;
    const finish = (): Promise<undefined> => {
      store.completeNow(key, ttl);
      return SETTLED;
    };
    if ((stale && this.options.staleEvents === 'skip') || taken.handlers?.has(handler.id)) {
      return finish();
    }
    const fail = (error: unknown): Promise<void> => {
      this.logFailure(event, handler, error);
      if (this.options.handlerErrors !== 'retry') return finish();
      store.releaseNow(key, owner);
      return Promise.reject(new TwilioHandlerError(event.name, [{ handler: handler.id, error }]));
    };
    let result: unknown;
    try {
      result = handler.call(event.payload, contextOf(event, stale, attempt));
    } catch (error) {
      return fail(error);
    }
    return isThenable(result) ? Promise.resolve(result).then(finish, fail) : finish();
  }

  /** Any store, any number of handlers. */
  private async runWithStore(
    event: TwilioEvent,
    handlers: readonly RegisteredHandler[],
    attempt: number,
  ): Promise<void> {
    const key = event.key;
    if (key === undefined) {
      const stale = event.order ? await this.isStale(event.order) : false;
      if (handlers.length === 0 || (stale && this.options.staleEvents === 'skip')) return;
      const failures = await this.callHandlers(event, handlers, NONE, stale, attempt);
      if (failures.length && this.options.handlerErrors === 'retry') {
        throw new TwilioHandlerError(event.name, failures);
      }
      return;
    }
    if (handlers.length === 0) {
      // Still the furthest status for the events that have handlers.
      if (event.order) await this.isStale(event.order);
      return;
    }
    const owner = `${this.ownerPrefix}:${++this.claims}`;
    const { lease, ttl } = this.options.idempotency;
    let claim = await this.store.claim(key, owner, lease);
    if (claim.status === 'busy') claim = await this.waitForClaim(key, owner, lease);
    if (claim.status !== 'claimed') return;
    try {
      const stale = event.order ? await this.isStale(event.order) : false;
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
      await this.store.complete(key, ttl);
    } catch (error) {
      await this.store.release(key, owner).catch(() => undefined);
      throw error;
    }
  }

  /** Another delivery holds the claim: tries again, backing off, until it is free or done. */
  private async waitForClaim(key: string, owner: string, lease: number) {
    const deadline = Date.now() + Math.min(lease, MAX_WAIT_MS);
    for (let delay = 2; ; delay = Math.min(delay * 2, 100)) {
      if (Date.now() + delay > deadline) throw new TwilioEventBusyError(key);
      await new Promise((resolve) => setTimeout(resolve, delay));
      const claim = await this.store.claim(key, owner, lease);
      if (claim.status !== 'busy') return claim;
    }
  }

  /** Records the status as the furthest seen when it is; `true` when a later one came first. */
  private async isStale(order: NonNullable<TwilioEvent['order']>): Promise<boolean> {
    const previous = await this.store.advance(
      order.resource,
      order.rank,
      this.options.idempotency.ttl,
    );
    return overtaken(previous, order);
  }

  /** Calls every handler not done yet, side by side; a store failure rejects, handler errors are returned. */
  private async callHandlers(
    event: TwilioEvent,
    handlers: readonly RegisteredHandler[],
    done: ReadonlySet<string>,
    stale: boolean,
    attempt: number,
  ): Promise<Failure[]> {
    const context = contextOf(event, stale, attempt);
    const failures: Failure[] = [];
    const pending = done.size === 0 ? handlers : handlers.filter((h) => !done.has(h.id));
    if (pending.length === 1) {
      // With one handler the event's own completion says it all: no handler record.
      await this.callHandler(event, pending[0], context, failures, false);
      return failures;
    }
    const track = event.key !== undefined;
    const results = await Promise.allSettled(
      pending.map((handler) => this.callHandler(event, handler, context, failures, track)),
    );
    const broken = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (broken) throw broken.reason;
    return failures;
  }

  /** Runs one handler; its error joins `failures`, a store error rejects. */
  private async callHandler(
    event: TwilioEvent,
    handler: RegisteredHandler,
    context: TwilioEventContext,
    failures: Failure[],
    track: boolean,
  ): Promise<void> {
    try {
      await handler.call(event.payload, context);
    } catch (error) {
      failures.push({ handler: handler.id, error });
      this.logFailure(event, handler, error);
      return;
    }
    if (track)
      await this.store.completeHandler(event.key!, handler.id, this.options.idempotency.ttl);
  }
}

const MEMORY = MemoryIdempotencyStore.prototype;

/** The default store with its own methods: none replaced or spied on since it was made. */
function answersAtOnce(store: MemoryIdempotencyStore): boolean {
  return (
    store.claim === MEMORY.claim &&
    store.advance === MEMORY.advance &&
    store.complete === MEMORY.complete &&
    store.release === MEMORY.release
  );
}

/** Whether a status ranked below the furthest one recorded before it. */
function overtaken(previous: number | undefined, order: { readonly rank: number }): boolean {
  return previous !== undefined && previous > order.rank;
}

/** What a handler gets as its second argument. */
function contextOf(event: TwilioEvent, stale: boolean, attempt: number): TwilioEventContext {
  const { source } = event;
  return {
    event: event.name,
    idempotencyKey: event.key,
    idempotencyToken: source.idempotencyToken,
    accountSid: source.accountSid,
    url: source.url,
    receivedAt: source.receivedAt,
    params: source.params,
    stale,
    attempt,
  };
}

interface Failure {
  handler: string;
  error: unknown;
}
