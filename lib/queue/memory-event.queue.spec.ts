import { jest } from '@jest/globals';
import type { TwilioEvent } from '../events/twilio-event.interface.js';
import { MemoryEventQueue } from './memory-event.queue.js';

const event = (name: string): TwilioEvent => ({
  name,
  payload: { name },
  key: `k:${name}`,
  source: { receivedAt: new Date(), params: {} },
});

describe('MemoryEventQueue', () => {
  let queue: MemoryEventQueue;
  afterEach(async () => {
    jest.useRealTimers();
    await queue.close();
  });

  it('holds events until started, then runs them with bounded concurrency', async () => {
    queue = new MemoryEventQueue({ attempts: 1, backoff: 10, concurrency: 2 });
    let running = 0;
    let peak = 0;
    const done: string[] = [];
    for (const name of ['a', 'b', 'c', 'd']) await queue.add(event(name));
    await queue.start(async (e) => {
      peak = Math.max(peak, ++running);
      await new Promise((resolve) => setTimeout(resolve, 10));
      running--;
      done.push(e.name);
    });
    while (done.length < 4) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(done.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(peak).toBe(2);
  });

  it('retries with exponential backoff, then keeps a dead letter', async () => {
    jest.useFakeTimers();
    queue = new MemoryEventQueue({ attempts: 3, backoff: 100, concurrency: 1 });
    const attempts: number[] = [];
    await queue.start(async (_e, attempt) => {
      attempts.push(attempt);
      throw new Error(`try ${attempt}`);
    });
    await queue.add(event('x'));
    await jest.advanceTimersByTimeAsync(0);
    expect(attempts).toEqual([1]);
    await jest.advanceTimersByTimeAsync(99);
    expect(attempts).toEqual([1]);
    await jest.advanceTimersByTimeAsync(1);
    expect(attempts).toEqual([1, 2]);
    await jest.advanceTimersByTimeAsync(199);
    expect(attempts).toEqual([1, 2]);
    await jest.advanceTimersByTimeAsync(1);
    expect(attempts).toEqual([1, 2, 3]);
    const [letter] = await queue.deadLetters();
    expect(letter).toMatchObject({
      event: 'x',
      idempotencyKey: 'k:x',
      error: 'try 3',
      attempts: 3,
    });
    expect(await queue.replay(letter.id)).toBe(true);
    await jest.advanceTimersByTimeAsync(0);
    expect(attempts).toEqual([1, 2, 3, 1]);
  });

  it('refuses events once closed', async () => {
    queue = new MemoryEventQueue({ attempts: 1, backoff: 1, concurrency: 1 });
    await queue.close();
    await expect(queue.add(event('late'))).rejects.toThrow(/closed/);
  });
});
