// Statuses in the order a resource moves through them (reference §14). Final statuses share the
// top rank: none of them can follow another, and nothing can follow them.
const FINAL = 100;

const MESSAGE: Record<string, number> = {
  accepted: 0,
  scheduled: 1,
  queued: 2,
  sending: 3,
  sent: 4,
  delivered: 5,
  read: 6,
  failed: FINAL,
  undelivered: FINAL,
  canceled: FINAL,
};

const CALL: Record<string, number> = {
  queued: 0,
  initiated: 1,
  ringing: 2,
  'in-progress': 3,
  completed: FINAL,
  busy: FINAL,
  'no-answer': FINAL,
  failed: FINAL,
  canceled: FINAL,
};

const RECORDING: Record<string, number> = {
  'in-progress': 0,
  completed: FINAL,
  absent: FINAL,
  failed: FINAL,
};

const TABLES = { message: MESSAGE, call: CALL, recording: RECORDING };

/** Which lifecycle a status belongs to. */
export type StatusLifecycle = keyof typeof TABLES;

/**
 * The rank of a status in its lifecycle, or `undefined` for a value Twilio added later (such a
 * status is never called stale, and does not make others stale).
 */
export function statusRank(lifecycle: StatusLifecycle, status: string): number | undefined {
  return Object.hasOwn(TABLES[lifecycle], status) ? TABLES[lifecycle][status] : undefined;
}
