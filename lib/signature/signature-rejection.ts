import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import { firstHeaderValue, type WebhookHttpRequest } from './http-request.js';

/**
 * The log line for a refused request: what was wrong, which URLs were tried, and the most likely
 * fix. Signature failures are nearly always a URL that differs from the one Twilio called.
 */
export function describeRejection(
  req: WebhookHttpRequest,
  url: string,
  problem: string,
  options: Pick<ResolvedTwilioWebhookOptions, 'publicUrl' | 'trustProxy'>,
  tried: readonly string[],
): string {
  const method = req.method ?? 'POST';
  return (
    `Refused Twilio webhook ${method} ${url}: ${problem}. URLs tried: ${tried.join(', ')}. ` +
    `Likely cause: ${likelyCause(req, url, problem, options)}`
  );
}

function likelyCause(
  req: WebhookHttpRequest,
  url: string,
  problem: string,
  options: Pick<ResolvedTwilioWebhookOptions, 'publicUrl' | 'trustProxy'>,
): string {
  if (problem.startsWith('no X-Twilio-Signature'))
    return 'a client other than Twilio called the route.';
  if (problem.includes('shared key') || problem.includes('algorithm')) {
    return 'the Webhook Setting signing this URL uses a key or algorithm not configured in sharedKeys.';
  }
  if (problem.includes('neither a form')) return 'a client other than Twilio called the route.';
  if (!options.publicUrl) {
    const forwarded =
      firstHeaderValue(req, 'x-forwarded-proto') ?? firstHeaderValue(req, 'x-forwarded-host');
    if (forwarded && !options.trustProxy) {
      return 'the app sits behind a proxy or tunnel that terminates TLS: set trustProxy: true or publicUrl.';
    }
    if (/^https?:\/\/(localhost|127\.|\[::1\])/i.test(url)) {
      return 'the request reached a local address (a tunnel such as ngrok?): set publicUrl to the public origin.';
    }
  }
  return (
    'the auth token is wrong (another account, a subaccount, or a rotated token), or the URL ' +
    'configured in Twilio differs from the URLs tried (scheme, host, port, path or query).'
  );
}
