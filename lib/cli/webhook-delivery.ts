import { STATUS_CODES } from 'node:http';
import {
  signTwilioRequest,
  unsignedPartsRemoved,
  type TwilioSigningParams,
} from '../testing/sign-twilio-request.js';

/** One webhook request to send, as Twilio would. */
export interface DeliveryRequest {
  /** Where to send it (may embed `user:pass@` for Basic auth). */
  readonly url: string;
  /** The origin (and path prefix) the app signs against, when it differs from `url`'s. */
  readonly publicUrl?: string;
  readonly authToken: string;
  readonly params?: TwilioSigningParams;
  readonly body?: unknown;
  readonly method?: 'POST' | 'GET';
  readonly idempotencyToken: string;
  readonly timeoutMs: number;
}

/** What came back, or why nothing did. */
export interface DeliveryResult {
  readonly signedUrl: string;
  readonly sentUrl: string;
  readonly ms: number;
  readonly status?: number;
  readonly statusText?: string;
  readonly contentType?: string;
  readonly text?: string;
  /** A network failure: `ECONNREFUSED`, `ENOTFOUND`, `TIMEOUT`, … */
  readonly error?: { readonly code: string; readonly message: string };
}

/** Signs and sends one webhook with the given `fetch`, never throwing for network failures. */
export async function deliverWebhook(
  fetchFn: typeof fetch,
  request: DeliveryRequest,
): Promise<DeliveryResult> {
  const { base, userInfo } = splitUserInfo(request.url);
  const signingBase = request.publicUrl
    ? request.publicUrl.replace(/\/+$/, '') + pathAndQueryOf(base)
    : base;
  const signingUrl = userInfo ? signingBase.replace('://', `://${userInfo}@`) : signingBase;
  const signed = signTwilioRequest({
    url: signingUrl,
    authToken: request.authToken,
    params: request.body === undefined ? (request.params ?? {}) : undefined,
    body: request.body,
    method: request.method,
    idempotencyToken: request.idempotencyToken,
  });
  const appended = signed.url.slice(unsignedPartsRemoved(signingUrl).length);
  const sentUrl = withoutFragment(base) + appended;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await fetchFn(sentUrl, {
      method: signed.method,
      headers: { 'User-Agent': 'TwilioProxy/1.1', 'X-Home-Region': 'us1', ...signed.headers },
      body: signed.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const text = await res.text();
    return {
      signedUrl: signed.url,
      sentUrl,
      ms: elapsed(),
      status: res.status,
      statusText: res.statusText || STATUS_CODES[res.status] || '',
      contentType: res.headers.get('content-type') ?? undefined,
      text,
    };
  } catch (error) {
    return { signedUrl: signed.url, sentUrl, ms: elapsed(), error: networkErrorOf(error) };
  }
}

/** A 2xx reply: Twilio counts the delivery as done. */
export function delivered(result: DeliveryResult): boolean {
  return result.status !== undefined && result.status >= 200 && result.status < 300;
}

/** What Twilio retries (with `#rp=5xx,ct,rt`): a 5xx, or no reply at all. */
export function retryable(result: DeliveryResult): boolean {
  return result.error !== undefined || (result.status !== undefined && result.status >= 500);
}

/** The status line: `200 OK (12 ms)` or `no reply: ECONNREFUSED`. */
export function statusLine(result: DeliveryResult): string {
  if (result.error) return `no reply: ${result.error.code} (${result.ms} ms)`;
  return `${result.status} ${result.statusText} (${result.ms} ms)`;
}

/**
 * Why a delivery failed and what to do about it; `undefined` when it succeeded.
 * `tokenSource` names where the token came from, for the signature hint.
 */
export function explainFailure(result: DeliveryResult, tokenSource: string): string | undefined {
  if (result.error) return explainNetworkError(result);
  const status = result.status ?? 0;
  if (status >= 200 && status < 300) return undefined;
  if (status === 403) {
    return (
      `403 Forbidden: signature mismatch. The app did not accept the signature computed for ` +
      `${result.signedUrl} with the auth token from ${tokenSource}. Likely fix: sign with the same ` +
      `auth token the app uses, and make the app see the same URL: set publicUrl (or ` +
      `TWILIO_WEBHOOK_PUBLIC_URL) in the app to the origin you call, or pass --public-url with ` +
      `the app's publicUrl; behind a tunnel or proxy, set trustProxy: true.`
    );
  }
  if (status === 401) {
    return (
      '401 Unauthorized: the app asks for HTTP Basic credentials (basicAuth). Put them in the ' +
      'URL, as in Twilio: https://user:pass@host/path.'
    );
  }
  if (status === 404) {
    return (
      `404 Not Found: no route at ${new URL(result.sentUrl).pathname}. Check the path and the ` +
      `app's global prefix; "twilio-webhooks routes" lists the webhook routes.`
    );
  }
  if (status >= 500) {
    return (
      `${status} ${result.statusText}: the app failed to handle the webhook (see its log). ` +
      `Twilio would retry it (with #rc and rp connection overrides) or call the fallback URL.` +
      bodyExcerpt(result.text)
    );
  }
  if (status >= 300 && status < 400) {
    return `${status} ${result.statusText}: a redirect. Configure Twilio with the final URL.`;
  }
  return `${status} ${result.statusText}: Twilio treats this reply as a failed delivery.${bodyExcerpt(result.text)}`;
}

function explainNetworkError(result: DeliveryResult): string {
  const code = result.error?.code ?? 'ERROR';
  const target = new URL(result.sentUrl).host;
  if (code === 'ECONNREFUSED') {
    return `Could not reach ${target}: connection refused. Is the app running and listening on that host and port?`;
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `Could not reach ${target}: the host name does not resolve. Check the URL (and that the tunnel is up).`;
  }
  if (code === 'TIMEOUT') {
    return `No reply from ${target} within the timeout: Twilio gives up after 15 s by default (less with #rt/#tt).`;
  }
  return `Could not reach ${target}: ${result.error?.message ?? code}.`;
}

function bodyExcerpt(text: string | undefined): string {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return '';
  return ` Reply body: ${trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed}`;
}

function networkErrorOf(error: unknown): { code: string; message: string } {
  const err = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return { code: 'TIMEOUT', message: 'the request timed out' };
  }
  const code = err?.cause?.code ?? (error as { code?: string })?.code ?? 'ERROR';
  return { code, message: err?.cause?.message ?? err?.message ?? String(error) };
}

function splitUserInfo(url: string): { base: string; userInfo?: string } {
  const match = /^(https?:\/\/)([^/?#@]*)@/i.exec(url);
  if (!match) return { base: url };
  return { base: match[1] + url.slice(match[0].length), userInfo: match[2] };
}

function pathAndQueryOf(url: string): string {
  const rest = withoutFragment(url).replace(/^https?:\/\/[^/?#]*/i, '');
  return rest === '' ? '/' : rest;
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
