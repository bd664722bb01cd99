import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  Optional,
  UnauthorizedException,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import { validateRequestWithBody } from 'twilio/lib/webhooks/webhooks.js';
import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import {
  IDEMPOTENCY_HEADER,
  SIGNATURE_HEADER,
  SIGNATURE_SETTINGS_HEADER,
  TWILIO_WEBHOOK_OPTIONS,
} from '../twilio-webhook.constants.js';
import { TwilioRouteResponder } from '../twiml/twilio-route.responder.js';
import { basicCredentialsMatch } from './basic-auth.js';
import { headerIn, headerValue, type WebhookHttpRequest } from './http-request.js';
import { isThenable } from '../promises.js';
import { emptyParams } from './form-params.js';
import { formSignatureMatches } from './form-signature.js';
import { readWebhookBody, type WebhookBody } from './webhook-body.js';
import {
  isSharedKeyAlgorithm,
  parseSignatureSettings,
  sharedKeySignature,
  signaturesMatch,
} from './shared-key-signature.js';
import type { TwilioParams, TwilioRequestState } from './twilio-request-state.interface.js';
import { UNSIGNED_BODY } from '../twilio-webhook.messages.js';
import { describeRejection } from './signature-rejection.js';
import { recordVerifiedRequest, verifiedRequestOf } from './verified-requests.js';
import { urlVariants, webhookUrlOf } from './webhook-url.js';

