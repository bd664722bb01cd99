// Handler classes may be declared before Nest loads reflect-metadata (in unit tests, say).
import 'reflect-metadata';
import { compileEventPattern } from '../events/twilio-event-pattern.js';
import type { TwilioEventPattern } from '../events/twilio-event-name.js';
import { TWILIO_EVENT_HANDLER } from '../twilio-webhook.constants.js';

/**
 * What `@OnTwilioEvent()` records on a method; several entries when the decorator is stacked.
 * @publicApi
 */
export interface TwilioEventHandlerMetadata {
  readonly pattern: string;
}

/** Appends to an array kept under one metadata key, so that decorators can be stacked. */
function appendMetadata<T>(key: string, entry: T): MethodDecorator {
  return (_target, _property, descriptor) => {
    const method = descriptor.value as object;
    const previous = (Reflect.getMetadata(key, method) as T[] | undefined) ?? [];
    Reflect.defineMetadata(key, [...previous, entry], method);
    return descriptor;
  };
}

/**
 * Marks a method of a provider (or controller) as a handler of Twilio events. The handler gets
 * the event's payload and a `TwilioEventContext`; it runs once per event, even when Twilio
 * delivers the event several times. Stack the decorator to handle several patterns: a method
 * matched by more than one still runs once per event.
 *
 * `*` stands for one segment of the event name and `**` for any number. Handlers on
 * request-scoped providers are skipped, with a warning.
 *
 * @publicApi
 * @example
 * @OnTwilioEvent('message.status.failed')
 * @OnTwilioEvent('message.status.undelivered')
 * async onFailure(event: TwilioEventPayload<'message.status.failed'>, ctx: TwilioEventContext) {}
 */
export const OnTwilioEvent = Object.assign(
  (pattern: TwilioEventPattern): MethodDecorator => {
    compileEventPattern(pattern); // a malformed pattern fails where it is written
    return appendMetadata<TwilioEventHandlerMetadata>(TWILIO_EVENT_HANDLER, { pattern });
  },
  {
    /** The metadata key, for building your own decorators on the same mechanism. */
    KEY: TWILIO_EVENT_HANDLER,
  },
);
