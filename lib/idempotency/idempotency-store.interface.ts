/**
 * What a claim on an event found.
 * - `claimed`: this caller now owns the event; `completedHandlers` lists the handlers that already
 *   succeeded in an earlier, failed attempt (they are not run again).
 * - `done`: the event was fully handled before: run nothing, answer as the first delivery did.
 * - `busy`: another delivery of the same event is being handled right now.
 * @publicApi
 */
export type IdempotencyClaim =
  | { readonly status: 'claimed'; readonly completedHandlers: ReadonlySet<string> }
  | { readonly status: 'done' }
  | { readonly status: 'busy' };

/**
 * Where the event bus records which events (and which of their handlers) have run, and the
 * furthest status seen per resource. Every method must be atomic with respect to concurrent
 * callers, including callers in other processes when the store is shared.
 *
 * The module ships a bounded in-memory store (one process) and a Redis store (several
 * processes); give your own with `idempotency: { store: new MyStore() }`.
 *
 * @publicApi
 * @example
 * TwilioWebhookModule.forRoot({ authToken, idempotency: { store: new MyDynamoStore() } })
 */
export interface IdempotencyStore {
  /**
   * Takes the claim on `key` for `owner` unless the event is done or claimed by someone else
   * whose lease (`leaseMs`) has not run out.
   */
  claim(key: string, owner: string, leaseMs: number): Promise<IdempotencyClaim>;
  /** Records that one handler of the claimed event succeeded, for `ttlMs`. */
  completeHandler(key: string, handlerId: string, ttlMs: number): Promise<void>;
  /** Marks the event done for `ttlMs`: later deliveries of it run nothing. */
  complete(key: string, ttlMs: number): Promise<void>;
  /** Gives up `owner`'s claim (a handler failed) so that a retry can take it; keeps handler records. */
  release(key: string, owner: string): Promise<void>;
  /**
   * Raises the furthest status rank recorded for `resource` to `rank` (never lowers it) and
   * returns the rank recorded before, or `undefined` when none was.
   */
  advance(resource: string, rank: number, ttlMs: number): Promise<number | undefined>;
  /** Frees connections; called at shutdown for the stores the module created itself. */
  close?(): Promise<void>;
}

/**
 * DI token of the store in use: `@Inject(IdempotencyStore) store: IdempotencyStore`.
 * @publicApi
 */
export const IdempotencyStore = Symbol('IdempotencyStore');
