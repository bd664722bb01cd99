import type { ParseArgsConfig } from 'node:util';
import { CliUsageError, type CliIo } from './cli-io.js';

/** Options shared by every command that sends webhooks. */
export const SENDING_OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
  'public-url': { type: 'string' },
  param: { type: 'string', short: 'p', multiple: true },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** How to send: where, signed with what, with which parameters. */
export interface SendingOptions {
  readonly url: string;
  readonly token: string;
  /** Where the token came from, for error messages (never the token itself). */
  readonly tokenSource: string;
  readonly publicUrl?: string;
  readonly params: Record<string, string>;
  readonly timeoutMs: number;
}

type SendingValues = {
  url?: string;
  token?: string;
  'public-url'?: string;
  param?: string[];
  timeout?: string;
};

export function readSendingOptions(
  values: SendingValues,
  io: CliIo,
  command: string,
): SendingOptions {
  if (!values.url) throw new CliUsageError('--url is required: the endpoint to call.', command);
  checkUrl(values.url, '--url', command);
  const token = values.token ?? io.env.TWILIO_AUTH_TOKEN;
  if (!token) {
    throw new CliUsageError(
      'No auth token: pass --token or set TWILIO_AUTH_TOKEN to the token your app checks with.',
      command,
    );
  }
  const publicUrl = values['public-url'] ?? (io.env.TWILIO_WEBHOOK_PUBLIC_URL || undefined);
  if (publicUrl) checkUrl(publicUrl, '--public-url', command);
  return {
    url: values.url,
    token,
    tokenSource: values.token ? '--token' : 'TWILIO_AUTH_TOKEN',
    publicUrl,
    params: parseParams(values.param ?? [], command),
    timeoutMs: parseInteger(values.timeout, '--timeout', command, { min: 1, fallback: 15000 }),
  };
}

/** `Key=Value` pairs; `Key=` keeps an empty value, as Twilio sends many. */
export function parseParams(pairs: readonly string[], command: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliUsageError(`--param "${pair}" is not Key=Value.`, command);
    params[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return params;
}

export function parseInteger(
  value: string | undefined,
  name: string,
  command: string,
  {
    min = 0,
    max = Number.MAX_SAFE_INTEGER,
    fallback,
  }: { min?: number; max?: number; fallback: number },
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
    throw new CliUsageError(`${name} must be a whole number ${range}, not "${value}".`, command);
  }
  return Number(value);
}

function checkUrl(value: string, name: string, command: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliUsageError(`${name} "${value}" is not an absolute URL.`, command);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliUsageError(`${name} must be an http or https URL, not "${value}".`, command);
  }
}
