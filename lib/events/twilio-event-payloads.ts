// Payload types per event family, for typed handlers. They keep Twilio's PascalCase wire names and
// stay loose (any other field is `unknown`) so that they describe the payload before and after
// the DTO transformation (`SequenceNumber` may be a string or a number, for instance).

/** Any further field Twilio sends. */
interface WireFields {
  readonly [field: string]: unknown;
}

/**
 * The payload each family of events carries, keyed by the family's name prefix. Read it through
 * `TwilioEventPayload<'message.status.failed'>`.
 * @publicApi
 */
export interface TwilioEventPayloads {
  'message.inbound': WireFields & {
    readonly MessageSid: string;
    readonly AccountSid: string;
    readonly From: string;
    readonly To: string;
    readonly Body?: string;
  };
  'message.status': WireFields & {
    readonly MessageSid: string;
    readonly MessageStatus: string;
    readonly AccountSid: string;
    readonly ErrorCode?: unknown;
  };
  'call.inbound': WireFields & {
    readonly CallSid: string;
    readonly AccountSid: string;
    readonly From: string;
    readonly To: string;
    readonly CallStatus: string;
  };
  'call.status': WireFields & {
    readonly CallSid: string;
    readonly CallStatus: string;
    readonly AccountSid: string;
    readonly SequenceNumber?: unknown;
  };
  /** The action callback of `<Gather>`, `<Record>` or `<Dial>`. */
  'call.action': WireFields & { readonly CallSid: string; readonly AccountSid: string };
  'recording.status': WireFields & {
    readonly RecordingSid: string;
    readonly RecordingStatus: string;
    readonly AccountSid: string;
    readonly RecordingUrl?: string;
  };
  transcription: WireFields & {
    readonly TranscriptionSid: string;
    readonly TranscriptionStatus: string;
    readonly TranscriptionText?: string;
  };
  conference: WireFields & {
    readonly ConferenceSid: string;
    readonly StatusCallbackEvent: string;
    readonly SequenceNumber?: unknown;
  };
  /** A Debugger alert; `Payload` is the alert's JSON document. */
  debugger: WireFields & {
    readonly Sid: string;
    readonly AccountSid: string;
    readonly Level: string;
    readonly Payload?: unknown;
  };
  /** One Event Streams event (CloudEvents 1.0): the handler gets the whole envelope. */
  stream: WireFields & {
    readonly id: string;
    readonly type: string;
    readonly source?: string;
    readonly time?: string;
    readonly data?: unknown;
  };
  conversations: WireFields & { readonly EventType: string; readonly AccountSid: string };
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
          ? P['call.action']
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
