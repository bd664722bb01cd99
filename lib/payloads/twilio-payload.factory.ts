import { InternalServerErrorException, Logger } from '@nestjs/common';
import type { TwilioRouteKind } from '../decorators/twilio-route-kind.js';
import type { WebhookHttpRequest } from '../signature/http-request.js';
import type { TwilioRequestState } from '../signature/twilio-request-state.interface.js';
import { TWILIO_REQUEST_STATE, TWILIO_ROUTE_KIND } from '../twilio-webhook.constants.js';
import type { TwilioPayloadResult } from './twilio-payload-type.js';

const logger = new Logger('TwilioPayload');
const RESULT = Symbol('twilio-payload-result');

/**
 * The state the guard left on a request; `undefined` when the route is not guarded.
 * @publicApi
 */
export function getTwilioRequestState(req: object): TwilioRequestState | undefined {
  return (req as WebhookHttpRequest)[TWILIO_REQUEST_STATE] as TwilioRequestState | undefined;
}

/**
 * Turns a verified request into its typed payload, by route kind and parameters.
 * (Placeholder: the typed DTOs replace this body; the signature stays.)
 */
export function transformTwilioPayload(
  kind: TwilioRouteKind | undefined,
  state: TwilioRequestState,
): TwilioPayloadResult {
  if (state.rawBody) {
    const json = state.json;
    return { type: 'cloud-events', payload: Array.isArray(json) ? json : [json] };
  }
  const p = state.params;
  if (kind === 'inbound-message') return { type: 'inbound-message', payload: p };
  if (kind === 'inbound-call') return { type: 'inbound-call', payload: p };
  if ('MessageStatus' in p) return { type: 'message-status', payload: p };
  if ('CallStatus' in p && kind === 'status-callback') return { type: 'call-status', payload: p };
  return { type: 'unknown', payload: p };
}

/** The transformed payload of a guarded request, computed once and kept on the request. */
export function payloadResultOf(req: WebhookHttpRequest, handler?: Function): TwilioPayloadResult {
  const cached = req[RESULT] as TwilioPayloadResult | undefined;
  if (cached) return cached;
  const state = getTwilioRequestState(req);
  if (!state) {
    logger.error(
      '@TwilioPayload() used on a route without TwilioSignatureGuard: use a Twilio route ' +
        'decorator or @UseGuards(TwilioSignatureGuard).',
    );
    throw new InternalServerErrorException();
  }
  const kind = handler ? (Reflect.getMetadata(TWILIO_ROUTE_KIND, handler) as TwilioRouteKind) : undefined;
  const result = transformTwilioPayload(kind, state);
  req[RESULT] = result;
  return result;
}

/** What `@TwilioPayload()` hands a handler: the typed payload (JSON routes: as sent). */
export function payloadOfRequest(req: WebhookHttpRequest, handler?: Function): unknown {
  const state = getTwilioRequestState(req);
  if (state?.rawBody) return state.json;
  return payloadResultOf(req, handler).payload;
}
