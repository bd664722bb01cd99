import { jest } from '@jest/globals';
import { Controller, Injectable, Module, type INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  MemoryIdempotencyStore,
  OnTwilioEvent,
  TwilioStatusCallback,
  TwilioWebhookModule,
  type MessageStatusCallback,
  type TwilioEventContext,
  type TwilioWebhookModuleOptions,
} from '../../lib/index.js';
import { ADAPTERS, createApp } from '../support/adapters.js';
import { deliver, messageStatus } from '../fixtures/events/deliveries.js';
import { AUTH_TOKEN, PUBLIC_URL } from '../fixtures/events/app.module.js';

// One handler per event on the default store: the event bus's fast path, which runs the handler
// without promises unless it returns one. Every behaviour of the general path must hold here too.

@Injectable()
class OnlyHandler {
  readonly calls: { status: string; stale: boolean; attempt: number }[] = [];
  mode: 'sync' | 'async' = 'sync';
  failures = 0;
  /** While set, an async call waits for it; `entered` resolves when a call starts. */
  gate?: Promise<void>;
  entered?: () => void;

  @OnTwilioEvent('message.status.*')
  onStatus(payload: MessageStatusCallback, ctx: TwilioEventContext): void | Promise<void> {
    const run = () => {
      if (this.failures > 0) {
        this.failures--;
        throw new Error('handler down');
      }
      this.calls.push({
        status: String(payload.MessageStatus),
        stale: ctx.stale,
        attempt: ctx.attempt,
      });
    };
    if (this.mode === 'sync') return run();
    this.entered?.();
    return (this.gate ?? Promise.resolve()).then(run);
  }
}

@Controller('twilio')
class StatusController {
  @TwilioStatusCallback('status')
  status() {}
}

function singleHandlerApp(options: TwilioWebhookModuleOptions) {
  @Module({
    imports: [
      TwilioWebhookModule.forRoot({ authToken: AUTH_TOKEN, publicUrl: PUBLIC_URL, ...options }),
    ],
    controllers: [StatusController],
    providers: [OnlyHandler],
  })
  class SingleHandlerModule {}
  return SingleHandlerModule;
}

describe.each(ADAPTERS)('one handler on the default store, on %s', (adapter) => {
  let app: INestApplication | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  const boot = async (options: TwilioWebhookModuleOptions = {}) => {
    app = await createApp(adapter, singleHandlerApp(options));
    return app.get(OnlyHandler);
  };
  const send = (n: number, status: string, token?: string) =>
    deliver(app!, '/twilio/status', messageStatus(n, status), { token });

  it.each(['sync', 'async'] as const)(
    'runs a %s handler once for a delivery Twilio repeats',
    async (mode) => {
      const handler = await boot();
      handler.mode = mode;
      const token = randomUUID();
      await send(1, 'delivered', token).expect(204);
      await send(1, 'delivered', token).expect(204);
      await send(2, 'delivered').expect(204);
      expect(handler.calls).toEqual([
        { status: 'delivered', stale: false, attempt: 1 },
        { status: 'delivered', stale: false, attempt: 1 },
      ]);
    },
  );

  it.each(['sync', 'async'] as const)(
    'answers 500 when a %s handler fails, and runs it again on the retry',
    async (mode) => {
      const handler = await boot();
      handler.mode = mode;
      handler.failures = 1;
      const token = randomUUID();
      await send(3, 'delivered', token).expect(500);
      expect(handler.calls).toHaveLength(0);
      await send(3, 'delivered', token).expect(204);
      await send(3, 'delivered', token).expect(204);
      expect(handler.calls).toHaveLength(1);
    },
  );

  it("acknowledges a failure with handlerErrors: 'log', and does not run the event again", async () => {
    const handler = await boot({ handlerErrors: 'log' });
    handler.failures = 1;
    const token = randomUUID();
    await send(4, 'delivered', token).expect(204);
    await send(4, 'delivered', token).expect(204);
    expect(handler.calls).toHaveLength(0);
  });

  it('marks a status that arrives after a later one as stale, or skips it', async () => {
    const dispatching = await boot();
    await send(5, 'delivered').expect(204);
    await send(5, 'sent').expect(204);
    expect(dispatching.calls.map((c) => [c.status, c.stale])).toEqual([
      ['delivered', false],
      ['sent', true],
    ]);
    await app!.close();
    const skipping = await boot({ staleEvents: 'skip' });
    await send(6, 'delivered').expect(204);
    await send(6, 'sent').expect(204);
    await send(6, 'sent').expect(204);
    expect(skipping.calls.map((c) => c.status)).toEqual(['delivered']);
  });

  it('makes a duplicate that arrives mid-run wait for the first, and runs the handler once', async () => {
    const handler = await boot();
    handler.mode = 'async';
    let open!: () => void;
    handler.gate = new Promise((resolve) => (open = resolve));
    const started = new Promise<void>((resolve) => (handler.entered = resolve));
    const token = randomUUID();
    const first = send(7, 'delivered', token).then((res) => res.status);
    await started;
    handler.entered = undefined;
    const second = send(7, 'delivered', token).then((res) => res.status);
    // The duplicate is waiting on the claim: nothing has run yet.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(handler.calls).toHaveLength(0);
    open();
    expect(await Promise.all([first, second])).toEqual([204, 204]);
    expect(handler.calls).toHaveLength(1);
  });

  it('uses a default store whose methods were replaced, through those methods', async () => {
    const store = new MemoryIdempotencyStore();
    const claim = jest.spyOn(store, 'claim');
    const complete = jest.spyOn(store, 'complete');
    const handler = await boot({ idempotency: { store } });
    await send(8, 'delivered').expect(204);
    expect(handler.calls).toHaveLength(1);
    expect(claim).toHaveBeenCalledTimes(1);
    expect(complete).toHaveBeenCalledTimes(1);
  });
});
