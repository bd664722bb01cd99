/** Whether a value is a promise (or any thenable): code on the request path awaits only those. */
export function isThenable<T = unknown>(value: unknown): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | null | undefined)?.then === 'function';
}
