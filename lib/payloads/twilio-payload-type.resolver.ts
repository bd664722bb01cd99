import type { TwilioActionVerb, TwilioRouteKind } from '../decorators/twilio-route-kind.js';
import type { TwilioParams } from '../signature/twilio-request-state.interface.js';
import type { TwilioPayloadType } from './twilio-payload-type.js';

/**
 * The payload type of a form (or query) webhook. The route kind decides where it can, the
 * parameters where one route serves several callbacks; `'unknown'` only when nothing matches,
 * and never a reason to refuse the request.
 */
export function resolvePayloadType(
  kind: TwilioRouteKind | undefined,
  params: TwilioParams,
  verb?: TwilioActionVerb,
): TwilioPayloadType {
  switch (kind) {
    case 'inbound-message':
      return 'inbound-message';
    case 'inbound-call':
      return 'inbound-call';
    case 'debugger-event':
      return 'debugger';
    case 'action-callback':
      return verb ?? actionVerbOf(params) ?? 'unknown';
    case 'recording-status':
      return 'TranscriptionSid' in params || 'TranscriptionStatus' in params
        ? 'transcription'
        : 'recording-status';
    case 'status-callback':
      return statusTypeOf(params) ?? otherCallbackTypeOf(params) ?? 'unknown';
    default:
      return typeFromParams(params);
  }
}

/** `<Dial>` reports `DialCallStatus`, `<Record>` a recording, `<Gather>` digits or speech. */
function actionVerbOf(params: TwilioParams): TwilioActionVerb | undefined {
  if ('DialCallStatus' in params) return 'dial';
  if ('RecordingUrl' in params || 'RecordingDuration' in params) return 'record';
  if (
    'Digits' in params ||
    'SpeechResult' in params ||
    'FinishedOnKey' in params ||
    'UnstableSpeechResult' in params
  ) {
    return 'gather';
  }
  return undefined;
}

/** Status callbacks: conference, Conversations, message or call, in that order. */
function statusTypeOf(params: TwilioParams): TwilioPayloadType | undefined {
  if ('ConferenceSid' in params && 'StatusCallbackEvent' in params) return 'conference';
  // Message status callbacks carry an `EventType` too (`READ`); Conversations' all start with `on`.
  const eventType = params.EventType;
  if (typeof eventType === 'string' && /^on[A-Z]/.test(eventType)) return 'conversations';
  if ('MessageStatus' in params || ('SmsStatus' in params && 'MessageSid' in params))
    return 'message-status';
  if ('CallStatus' in params && 'CallSid' in params) return 'call-status';
  return undefined;
}

/** Callbacks that users may point at a status callback route as well. */
function otherCallbackTypeOf(params: TwilioParams): TwilioPayloadType | undefined {
  if ('PayloadType' in params && 'Level' in params && 'Sid' in params) return 'debugger';
  if ('TranscriptionSid' in params) return 'transcription';
  if ('RecordingStatus' in params && 'RecordingSid' in params) return 'recording-status';
  return undefined;
}

/** Any webhook, from its parameters alone (a route guarded with `@UseGuards` only). */
function typeFromParams(params: TwilioParams): TwilioPayloadType {
  const status = statusTypeOf(params);
  if (status === 'conference' || status === 'conversations') return status;
  const other = otherCallbackTypeOf(params);
  if (other) return other;
  if ('DialCallStatus' in params) return 'dial';
  if (status === 'message-status')
    return params.SmsStatus === 'received' ? 'inbound-message' : status;
  if (params.CallbackSource === 'call-progress-events') return 'call-status';
  if ('CallSid' in params) return actionVerbOf(params) ?? 'inbound-call';
  if ('MessageSid' in params && 'Body' in params) return 'inbound-message';
  return 'unknown';
}
