import { CONVERSATION_STATES, type ConversationState } from '../enums/conversations.enums.js';
import type { OpenEnum } from '../enums/open-enum.js';
import { TwilioField } from '../fields/twilio-field.decorator.js';
import { ConversationsEvent } from './conversations-event.dto.js';

/**
 * `onConversationAdd(ed)`, `onConversationUpdate(d)`, `onConversationRemove(d)`.
 * @publicApi
 */
export class ConversationsConversationEvent extends ConversationsEvent {
  /** Display name. */
  @TwilioField('string') readonly FriendlyName?: string;
  /** Application-defined unique name. */
  @TwilioField('string') readonly UniqueName?: string;
  /** `active`, `inactive` or `closed`. */
  @TwilioField('enum', { values: CONVERSATION_STATES })
  readonly State?: OpenEnum<ConversationState>;
  /** Twilio number or channel address the conversation uses. */
  @TwilioField('string') readonly 'MessagingBinding.ProxyAddress'?: string;
  /** Participant address; several for an auto-created group MMS. */
  @TwilioField('string', { repeated: true }) readonly 'MessagingBinding.Address'?:
    string | string[];
  /** Projected address of a group MMS participant. */
  @TwilioField('string') readonly 'MessagingBinding.ProjectedAddress'?: string;
  /** Address of the author of the first message. */
  @TwilioField('string') readonly 'MessagingBinding.AuthorAddress'?: string;
  /** `onConversationAdd`: body of the message that creates the conversation. */
  @TwilioField('string') readonly MessageBody?: string;
  /** `onConversationAdd`: media of that message (parsed from JSON). */
  @TwilioField('json') readonly Media?: Record<string, unknown>[];
}
