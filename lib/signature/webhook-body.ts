import { InternalServerErrorException, Logger, PayloadTooLargeException } from '@nestjs/common';
import { FORM_BODY_UNREADABLE, RAW_BODY_MISSING } from '../twilio-webhook.messages.js';
import { flatParamsOf, parseFormParams } from './form-params.js';
import { headerValue, type WebhookHttpRequest } from './http-request.js';
import type { TwilioParams } from './twilio-request-state.interface.js';
import { queryOf } from './webhook-url.js';

/**
 * What a webhook request carries: form parameters (signed after the URL), query-string parameters
 * only (a GET callback: the URL alone is signed), the bytes of a JSON body announced by
 * `bodySHA256`, or a body that no signature covers.
 */
export type WebhookBody =
  | { readonly kind: 'form'; readonly params: TwilioParams }
  | { readonly kind: 'query'; readonly params: TwilioParams }
  | { readonly kind: 'json'; readonly raw: Buffer; readonly json: unknown }
  | { readonly kind: 'unsigned'; readonly params: TwilioParams };

/** Largest body the guard reads itself when no body parser took it. */
export const MAX_UNPARSED_BODY_BYTES = 1024 * 1024;

/**
 * Most form parameters the guard parses and checks (413 beyond), counted as Express's body parser
 * counts them, so both adapters refuse the same bodies. Twilio sends well under a hundred; without
 * a cap, a 1 MiB body of tiny parameters costs the signature check about half a second of CPU.
 */
export const MAX_FORM_PARAMS = 1000;

const logger = new Logger('TwilioSignatureGuard');

/**
 * Reads the parameters Twilio signed. Form bodies are parsed from the raw bytes when the app keeps
 * them (`rawBody: true`), so extended parsing or repeated keys cannot alter them; GET callbacks
 * carry their parameters in the query string, which is already part of the signed URL. Returns
 * without a promise when the body is already in memory, as it is on every configured app: this
 * runs on every webhook.
 */
export function readWebhookBody(
  req: WebhookHttpRequest,
  url: string,
): WebhookBody | Promise<WebhookBody> {
  const kept = keptRawBody(req);
  if (kept === undefined && isUnread(req)) {
    return readBodyStream(req).then((raw) => webhookBodyOf(req, url, raw));
  }
  return webhookBodyOf(req, url, kept);
}

function webhookBodyOf(req: WebhookHttpRequest, url: string, raw: Buffer | undefined): WebhookBody {
  const query = queryOf(url);
  if (query.includes('bodySHA256=')) return jsonBodyOf(req, url, raw);
  const contentType = headerValue(req, 'content-type')?.toLowerCase() ?? '';
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    return { kind: 'form', params: formParamsOf(req, url, raw) };
  }
  const hasBody = raw ? raw.length > 0 : !isEmptyBody(req.body);
  return { kind: hasBody ? 'unsigned' : 'query', params: parseFormParams(query) };
}

function formParamsOf(req: WebhookHttpRequest, url: string, raw: Buffer | undefined): TwilioParams {
  if (raw) {
    const params = parseFormParams(raw.toString('utf8'), MAX_FORM_PARAMS);
    if (!params) throw new PayloadTooLargeException();
    return params;
  }
  const flat = flatParamsOf(req.body);
  if (flat && Object.keys(flat).length > MAX_FORM_PARAMS) throw new PayloadTooLargeException();
  if (flat) return flat;
  logger.error(FORM_BODY_UNREADABLE(url));
  throw new InternalServerErrorException();
}

function jsonBodyOf(req: WebhookHttpRequest, url: string, raw: Buffer | undefined): WebhookBody {
  if (!raw) {
    // Re-serialising the parsed JSON would not give back the signed bytes: fail closed.
    logger.error(RAW_BODY_MISSING(url));
    throw new InternalServerErrorException();
  }
  return { kind: 'json', raw, json: parseJson(req.body, raw) };
}

function parseJson(parsed: unknown, raw: Buffer): unknown {
  if (parsed !== undefined && !Buffer.isBuffer(parsed) && typeof parsed !== 'string') return parsed;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined; // the payload layer reports an unreadable body after the signature check
  }
}

/**
 * The request bytes when something kept them: Nest's `rawBody`, or a body parser that left a
 * Buffer or a string. A body a text parser kept as a string (Fastify's built-in `text/plain` one)
 * is taken as its UTF-8 bytes: when that is not what was sent, the `bodySHA256` check fails, so
 * this can refuse a request but never admit one.
 */
function keptRawBody(req: WebhookHttpRequest): Buffer | undefined {
  if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
  if (Buffer.isBuffer(req.body)) return req.body;
  if (typeof req.body === 'string') return Buffer.from(req.body, 'utf8');
  return undefined;
}

type BodyStream = NodeJS.ReadableStream & { readableEnded?: boolean; readable?: boolean };

function streamOf(req: WebhookHttpRequest): BodyStream {
  return (req.raw ?? req) as unknown as BodyStream;
}

/** No body parser consumed the body (Express leaves bodies of unknown content types unread). */
function isUnread(req: WebhookHttpRequest): boolean {
  const stream = streamOf(req);
  return req.body === undefined && stream.readable === true && !stream.readableEnded;
}

/** Reads an unparsed body from the stream itself, up to `MAX_UNPARSED_BODY_BYTES`. */
async function readBodyStream(req: WebhookHttpRequest): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of streamOf(req)) {
    size += (chunk as Buffer).length;
    if (size > MAX_UNPARSED_BODY_BYTES) throw new PayloadTooLargeException();
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks);
  req.rawBody = raw;
  return raw;
}

function isEmptyBody(body: unknown): boolean {
  if (body === undefined || body === null || body === '') return true;
  return typeof body === 'object' && Object.keys(body).length === 0;
}
