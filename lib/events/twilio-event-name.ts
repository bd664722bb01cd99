// Wire values Twilio documents today. Every union stays open (`string & {}`): Twilio adds values
// without notice, and a handler for a new value must still be writable.
type Open<T extends string> = T | (string & {});

type MessageStatus =
  | 'accepted'
  | 'scheduled'
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'read'
  | 'failed'
  | 'undelivered'
  | 'canceled'
  | 'receiving'
  | 'received'
  | 'partially_delivered';

type CallStatus =
  | 'queued'
  | 'initiated'
  | 'ringing'
  | 'in-progress'
  | 'completed'
  | 'busy'
  | 'no-answer'
  | 'failed'
  | 'canceled';

type RecordingStatus = 'in-progress' | 'completed' | 'absent' | 'failed';

type ConferenceEvent =
  | 'conference-start'
  | 'conference-end'
  | 'participant-join'
  | 'participant-leave'
  | 'participant-mute'
  | 'participant-unmute'
  | 'participant-hold'
  | 'participant-unhold'
  | 'participant-modify'
  | 'participant-speech-start'
  | 'participant-speech-stop'
  | 'announcement-end'
  | 'announcement-fail';

type ConversationsEvent =
  | 'onMessageAdd'
  | 'onMessageAdded'
  | 'onMessageUpdate'
  | 'onMessageUpdated'
  | 'onMessageRemove'
  | 'onMessageRemoved'
  | 'onConversationAdd'
  | 'onConversationAdded'
  | 'onConversationUpdate'
  | 'onConversationUpdated'
  | 'onConversationRemove'
  | 'onConversationRemoved'
  | 'onConversationStateUpdated'
  | 'onParticipantAdd'
  | 'onParticipantAdded'
  | 'onParticipantUpdate'
  | 'onParticipantUpdated'
  | 'onParticipantRemove'
  | 'onParticipantRemoved'
  | 'onDeliveryUpdated'
  | 'onUserAdded'
  | 'onUserUpdate'
  | 'onUserUpdated';

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
  | `transcription.${Open<'completed' | 'failed'>}`
  | `conference.${Open<ConferenceEvent>}`
  | `debugger.${Open<'error' | 'warning'>}`
  | `stream.${string}`
  | `conversations.${Open<ConversationsEvent>}`;

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
