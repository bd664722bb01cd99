// Conversations value sets (reference §13). Every list is open: see `OpenEnum`.

/**
 * `EventType` of a Conversations webhook: pre-action (`onMessageAdd`, …) and post-action
 * (`onMessageAdded`, …) events.
 * @publicApi
 */
export const CONVERSATIONS_EVENT_TYPES = [
  'onMessageAdd',
  'onMessageAdded',
  'onMessageUpdate',
  'onMessageUpdated',
  'onMessageRemove',
  'onMessageRemoved',
  'onConversationAdd',
  'onConversationAdded',
  'onConversationUpdate',
  'onConversationUpdated',
  'onConversationRemove',
  'onConversationRemoved',
  'onConversationStateUpdated',
  'onParticipantAdd',
  'onParticipantAdded',
  'onParticipantUpdate',
  'onParticipantUpdated',
  'onParticipantRemove',
  'onParticipantRemoved',
  'onDeliveryUpdated',
  'onUserAdded',
  'onUserUpdate',
  'onUserUpdated',
] as const;

/** @publicApi */
export type ConversationsEventType = (typeof CONVERSATIONS_EVENT_TYPES)[number];

/**
 * `State`, `StateFrom` and `StateTo` of a conversation.
 * @publicApi
 */
export const CONVERSATION_STATES = ['active', 'inactive', 'closed'] as const;

/** @publicApi */
export type ConversationState = (typeof CONVERSATION_STATES)[number];

/**
 * `Status` of an `onDeliveryUpdated` delivery receipt.
 * @publicApi
 */
export const CONVERSATIONS_DELIVERY_STATUSES = [
  'sent',
  'delivered',
  'read',
  'failed',
  'undelivered',
] as const;

/** @publicApi */
export type ConversationsDeliveryStatus = (typeof CONVERSATIONS_DELIVERY_STATUSES)[number];

/**
 * `MessagingBinding.Type` of a participant.
 * @publicApi
 */
export const CONVERSATIONS_BINDING_TYPES = ['SMS', 'CHAT', 'WHATSAPP'] as const;

/** @publicApi */
export type ConversationsBindingType = (typeof CONVERSATIONS_BINDING_TYPES)[number];
