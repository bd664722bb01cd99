import { resolveEventOptions } from './events/twilio-event-options.resolver.js';
import type { ResolvedTwilioWebhookOptions } from './interfaces/resolved-twilio-options.interface.js';
import type { TwilioWebhookModuleOptions } from './interfaces/twilio-webhook-options.interface.js';
import {
  BAD_AUTH_TOKEN,
  BAD_BASIC_AUTH,
  BAD_PUBLIC_URL,
  BAD_RESOLVER,
  BAD_SHARED_KEYS,
  NO_AUTH_TOKEN,
} from './twilio-webhook.messages.js';

/**
 * Checks the user's options and merges the defaults, once, at start-up. Throws an `Error` whose
 * message says what to fix, so that a misconfigured app does not boot.
 */
export function resolveTwilioWebhookOptions(
  options: TwilioWebhookModuleOptions = {},
): ResolvedTwilioWebhookOptions {
  const validateSignature = options.validateSignature !== false;
  const authTokens = toTokenList(options.authToken);
  if (options.resolveAuthToken !== undefined && typeof options.resolveAuthToken !== 'function') {
    throw new Error(BAD_RESOLVER());
  }
  if (validateSignature && authTokens.length === 0 && !options.resolveAuthToken) {
    throw new Error(NO_AUTH_TOKEN());
  }
  return {
    authTokens,
    resolveAuthToken: options.resolveAuthToken,
    publicUrl: publicUrlOf(options),
    trustProxy: options.trustProxy === true,
    validateSignature,
    basicAuth: options.basicAuth === undefined ? undefined : checkBasicAuth(options.basicAuth),
    sharedKeys: toSharedKeys(options.sharedKeys),
    rejectionLogLevel: process.env.NODE_ENV === 'production' ? 'debug' : 'warn',
    ...resolveEventOptions(options),
  };
}

function toTokenList(value: TwilioWebhookModuleOptions['authToken']): string[] {
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  if (list.some((token) => typeof token !== 'string' || token.length === 0)) {
    throw new Error(BAD_AUTH_TOKEN());
  }
  return [...new Set(list)];
}

/** `publicUrl`, else `TWILIO_WEBHOOK_PUBLIC_URL` (a tunnel's URL in local development). */
function publicUrlOf(options: TwilioWebhookModuleOptions) {
  const value = options.publicUrl ?? (process.env.TWILIO_WEBHOOK_PUBLIC_URL || undefined);
  return value === undefined ? undefined : parsePublicUrl(value);
}

/** Splits `publicUrl` into an origin and a path prefix; the request's path is appended to them. */
export function parsePublicUrl(value: unknown): { origin: string; pathPrefix: string } {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(BAD_PUBLIC_URL(value, 'it must be a non-empty string'));
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(BAD_PUBLIC_URL(value, 'it is not an absolute URL'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(BAD_PUBLIC_URL(value, 'the scheme must be https or http'));
  }
  if (url.username || url.password) {
    throw new Error(BAD_PUBLIC_URL(value, 'credentials go in basicAuth, not in publicUrl'));
  }
  if (url.search || url.hash || value.includes('?') || value.includes('#')) {
    throw new Error(BAD_PUBLIC_URL(value, 'it must not carry a query string or a fragment'));
  }
  // Keep the path as the user wrote it (no re-encoding): Twilio signs the exact characters.
  const afterOrigin = value.trim().slice(value.trim().indexOf('//') + 2);
  const slash = afterOrigin.indexOf('/');
  const pathPrefix = slash === -1 ? '' : afterOrigin.slice(slash).replace(/\/+$/, '');
  return { origin: url.origin, pathPrefix };
}

function checkBasicAuth(value: TwilioWebhookModuleOptions['basicAuth']) {
  if (
    !value ||
    typeof value.username !== 'string' ||
    typeof value.password !== 'string' ||
    value.username === '' ||
    value.password === ''
  ) {
    throw new Error(BAD_BASIC_AUTH());
  }
  return { username: value.username, password: value.password, realm: value.realm ?? 'Twilio' };
}

function toSharedKeys(value: Record<string, string> | undefined): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [id, secret] of Object.entries(value ?? {})) {
    if (typeof secret !== 'string' || secret === '') throw new Error(BAD_SHARED_KEYS(id));
    keys.set(id, secret);
  }
  return keys;
}
