/**
 * One or more handlers of an event threw. With `handlerErrors: 'retry'` the delivery is answered
 * with a 5xx and the event stays open for Twilio's retry (or the queue's).
 * @publicApi
 */
export class TwilioHandlerError extends Error {
  constructor(
    readonly event: string,
    readonly failures: readonly { readonly handler: string; readonly error: unknown }[],
  ) {
    super(
      `${failures.length} handler(s) of ${event} failed: ` +
        failures.map((f) => `${f.handler}: ${messageOf(f.error)}`).join('; '),
    );
    this.name = 'TwilioHandlerError';
  }
}

/**
 * Another delivery of the same event was still being handled when this one gave up waiting.
 * @publicApi
 */
export class TwilioEventBusyError extends Error {
  constructor(readonly key: string) {
    super(`event ${key} is being handled by another delivery; retry later`);
    this.name = 'TwilioEventBusyError';
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
