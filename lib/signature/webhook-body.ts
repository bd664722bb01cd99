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
 * carry their parameters in the query string, which is already part of the signed URL.
 */
export async function readWebhookBody(req: WebhookHttpRequest, url: string): Promise<WebhookBody> {
  const query = queryOf(url);
  if (query.includes('bodySHA256=')) return readJsonBody(req, url);
  const contentType = headerValue(req, 'content-type')?.toLowerCase() ?? '';
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    return { kind: 'form', params: await readFormParams(req, url) };
  }
  const raw = await rawBodyOf(req);
  const hasBody = raw ? raw.length > 0 : !isEmptyBody(req.body);
  if (hasBody) return { kind: 'unsigned', params: parseFormParams(query) };
  return { kind: 'query', params: parseFormParams(query) };
}

async function readFormParams(req: WebhookHttpRequest, url: string): Promise<TwilioParams> {
  const raw = await rawBodyOf(req);
  if (raw) {
    if (tooManyParams(raw)) throw new PayloadTooLargeException();
    return parseFormParams(raw.toString('utf8'));
  }
  const flat = flatParamsOf(req.body);
  if (flat && Object.keys(flat).length > MAX_FORM_PARAMS) throw new PayloadTooLargeException();
  if (flat) return flat;
  logger.error(FORM_BODY_UNREADABLE(url));
  throw new InternalServerErrorException();
}

async function readJsonBody(req: WebhookHttpRequest, url: string): Promise<WebhookBody> {
  const raw = await rawBodyOf(req);
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
 * The request bytes: Nest's `rawBody` when kept, else the stream itself when no body parser
 * consumed it (Express leaves bodies of unknown content types unread). A body a text parser kept
 * as a string (Fastify's built-in `text/plain` one) is taken as its UTF-8 bytes: when that is not
 * what was sent, the `bodySHA256` check fails, so this can refuse a request but never admit one.
 */
async function rawBodyOf(req: WebhookHttpRequest): Promise<Buffer | undefined> {
  if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
  if (Buffer.isBuffer(req.body)) return req.body;
  if (typeof req.body === 'string') return Buffer.from(req.body, 'utf8');
  const stream = req.raw ?? (req as unknown as NodeJS.ReadableStream & { readableEnded?: boolean });
  const readable = stream as NodeJS.ReadableStream & {
    readableEnded?: boolean;
    readable?: boolean;
  };
  if (req.body !== undefined || !readable.readable || readable.readableEnded) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of readable) {
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

/** Whether a form body has more than `MAX_FORM_PARAMS` `&`-separated parts; stops early. */
function tooManyParams(raw: Buffer): boolean {
  let parts = 1;
  for (let at = raw.indexOf(0x26); at !== -1; at = raw.indexOf(0x26, at + 1)) {
    if (++parts > MAX_FORM_PARAMS) return true;
  }
  return false;
}
