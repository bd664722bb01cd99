import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/**
 * The parts of an Express request or a Fastify request that the guard reads; both adapters
 * provide `headers`, `method`, `body` and (with `rawBody: true`) `rawBody`.
 */
export interface WebhookHttpRequest {
  headers: IncomingHttpHeaders;
  method?: string;
  url?: string;
  /** Express keeps the URL as received here even when routers rewrite `url`. */
  originalUrl?: string;
  /** Fastify's underlying Node request. */
  raw?: IncomingMessage;
  socket?: IncomingMessage['socket'];
  body?: unknown;
  rawBody?: Buffer;
  [key: symbol]: unknown;
}

/** Path and query exactly as they appeared on the request line. */
export function pathAndQueryOf(req: WebhookHttpRequest): string {
  return req.originalUrl ?? req.raw?.url ?? req.url ?? '/';
}

/** `https` when the connection itself is TLS, else `http`. */
export function socketProtocolOf(req: WebhookHttpRequest): 'http' | 'https' {
  const socket = (req.raw?.socket ?? req.socket) as TLSSocket | undefined;
  return socket?.encrypted ? 'https' : 'http';
}

/** A header's first value: Node joins repeated headers, proxies append with commas. */
export function firstHeaderValue(req: WebhookHttpRequest, name: string): string | undefined {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined) return undefined;
  const comma = text.indexOf(',');
  return (comma === -1 ? text : text.slice(0, comma)).trim() || undefined;
}

/** A header as one string, or `undefined` when absent. */
export function headerValue(req: WebhookHttpRequest, name: string): string | undefined {
  return headerIn(req.headers, name);
}

/**
 * A header of a headers object as one string. Read `req.headers` once and use this for several
 * headers: on Express it is a getter found along a long chain of prototypes.
 */
export function headerIn(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
