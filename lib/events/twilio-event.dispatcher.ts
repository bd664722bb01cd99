import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyStore } from '../idempotency/idempotency-store.interface.js';
import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import { getTwilioRequestState, payloadResultOf } from '../payloads/twilio-payload.factory.js';
import {
  TWILIO_EVENT_QUEUE,
  type TwilioEventQueue,
} from '../queue/twilio-event-queue.interface.js';
import type { WebhookHttpRequest } from '../signature/http-request.js';
import { TWILIO_WEBHOOK_OPTIONS } from '../twilio-webhook.constants.js';
import { twilioEventsOf } from './twilio-event.factory.js';
import type { TwilioEvent } from './twilio-event.interface.js';
import { TwilioEventRunner } from './twilio-event.runner.js';

/**
 * Sends events on: straight to the runner (`dispatch: 'sync'`), or into the queue
 * (`dispatch: 'queue'`), whose worker it starts once the handlers are known.
 */
@Injectable()
export class TwilioEventDispatcher implements OnApplicationShutdown {
  private closed = false;

  constructor(
    @Inject(TWILIO_WEBHOOK_OPTIONS) private readonly options: ResolvedTwilioWebhookOptions,
    private readonly runner: TwilioEventRunner,
    @Inject(IdempotencyStore) private readonly store: IdempotencyStore,
    @Optional() @Inject(TWILIO_EVENT_QUEUE) private readonly queue: TwilioEventQueue | null,
  ) {}

  /** The events of a verified webhook request (computes the payload if no one did yet). */
  eventsOfRequest(req: WebhookHttpRequest, handler?: Function): TwilioEvent[] {
    const state = getTwilioRequestState(req);
    if (!state) return [];
    return twilioEventsOf(payloadResultOf(req, handler), state);
  }

  /** Resolves when every event is handled (sync) or safely queued (queue). */
  dispatch(events: readonly TwilioEvent[]): Promise<void> {
    // One event to run now, the usual case, goes straight to the runner: no extra promise.
    if (events.length === 1 && !this.queue) return this.runner.run(events[0]);
    return this.dispatchAll(events);
  }

  private async dispatchAll(events: readonly TwilioEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (this.queue) {
      const queue = this.queue;
      await Promise.all(events.map((event) => queue.add(event)));
      return;
    }
    const results = await Promise.allSettled(events.map((event) => this.runner.run(event)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Starts the queue's worker; called once the handlers are registered. */
  async start(): Promise<void> {
    await this.queue?.start((event, attempt) => this.runner.run(event, attempt));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.closed) return; // app.close() may run twice
    this.closed = true;
    await this.queue?.close();
    // A store the user handed in is theirs to close.
    if (typeof this.options.idempotency.store === 'string') await this.store.close?.();
  }
}
