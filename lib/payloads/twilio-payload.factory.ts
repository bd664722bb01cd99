import { BadRequestException, InternalServerErrorException, Logger } from '@nestjs/common';
import type { TwilioActionVerb, TwilioRouteKind } from '../decorators/twilio-route-kind.js';
import type { WebhookHttpRequest } from '../signature/http-request.js';
import type { TwilioRequestState } from '../signature/twilio-request-state.interface.js';
import { verifiedRequestOf } from '../signature/verified-requests.js';
import { TWILIO_ACTION_VERB, TWILIO_ROUTE_KIND } from '../twilio-webhook.constants.js';
import { CallStatusCallback } from './dto/call-status-callback.dto.js';
import { CloudEvent } from './dto/cloud-event.dto.js';
import { ConferenceStatusCallback } from './dto/conference-status-callback.dto.js';
import { conversationsClassOf } from './dto/conversations-webhook-event.js';
import { DebuggerEvent } from './dto/debugger-event.dto.js';
import { DialAction } from './dto/dial-action.dto.js';
import { GatherAction } from './dto/gather-action.dto.js';
import { InboundCall } from './dto/inbound-call.dto.js';
import { InboundMessage } from './dto/inbound-message.dto.js';
import { MessageStatusCallback } from './dto/message-status-callback.dto.js';
import { RecordAction } from './dto/record-action.dto.js';
import { RecordingStatusCallback } from './dto/recording-status-callback.dto.js';
import { TranscriptionCallback } from './dto/transcription-callback.dto.js';
import { createTwilioPayload, type TwilioPayloadClass } from './fields/twilio-payload.builder.js';
import { TwilioPayloadError } from './fields/twilio-payload.error.js';
import type { TwilioPayloadResult, TwilioPayloadType } from './twilio-payload-type.js';
import { resolvePayloadType } from './twilio-payload-type.resolver.js';

const logger = new Logger('TwilioPayload');

/** The class of each form payload type; Conversations pick theirs by `EventType`. */
const PAYLOAD_CLASSES: Partial<Record<TwilioPayloadType, TwilioPayloadClass>> = {
  'inbound-message': InboundMessage,
  'message-status': MessageStatusCallback,
  'inbound-call': InboundCall,
  'call-status': CallStatusCallback,
  gather: GatherAction,
  record: RecordAction,
  dial: DialAction,
  'recording-status': RecordingStatusCallback,
  transcription: TranscriptionCallback,
  conference: ConferenceStatusCallback,
  debugger: DebuggerEvent,
};

interface RouteInfo {
  readonly kind?: TwilioRouteKind;
  readonly verb?: TwilioActionVerb;
}
const ROUTES = new WeakMap<Function, RouteInfo>();

/**
 * The state the guard left on a request; `undefined` when the route is not guarded.
 * @publicApi
 */
export function getTwilioRequestState(req: object): TwilioRequestState | undefined {
  return verifiedRequestOf(req)?.state;
}

/**
 * Turns a verified request into its typed payload: the route kind (and, for action callbacks, the
 * verb) picks the class where it can, the parameters where one route serves several callbacks.
 * Event Streams deliveries become a `CloudEvent[]`, a single event included. Throws
 * `TwilioPayloadError` for a malformed field; unknown fields and values are kept.
 * @publicApi
 */
export function transformTwilioPayload(
  kind: TwilioRouteKind | undefined,
  state: TwilioRequestState,
  verb?: TwilioActionVerb,
): TwilioPayloadResult {
  const raw = state.params;
  if (state.rawBody) return { type: 'cloud-events', payload: cloudEventsOf(state.json), raw };
  const type = resolvePayloadType(kind, raw, verb);
  const cls = payloadClassOf(type, raw);
  const payload = cls ? createTwilioPayload(cls, raw) : { ...raw };
  return { type, payload, raw };
}

/**
 * The class of a form payload type (Conversations events pick theirs by `EventType`); `undefined`
 * for `'unknown'` and for Event Streams, whose events are `CloudEvent`s.
 */
export function payloadClassOf(
  type: TwilioPayloadType,
  raw: TwilioRequestState['params'],
): TwilioPayloadClass | undefined {
  return type === 'conversations'
    ? conversationsClassOf(String(raw.EventType))
    : PAYLOAD_CLASSES[type];
}

/**
 * The transformed payload of a guarded request, computed once and kept on the request (the
 * parameter decorator and the event bus share it). A malformed payload is logged with its raw
 * parameters and answered with 400 naming the field.
 */
export function payloadResultOf(req: WebhookHttpRequest, handler?: Function): TwilioPayloadResult {
  const verified = verifiedRequestOf(req);
  const cached = verified?.payload;
  if (cached instanceof BadRequestException) throw cached;
  if (cached) return cached;
  if (!verified) {
    logger.error(
      '@TwilioPayload() used on a route without TwilioSignatureGuard: use a Twilio route ' +
        'decorator or @UseGuards(TwilioSignatureGuard).',
    );
    throw new InternalServerErrorException();
  }
  const state = verified.state;
  const route = handler ? routeInfoOf(handler) : {};
  try {
    const result = transformTwilioPayload(route.kind, state, route.verb);
    verified.payload = result;
    return result;
  } catch (error) {
    if (!(error instanceof TwilioPayloadError)) throw error;
    const received = state.rawBody ? state.rawBody.toString('utf8') : JSON.stringify(state.params);
    logger.warn(`Malformed Twilio webhook ${state.url}: ${error.message}. Received: ${received}`);
    const refusal = new BadRequestException(`Malformed Twilio webhook: ${error.message}`);
    verified.payload = refusal;
    throw refusal;
  }
}

/**
 * What `@TwilioPayload()` hands a handler: the typed payload of the route's kind (an Event
 * Streams route: the `CloudEvent[]`).
 */
export function payloadOfRequest(req: WebhookHttpRequest, handler?: Function): unknown {
  return payloadResultOf(req, handler).payload;
}

function routeInfoOf(handler: Function): RouteInfo {
  let info = ROUTES.get(handler);
  if (!info) {
    info = {
      kind: Reflect.getMetadata(TWILIO_ROUTE_KIND, handler) as TwilioRouteKind | undefined,
      verb: Reflect.getMetadata(TWILIO_ACTION_VERB, handler) as TwilioActionVerb | undefined,
    };
    ROUTES.set(handler, info);
  }
  return info;
}

/** A single event or a batch, each element a CloudEvent object. */
function cloudEventsOf(json: unknown): CloudEvent[] {
  if (json === undefined) throw new TwilioPayloadError('body', 'is not valid JSON');
  const items = Array.isArray(json) ? json : [json];
  return items.map((item: unknown, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new TwilioPayloadError(`[${i}]`, 'is not a CloudEvent object');
    }
    try {
      return createTwilioPayload(CloudEvent, item as Record<string, unknown>);
    } catch (error) {
      throw error instanceof TwilioPayloadError ? error.within(`[${i}]`) : error;
    }
  });
}
