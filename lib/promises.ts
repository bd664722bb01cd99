/** Whether a value is a promise (or any thenable): code on the request path awaits only those. */
export function isThenable<T = unknown>(value: unknown): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | null | undefined)?.then === 'function';
}

/**
 * One promise already resolved with `undefined`, handed back by work that finished at once. Being
 * one object, callers can tell it apart and skip chaining on it.
 */
export const SETTLED: Promise<undefined> = Promise.resolve(undefined);
