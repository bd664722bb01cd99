import type {
  CallStatusCallback,
  CloudEvent,
  ConferenceStatusCallback,
  ConversationsWebhookEvent,
  DebuggerEvent,
  DialAction,
  GatherAction,
  InboundCall,
  InboundMessage,
  MessageStatusCallback,
  RecordAction,
  RecordingStatusCallback,
  TranscriptionCallback,
} from '../payloads/dto/index.js';

/**
 * The payload class each family of events carries, keyed by the family's name prefix. Read it
 * through `TwilioEventPayload<'message.status.failed'>`.
 * @publicApi
 */
export interface TwilioEventPayloads {
  'message.inbound': InboundMessage;
  'message.status': MessageStatusCallback;
  'call.inbound': InboundCall;
  'call.status': CallStatusCallback;
  'call.gather': GatherAction;
  'call.record': RecordAction;
  'call.dial': DialAction;
  'recording.status': RecordingStatusCallback;
  transcription: TranscriptionCallback;
  conference: ConferenceStatusCallback;
  /** A Debugger alert, with its `Payload` document parsed. */
  debugger: DebuggerEvent;
  /** One Event Streams event (CloudEvents 1.0): the handler gets the whole envelope. */
  stream: CloudEvent;
  conversations: ConversationsWebhookEvent;
}

type P = TwilioEventPayloads;

/**
 * The payload type of an event name or pattern, for a handler's first parameter; `unknown` for
 * patterns that span several families.
 * @publicApi
 * @example
 * @OnTwilioEvent('message.status.failed')
 * onFailure(event: TwilioEventPayload<'message.status.failed'>, ctx: TwilioEventContext) {}
 */
export type TwilioEventPayload<N extends string> = N extends 'message.inbound'
  ? P['message.inbound']
  : N extends `message.status.${string}`
    ? P['message.status']
    : N extends 'call.inbound'
      ? P['call.inbound']
      : N extends `call.status.${string}`
        ? P['call.status']
        : N extends 'call.gather' | 'call.record' | 'call.dial'
          ? P[N]
          : N extends `recording.status.${string}`
            ? P['recording.status']
            : N extends `transcription.${string}`
              ? P['transcription']
              : N extends `conference.${string}`
                ? P['conference']
                : N extends `debugger.${string}`
                  ? P['debugger']
                  : N extends `stream.${string}`
                    ? P['stream']
                    : N extends `conversations.${string}`
                      ? P['conversations']
                      : unknown;
