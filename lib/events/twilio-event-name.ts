import type { CallStatus } from '../payloads/enums/call.enums.js';
import type { ConferenceEvent } from '../payloads/enums/conference.enums.js';
import type { ConversationsEventType } from '../payloads/enums/conversations.enums.js';
import type { MessageStatus } from '../payloads/enums/message.enums.js';
import type { OpenEnum as Open } from '../payloads/enums/open-enum.js';
import type { RecordingStatus, TranscriptionStatus } from '../payloads/enums/recording.enums.js';

// The wire values come from the payload enums. Every union stays open: Twilio adds values
// without notice, and a handler for a new value must still be writable.

/**
 * The name of an event on the bus: dot-separated, with Twilio's wire value as the last segment.
 * Conversations webhooks are named `conversations.<EventType>` with the `EventType` as sent
 * (`conversations.onMessageAdded`); Event Streams events `stream.<CloudEvent type>`, whose type
 * has dots of its own (match them with `stream.**`).
 * @publicApi
 */
export type TwilioEventName =
  | 'message.inbound'
  | `message.status.${Open<MessageStatus>}`
  | 'call.inbound'
  | `call.status.${Open<CallStatus>}`
  | 'call.gather'
  | 'call.record'
  | 'call.dial'
  | `recording.status.${Open<RecordingStatus>}`
  | `transcription.${Open<TranscriptionStatus>}`
  | `conference.${Open<ConferenceEvent>}`
  | `debugger.${Open<'error' | 'warning'>}`
  | `stream.${string}`
  | `conversations.${Open<ConversationsEventType>}`;

/**
 * What `@OnTwilioEvent()` accepts: an event name, or a pattern where `*` stands for one segment
 * and `**` for any number of them (`message.status.*`, `call.**`, `**`).
 * @publicApi
 */
export type TwilioEventPattern =
  | TwilioEventName
  | 'message.status.*'
  | 'message.**'
  | 'call.status.*'
  | 'call.*'
  | 'call.**'
  | 'recording.status.*'
  | 'transcription.*'
  | 'conference.*'
  | 'debugger.*'
  | 'stream.**'
  | 'conversations.*'
  | '**'
  | (string & {});
