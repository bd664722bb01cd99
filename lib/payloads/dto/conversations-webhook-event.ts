import { ConversationsConversationEvent } from './conversations-conversation-event.dto.js';
import { ConversationsDeliveryEvent } from './conversations-delivery-event.dto.js';
import { ConversationsEvent } from './conversations-event.dto.js';
import { ConversationsMessageEvent } from './conversations-message-event.dto.js';
import { ConversationsParticipantEvent } from './conversations-participant-event.dto.js';
import { ConversationsStateEvent } from './conversations-state-event.dto.js';
import { ConversationsUserEvent } from './conversations-user-event.dto.js';

/**
 * Any Conversations webhook; narrow on `instanceof` or `EventType`.
 * @publicApi
 */
export type ConversationsWebhookEvent =
  | ConversationsMessageEvent
  | ConversationsConversationEvent
  | ConversationsStateEvent
  | ConversationsParticipantEvent
  | ConversationsDeliveryEvent
  | ConversationsUserEvent
  | ConversationsEvent;

/** The class of a Conversations `EventType`; the base class for one this version does not know. */
export function conversationsClassOf(eventType: string): typeof ConversationsEvent {
  if (eventType.startsWith('onMessage')) return ConversationsMessageEvent;
  if (eventType === 'onConversationStateUpdated') return ConversationsStateEvent;
  if (eventType.startsWith('onConversation')) return ConversationsConversationEvent;
  if (eventType.startsWith('onParticipant')) return ConversationsParticipantEvent;
  if (eventType.startsWith('onDelivery')) return ConversationsDeliveryEvent;
  if (eventType.startsWith('onUser')) return ConversationsUserEvent;
  return ConversationsEvent;
}
