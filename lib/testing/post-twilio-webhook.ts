import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import { TWILIO_WEBHOOK_OPTIONS } from '../twilio-webhook.constants.js';
import {
  signTwilioRequest,
  unsignedPartsRemoved,
  type SignedTwilioRequest,
  type TwilioSigningParams,
} from './sign-twilio-request.js';

/**
 * What to send to a route: form parameters (`params`) or a JSON body (`body`), and how.
 * @publicApi
 */
export interface TwilioWebhookInput {
  /** Form parameters, e.g. `twilioFixtures.inboundMessage()`. */
  params?: TwilioSigningParams;
  /** A JSON body, e.g. `twilioFixtures.cloudEvents()`. */
  body?: unknown;
  /** @default 'POST' */
  method?: 'POST' | 'GET';
  /** Token to sign with. Defaults to the module's first `authToken`. */
  authToken?: string;
  /**
   * The full URL to sign, when the guard is customised. By default it is computed the way the
   * guard computes it: `publicUrl` + path, else `http://<host>` + path.
   */
  url?: string;
  /**
   * `Host` header sent (and signed, when there is no `publicUrl`).
   * @default 'localhost'
   */
  host?: string;
  /** `I-Twilio-Idempotency-Token`; a random one by default, `false` for none. */
  idempotencyToken?: string | false;
  /** Extra headers, e.g. to replay a proxy's `X-Forwarded-*`. */
  headers?: Readonly<Record<string, string>>;
}

/**
 * A webhook request signed for an app, with the path to send it to.
 * @publicApi
 */
export interface TwilioWebhookRequest extends SignedTwilioRequest {
  /** Path and query to request from the app's HTTP server. */
  readonly path: string;
}

/**
 * The reply, as supertest gives it.
 * @publicApi
 */
export interface TwilioWebhookResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  readonly body: unknown;
}

/**
 * Signs a webhook for a route of a Nest app the way the app's guard will check it. Use it with
 * any HTTP client; `postTwilioWebhook()` sends it with supertest.
 *
 * @publicApi
 * @example
 * const req = buildTwilioWebhookRequest(app, '/twilio/sms', { params: twilioFixtures.inboundMessage() });
 * await request(app.getHttpServer()).post(req.path).set(req.headers).send(req.body).expect(200);
 */
export function buildTwilioWebhookRequest(
  app: INestApplication,
  path: string,
  input: TwilioWebhookInput,
): TwilioWebhookRequest {
  if (!path.startsWith('/')) path = `/${path}`;
  const options = moduleOptionsOf(app);
  const host = input.host ?? 'localhost';
  const url = input.url ?? signedUrlFor(options, host, path);
  const authToken = input.authToken ?? options?.authTokens[0];
  if (!authToken) {
    throw new Error(
      'postTwilioWebhook: no auth token to sign with. Pass { authToken } or configure ' +
        'TwilioWebhookModule with authToken.',
    );
  }
  const idempotencyToken =
    input.idempotencyToken === false ? undefined : (input.idempotencyToken ?? randomUUID());
  const signed = signTwilioRequest({
    url,
    authToken,
    params: input.body === undefined ? (input.params ?? {}) : undefined,
    body: input.body,
    method: input.method,
    idempotencyToken,
  });
  const headers: Record<string, string> = {
    Host: host,
    'User-Agent': 'TwilioProxy/1.1',
    ...signed.headers,
    ...input.headers,
  };
  // GET parameters or `bodySHA256` were appended to the signed URL; the app sees them after the path.
  const appended = signed.url.slice(unsignedPartsRemoved(url).length);
  return { ...signed, headers, path: path + appended };
}

/**
 * Posts a signed webhook to a route of a Nest app, through supertest, on either HTTP adapter.
 *
 * @publicApi
 * @example
 * const res = await postTwilioWebhook(app, '/twilio/sms', {
 *   params: twilioFixtures.inboundMessage({ Body: 'hi' }),
 * });
 * expect(res.text).toContain('<Message>Got: hi</Message>');
 */
export async function postTwilioWebhook(
  app: INestApplication,
  path: string,
  input: TwilioWebhookInput = {},
): Promise<TwilioWebhookResponse> {
  const req = buildTwilioWebhookRequest(app, path, input);
  const request = await loadSupertest();
  const agent = request(app.getHttpServer());
  const test = req.method === 'GET' ? agent.get(req.path) : agent.post(req.path);
  test.set(req.headers);
  return req.body === undefined ? test : test.send(req.body);
}

/** The options of `TwilioWebhookModule`, if the app has it. */
function moduleOptionsOf(app: INestApplication): ResolvedTwilioWebhookOptions | undefined {
  try {
    return app.get<ResolvedTwilioWebhookOptions>(TWILIO_WEBHOOK_OPTIONS, { strict: false });
  } catch {
    return undefined;
  }
}

/** Mirrors the guard: `publicUrl` wins, else the plain HTTP connection and the `Host` header. */
function signedUrlFor(
  options: ResolvedTwilioWebhookOptions | undefined,
  host: string,
  path: string,
): string {
  if (options?.publicUrl) return options.publicUrl.origin + options.publicUrl.pathPrefix + path;
  return `http://${host}${path}`;
}

type Supertest = typeof import('supertest');

async function loadSupertest(): Promise<Supertest> {
  try {
    const module = (await import('supertest')) as unknown as { default?: Supertest };
    return module.default ?? (module as unknown as Supertest);
  } catch {
    throw new Error(
      'postTwilioWebhook sends requests with supertest: install it (npm i -D supertest), or sign ' +
        'with buildTwilioWebhookRequest() / signTwilioRequest() and use your own client.',
    );
  }
}