/**
 * Lets a request through only when it carries a valid Twilio signature (and, when configured,
 * the Basic credentials). The route decorators apply it; it also works alone with
 * `@UseGuards(TwilioSignatureGuard)`. Subclass it and override `getAuthTokens`, `getPublicUrl`
 * or `getParams` to change how a request is read.
 *
 * @publicApi
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  protected readonly logger = new Logger('TwilioSignatureGuard');

  constructor(
    @Inject(TWILIO_WEBHOOK_OPTIONS) protected readonly options: ResolvedTwilioWebhookOptions,
    @Optional() private readonly responder?: TwilioRouteResponder,
  ) {}

  /**
   * Returns without a promise when nothing needs waiting for (the body is in memory and the
   * tokens are fixed), which saves every webhook a few promise hops.
   */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    // The arguments of an HTTP context, read directly: `switchToHttp()` allocates three closures.
    const req = context.getArgByIndex<WebhookHttpRequest>(0);
    if (verifiedRequestOf(req)) return true; // already checked by a guard earlier in the chain
    this.checkBasicAuth(req, context.getArgByIndex<ResponseWithHeader>(1));
    const url = this.getPublicUrl(req);
    const body = this.getParams(req, url);
    return isThenable(body)
      ? body.then((read) => this.checkBody(req, url, read))
      : this.checkBody(req, url, body);
  }

  /** The URL Twilio signed for this request. */
  protected getPublicUrl(req: WebhookHttpRequest): string {
    return webhookUrlOf(req, this.options);
  }

  /** The signed parameters (form or query string), or the raw bytes of a JSON webhook. */
  protected getParams(req: WebhookHttpRequest, url: string): WebhookBody | Promise<WebhookBody> {
    return readWebhookBody(req, url);
  }

  /** Tokens to try: those `resolveAuthToken` gives for the account first, then `authToken`. */
  protected getAuthTokens(
    _req: WebhookHttpRequest,
    accountSid: string | undefined,
  ): readonly string[] | Promise<readonly string[]> {
    const { resolveAuthToken, authTokens } = this.options;
    if (!resolveAuthToken || !accountSid) return authTokens;
    return Promise.resolve(resolveAuthToken(accountSid)).then((resolved) =>
      resolved ? [...(Array.isArray(resolved) ? resolved : [resolved]), ...authTokens] : authTokens,
    );
  }

  private checkBody(
    req: WebhookHttpRequest,
    url: string,
    body: WebhookBody,
  ): boolean | Promise<boolean> {
    if (body.kind === 'unsigned' && this.options.validateSignature) {
      this.reject(req, url, UNSIGNED_BODY(url));
    }
    const params: TwilioParams = body.kind === 'json' ? emptyParams() : body.params;
    const accountSid = firstString(params.AccountSid);
    if (!this.options.validateSignature) return this.accept(req, url, body, params, accountSid);
    const headers = req.headers;
    const signature = headerIn(headers, SIGNATURE_HEADER);
    if (!signature) {
      this.reject(req, url, 'no X-Twilio-Signature header: the request did not come from Twilio');
    }
    const settingsHeader = headerIn(headers, SIGNATURE_SETTINGS_HEADER);
    if (settingsHeader !== undefined) {
      const problem = this.verifySharedKey(settingsHeader, signature, url, body);
      if (problem) this.reject(req, url, problem);
      return this.accept(req, url, body, params, accountSid);
    }
    const check = (tokens: readonly string[]): boolean => {
      if (!tokens.some((token) => token && checkAccountSignature(token, signature, url, body))) {
        this.reject(req, url, 'signature mismatch');
      }
      return this.accept(req, url, body, params, accountSid);
    };
    const tokens = this.getAuthTokens(req, accountSid);
    return isThenable(tokens) ? tokens.then(check) : check(tokens);
  }

  /** Leaves what was verified on the request for the payload, the events and the reply. */
  private accept(
    req: WebhookHttpRequest,
    url: string,
    body: WebhookBody,
    params: TwilioParams,
    accountSid: string | undefined,
  ): true {
    const state: TwilioRequestState = {
      url,
      params,
      rawBody: body.kind === 'json' ? body.raw : undefined,
      json: body.kind === 'json' ? body.json : undefined,
      accountSid,
      idempotencyToken: headerIn(req.headers, IDEMPOTENCY_HEADER),
      receivedAt: new Date(),
      verified: this.options.validateSignature,
    };
    recordVerifiedRequest(req, state, this.responder);
    return true;
  }

  private reject(req: WebhookHttpRequest, url: string, problem: string): never {
    this.logRejection(req, url, problem);
    throw new ForbiddenException();
  }

  private verifySharedKey(
    header: string,
    signature: string,
    url: string,
    body: WebhookBody,
  ): string | undefined {
    const settings = parseSignatureSettings(header);
    if (!settings) return `unreadable ${SIGNATURE_SETTINGS_HEADER} header`;
    const secret = this.options.sharedKeys.get(settings.keyId);
    if (secret === undefined) return `unknown shared key id "${settings.keyId}" (see sharedKeys)`;
    if (!isSharedKeyAlgorithm(settings.algorithm)) {
      return `unsupported signing algorithm "${settings.algorithm}"`;
    }
    const params = signedParamsOf(body);
    const ok = urlVariants(url).some((candidate) =>
      signaturesMatch(
        signature,
        sharedKeySignature(secret, settings.algorithm as 'HMAC_SHA1', candidate, params),
      ),
    );
    if (!ok) return `signature mismatch (shared key "${settings.keyId}")`;
    if (body.kind === 'json' && !bodyHashMatches(url, body.raw)) return 'bodySHA256 mismatch';
    return undefined;
  }

  private checkBasicAuth(req: WebhookHttpRequest, res: ResponseWithHeader): void {
    const basic = this.options.basicAuth;
    if (!basic || basicCredentialsMatch(headerValue(req, 'authorization'), basic)) return;
    // Twilio sends credentials only after this challenge.
    res.header('WWW-Authenticate', `Basic realm="${basic.realm.replace(/"/g, '')}"`);
    throw new UnauthorizedException();
  }

  private logRejection(req: WebhookHttpRequest, url: string, problem: string): void {
    const text = describeRejection(req, url, problem, this.options, urlVariants(url));
    if (this.options.rejectionLogLevel === 'warn') this.logger.warn(text);
    else this.logger.debug(text);
  }
}

interface ResponseWithHeader {
  header(name: string, value: string): unknown;
}

function checkAccountSignature(
  token: string,
  signature: string,
  url: string,
  body: WebhookBody,
): boolean {
  try {
    if (body.kind !== 'json')
      return formSignatureMatches(token, signature, url, signedParamsOf(body));
    // The SDK hashes `Buffer.from(body)`: given the bytes themselves, nothing is re-encoded.
    return validateRequestWithBody(token, signature, url, body.raw as unknown as string);
  } catch {
    return false; // the SDK's `new URL()` throws on a URL no genuine request produces
  }
}

/** Form parameters are signed after the URL; a GET's query string is already in the URL. */
function signedParamsOf(body: WebhookBody): TwilioParams {
  return body.kind === 'form' ? body.params : {};
}

function bodyHashMatches(url: string, raw: Buffer): boolean {
  const expected = new URL(url).searchParams.get('bodySHA256') ?? '';
  return signaturesMatch(expected, createSha256Hex(raw));
}

function createSha256Hex(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}

function firstString(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
