import { Injectable } from '@nestjs/common';
import type { TwilioParams } from '../signature/twilio-request-state.interface.js';
import type { TwilioEventPayload } from './twilio-event-payloads.js';
import { TwilioEventDispatcher } from './twilio-event.dispatcher.js';
import { TwilioHandlerRegistry, type TwilioEventHandlerInfo } from './twilio-handler.registry.js';

/**
 * Options of `TwilioEventBus.emit()`.
 * @publicApi
 */
export interface TwilioEmitOptions {
  /** Run the handlers once for this key, however often it is emitted. */
  idempotencyKey?: string;
  /** Reported to handlers as `ctx.accountSid`. */
  accountSid?: string;
  /** Reported to handlers as `ctx.params`. @default {} */
  params?: TwilioParams;
}

/**
 * The event bus of one app. Webhook routes feed it; `emit()` feeds it from your own sources
 * (a poller, a replayed log) with the same once-only and queueing rules.
 *
 * @publicApi
 * @example
 * constructor(private readonly bus: TwilioEventBus) {}
 * await this.bus.emit('message.status.delivered', status, { idempotencyKey: `${sid}:delivered` });
 * this.bus.handlersFor('call.status.completed'); // [{ id: 'CallTracker.onCall', patterns: ['call.status.*'] }]
 */
@Injectable()
export class TwilioEventBus {
  constructor(
    private readonly registry: TwilioHandlerRegistry,
    private readonly dispatcher: TwilioEventDispatcher,
  ) {}

  /**
   * Delivers an event to its handlers. Resolves once they ran (or, in queue mode, once the event
   * is queued); rejects with `TwilioHandlerError` when a handler failed and `handlerErrors` is
   * `'retry'`.
   */
  emit<N extends string>(
    name: N,
    payload: TwilioEventPayload<N>,
    options: TwilioEmitOptions = {},
  ): Promise<void> {
    return this.dispatcher.dispatch([
      {
        name,
        payload,
        key: options.idempotencyKey === undefined ? undefined : `emit:${options.idempotencyKey}`,
        source: {
          accountSid: options.accountSid,
          receivedAt: new Date(),
          params: options.params ?? {},
        },
      },
    ]);
  }

  /** The handlers an event name reaches, in the order they were registered. */
  handlersFor(name: string): TwilioEventHandlerInfo[] {
    return this.registry.match(name).map(({ id, patterns }) => ({ id, patterns: [...patterns] }));
  }

  /** Every registered handler. */
  handlers(): TwilioEventHandlerInfo[] {
    return [...this.registry.all()];
  }

  /**
   * Registers a handler by hand, for an object that is not a Nest provider. Providers need only
   * `@OnTwilioEvent()`.
   */
  register(pattern: string, instance: object, method: string): void {
    this.registry.register(pattern, instance, method);
  }
}
