import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import {
  firstHeaderValue,
  pathAndQueryOf,
  socketProtocolOf,
  type WebhookHttpRequest,
} from './http-request.js';

/**
 * The URL Twilio requested, as it signed it: `publicUrl` wins; else, with `trustProxy`, the first
 * `X-Forwarded-Proto` / `X-Forwarded-Host`; else the connection's protocol and `Host`. The path
 * and query are kept exactly as received: re-encoding them would change what was signed.
 */
export function webhookUrlOf(
  req: WebhookHttpRequest,
  options: Pick<ResolvedTwilioWebhookOptions, 'publicUrl' | 'trustProxy'>,
): string {
  const pathAndQuery = pathAndQueryOf(req);
  if (options.publicUrl) {
    return options.publicUrl.origin + options.publicUrl.pathPrefix + pathAndQuery;
  }
  let protocol: string = socketProtocolOf(req);
  let host = firstHeaderValue(req, 'host') ?? 'localhost';
  if (options.trustProxy) {
    protocol = firstHeaderValue(req, 'x-forwarded-proto')?.toLowerCase() ?? protocol;
    host = firstHeaderValue(req, 'x-forwarded-host') ?? host;
  }
  return `${protocol}://${host}${pathAndQuery}`;
}

/** The query-string part of a URL, without `?` (and without a fragment, which is never signed). */
export function queryOf(url: string): string {
  const start = url.indexOf('?');
  if (start === -1) return '';
  const hash = url.indexOf('#', start);
  return hash === -1 ? url.slice(start + 1) : url.slice(start + 1, hash);
}

/**
 * The URL forms the SDK tries (as received, with and without the default port), for the log line
 * that explains a rejection.
 */
export function urlVariants(url: string): string[] {
  const match = /^(https?):\/\/([^/?#]*)(.*)$/i.exec(url);
  if (!match) return [url];
  const [, scheme, authority, rest] = match;
  const host = authority.replace(/:\d+$/, '');
  const port = scheme.toLowerCase() === 'https' ? '443' : '80';
  return [...new Set([url, `${scheme}://${host}${rest}`, `${scheme}://${host}:${port}${rest}`])];
}
