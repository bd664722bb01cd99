/**
 * A condition that makes Twilio retry a webhook: a 4xx or 5xx reply, a connect timeout (`ct`),
 * a read timeout (`rt`), or `all` of them.
 * @publicApi
 */
export type TwilioRetryPolicy = '4xx' | '5xx' | 'ct' | 'rt' | 'all';

/**
 * Twilio's public edge locations, and the Interconnect ones.
 * @publicApi
 */
export const TWILIO_EDGES = [
  'ashburn',
  'dublin',
  'frankfurt',
  'sao-paulo',
  'singapore',
  'sydney',
  'tokyo',
  'umatilla',
  'roaming',
  'ashburn-ix',
  'frankfurt-ix',
  'london-ix',
  'san-jose-ix',
  'singapore-ix',
  'sydney-ix',
  'tokyo-ix',
] as const;

/** @publicApi */
export type TwilioEdge = (typeof TWILIO_EDGES)[number];

/**
 * Per-URL connection overrides, written in the URL's fragment (`#ct=1000&rc=2`).
 * Ranges are Twilio's documented ones.
 * @publicApi
 */
export interface ConnectionOverrides {
  /** Connect timeout in ms, 100–10000. Twilio's default: 5000. */
  ct?: number;
  /** Read timeout in ms (first byte, and between packets), 100–15000. Default: 15000. */
  rt?: number;
  /** Total time for all attempts in ms, 100–15000. Default: 15000. */
  tt?: number;
  /** Retry count, 0–5. Default: 1. */
  rc?: number;
  /** When to retry. Default: `['ct', 'rt']`. */
  rp?: TwilioRetryPolicy | readonly TwilioRetryPolicy[];
  /** Egress edge location for the request. */
  e?: TwilioEdge;
}

/**
 * What a webhook URL is for. Twilio reads connection overrides on Messaging and Voice webhooks,
 * not on Conversations, Frontline or Event Streams sinks.
 * @publicApi
 */
export type TwilioWebhookTarget =
  'messaging' | 'voice' | 'conversations' | 'frontline' | 'event-streams';

const UNSUPPORTED_TARGETS: ReadonlySet<TwilioWebhookTarget> = new Set([
  'conversations',
  'frontline',
  'event-streams',
]);

const RANGES = { ct: [100, 10000], rt: [100, 15000], tt: [100, 15000], rc: [0, 5] } as const;
const RETRY_POLICIES: ReadonlySet<string> = new Set(['4xx', '5xx', 'ct', 'rt', 'all']);
const KEY_ORDER = ['ct', 'rt', 'tt', 'rc', 'rp', 'e'] as const;

/**
 * Adds connection overrides to a webhook URL as its fragment, after checking them against
 * Twilio's documented ranges. Overrides already in the URL are kept unless replaced. Twilio never
 * sends the fragment, so the signature is computed without it.
 *
 * @throws {RangeError} for a value out of range, {TypeError} for an unknown key or a target
 * where Twilio does not read overrides.
 * @publicApi
 * @example
 * withConnectionOverrides('https://example.com/twilio/status', { rc: 3, rp: ['5xx', 'ct'], tt: 12000 })
 * // 'https://example.com/twilio/status#tt=12000&rc=3&rp=5xx,ct'
 */
export function withConnectionOverrides(
  url: string,
  overrides: ConnectionOverrides,
  target: TwilioWebhookTarget = 'messaging',
): string {
  if (UNSUPPORTED_TARGETS.has(target)) {
    throw new TypeError(
      `Twilio does not support connection overrides on ${target} webhooks; ` +
        `configure ${target} URLs without a #fragment.`,
    );
  }
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  const existing = hash === -1 ? {} : parseConnectionOverrides(url);
  const merged: ConnectionOverrides = { ...existing, ...withoutUndefined(overrides) };
  checkConnectionOverrides(merged);
  const fragment = KEY_ORDER.filter((key) => merged[key] !== undefined)
    .map((key) => `${key}=${formatValue(key, merged[key])}`)
    .join('&');
  return fragment === '' ? base : `${base}#${fragment}`;
}

/**
 * Reads the connection overrides in a URL's fragment (validated).
 * @publicApi
 */
export function parseConnectionOverrides(url: string): ConnectionOverrides {
  const hash = url.indexOf('#');
  if (hash === -1) return {};
  const result: Record<string, unknown> = {};
  for (const pair of url.slice(hash + 1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = eq === -1 ? pair : pair.slice(0, eq);
    const value = eq === -1 ? '' : decodeURIComponent(pair.slice(eq + 1));
    if (key === 'rp') result.rp = value.split(',');
    else if (key === 'e') result.e = value;
    else if (key in RANGES) result[key] = /^\d+$/.test(value) ? Number(value) : value;
    else throw new TypeError(`"${key}" in ${url} is not a Twilio connection override.`);
  }
  checkConnectionOverrides(result as ConnectionOverrides);
  return result as ConnectionOverrides;
}

/**
 * Refuses a URL that carries overrides when the target does not support them (Event Streams
 * sinks, Conversations, Frontline): Twilio would not apply them.
 * @publicApi
 */
export function assertNoConnectionOverrides(url: string, target: TwilioWebhookTarget): void {
  if (url.includes('#')) {
    throw new TypeError(
      `${url}: Twilio does not support connection overrides (or any #fragment) on ${target} ` +
        `webhooks. Remove the fragment.`,
    );
  }
}

/** Checks every key and value; throws with what to fix. */
export function checkConnectionOverrides(overrides: ConnectionOverrides): void {
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if (key in RANGES) {
      const [min, max] = RANGES[key as keyof typeof RANGES];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        throw new RangeError(
          `Connection override ${key}=${String(value)} is out of range: Twilio accepts an integer ` +
            `from ${min} to ${max}.`,
        );
      }
    } else if (key === 'rp') {
      const policies: unknown[] = Array.isArray(value) ? value : [value];
      const bad = policies.find((p) => typeof p !== 'string' || !RETRY_POLICIES.has(p));
      if (policies.length === 0 || bad !== undefined) {
        throw new RangeError(
          `Connection override rp=${String(value)} is not a retry policy: use 4xx, 5xx, ct, rt or all.`,
        );
      }
    } else if (key === 'e') {
      if (!(TWILIO_EDGES as readonly unknown[]).includes(value)) {
        throw new RangeError(
          `Connection override e=${String(value)} is not a Twilio edge: use one of ${TWILIO_EDGES.join(', ')}.`,
        );
      }
    } else {
      throw new TypeError(`"${key}" is not a Twilio connection override (ct, rt, tt, rc, rp, e).`);
    }
  }
}

function formatValue(
  key: (typeof KEY_ORDER)[number],
  value: ConnectionOverrides[typeof key],
): string {
  if (key === 'rp') return [...new Set(Array.isArray(value) ? value : [value])].join(',');
  return String(value);
}

function withoutUndefined(overrides: ConnectionOverrides): ConnectionOverrides {
  return Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
}
