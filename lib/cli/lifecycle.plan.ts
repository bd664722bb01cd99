import { randomUUID } from 'node:crypto';
import { rfc2822 } from '../testing/fixtures/fixture-helpers.js';
import { twilioSid } from '../testing/twilio-sid.js';
import { twilioFixtures } from '../testing/twilio-fixtures.js';

/** The status sequences a message can go through, by how it ends. */
export const MESSAGE_LIFECYCLES: Readonly<Record<string, readonly string[]>> = {
  delivered: ['queued', 'sending', 'sent', 'delivered'],
  read: ['queued', 'sending', 'sent', 'delivered', 'read'],
  undelivered: ['queued', 'sending', 'sent', 'undelivered'],
  failed: ['queued', 'failed'],
};

/** The status sequences of a call, by how it ends. */
export const CALL_LIFECYCLES: Readonly<Record<string, readonly string[]>> = {
  completed: ['initiated', 'ringing', 'in-progress', 'completed'],
  busy: ['initiated', 'ringing', 'busy'],
  'no-answer': ['initiated', 'ringing', 'no-answer'],
  failed: ['initiated', 'failed'],
  canceled: ['initiated', 'ringing', 'canceled'],
};

/** One callback to deliver. */
export interface PlannedDelivery {
  /** The status it reports. */
  readonly status: string;
  /** Position of that status in the lifecycle, from 0. */
  readonly step: number;
  readonly params: Record<string, string>;
  /** The same for a callback and its duplicate: a redelivery of one webhook. */
  readonly idempotencyToken: string;
  /** Whether this is the second delivery of a callback. */
  readonly duplicate: boolean;
}

export interface LifecyclePlanOptions {
  readonly duplicate?: boolean;
  readonly shuffle?: boolean;
  /** Random numbers in [0, 1) for the shuffle. */
  readonly random?: () => number;
}

/**
 * The callbacks of one message or call, in delivery order: one per status (all about the same
 * resource), each followed by its duplicate with `duplicate`, the whole list shuffled with
 * `shuffle`. The user's parameters go into every callback.
 */
export function planLifecycle(
  resource: 'message' | 'call',
  statuses: readonly string[],
  params: Record<string, string>,
  options: LifecyclePlanOptions = {},
): PlannedDelivery[] {
  const build =
    resource === 'message' ? messageCallbacks(statuses, params) : callCallbacks(statuses, params);
  const plan: PlannedDelivery[] = [];
  build.forEach((callback, step) => {
    const first = {
      status: statuses[step],
      step,
      params: callback,
      idempotencyToken: randomUUID(),
      duplicate: false,
    };
    plan.push(first);
    if (options.duplicate) plan.push({ ...first, duplicate: true });
  });
  if (!options.shuffle) return plan;
  shuffleInPlace(plan, options.random ?? Math.random);
  // Whichever copy goes first is the delivery; the later one is the redelivery.
  const sent = new Set<string>();
  return plan.map((item) => {
    const duplicate = sent.has(item.idempotencyToken);
    sent.add(item.idempotencyToken);
    return { ...item, duplicate };
  });
}

function messageCallbacks(statuses: readonly string[], params: Record<string, string>) {
  // A Messaging Service message reports `queued` too; keep one resource throughout.
  const first = twilioFixtures.messageStatus({ MessagingServiceSid: twilioSid('MG'), ...params });
  const shared = pick(first, ['MessageSid', 'AccountSid', 'From', 'To', 'MessagingServiceSid']);
  return statuses.map((status) =>
    twilioFixtures.messageStatus({ ...params, ...shared, MessageStatus: status }),
  );
}

function callCallbacks(statuses: readonly string[], params: Record<string, string>) {
  const first = twilioFixtures.callStatus(params);
  const shared = pick(first, [
    'CallSid',
    'AccountSid',
    'From',
    'To',
    'Caller',
    'Called',
    'Direction',
  ]);
  const start = Date.now();
  return statuses.map((status, step) =>
    twilioFixtures.callStatus({
      ...params,
      ...shared,
      CallStatus: status,
      SequenceNumber: String(step),
      Timestamp: rfc2822(new Date(start + step * 2000)),
    }),
  );
}

function pick(params: Record<string, string>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((key) => key in params).map((key) => [key, params[key]]));
}

/** Fisher–Yates. */
function shuffleInPlace<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/** A small seeded generator (mulberry32), so that a shuffled run can be replayed with --seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
