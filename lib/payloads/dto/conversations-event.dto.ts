import {
  CONVERSATIONS_EVENT_TYPES,
  type ConversationsEventType,
} from '../enums/conversations.enums.js';
import type { OpenEnum } from '../enums/open-enum.js';
import { TwilioField } from '../fields/twilio-field.decorator.js';

// Conversations webhooks (reference §13): form-encoded like the others, one class per event
// family, told apart by `EventType`. Dotted keys such as `MessagingBinding.Address` are literal
// form keys, kept as such.

/**
 * Fields of every Conversations webhook; also the class of an `EventType` this version does not
 * know.
 * @publicApi
 */
export class ConversationsEvent {
  /** Account. */
  @TwilioField('sid', { required: true, prefixes: ['AC'] }) readonly AccountSid!: string;
  /** Which action fired, e.g. `onMessageAdded` (post-action) or `onMessageAdd` (pre-action). */
  @TwilioField('enum', { required: true, values: CONVERSATIONS_EVENT_TYPES })
  readonly EventType!: OpenEnum<ConversationsEventType>;
  /** Origin of the action: `SDK`, `API` (documented) or `SMS` (observed). */
  @TwilioField('string') readonly Source?: string;
  /** Identity of the acting user (SDK-originated actions). */
  @TwilioField('string') readonly ClientIdentity?: string;
  /** Delivery attempt counter (observed). */
  @TwilioField('int') readonly RetryCount?: number;
  /** Webhook configuration that fired (observed). */
  @TwilioField('sid', { prefixes: ['WH'] }) readonly WebhookSid?: string;
  /** Webhook configuration type (observed). */
  @TwilioField('string') readonly WebhookType?: string;
  /** The conversation. */
  @TwilioField('sid', { prefixes: ['CH'] }) readonly ConversationSid?: string;
  /** Conversation service. */
  @TwilioField('sid', { prefixes: ['IS'] }) readonly ChatServiceSid?: string;
  /** Messaging Service of the conversation. */
  @TwilioField('sid', { prefixes: ['MG'] }) readonly MessagingServiceSid?: string;
  /** Creation time of the resource (ISO 8601 on the wire). */
  @TwilioField('date') readonly DateCreated?: Date;
  /** Last update of the resource. */
  @TwilioField('date') readonly DateUpdated?: Date;
  /** Removal time (`…Removed` events). */
  @TwilioField('date') readonly DateRemoved?: Date;
  /** Custom attributes (parsed from JSON). */
  @TwilioField('json') readonly Attributes?: Record<string, unknown>;
}
