import { CONVERSATION_STATES, type ConversationState } from '../enums/conversations.enums.js';
import type { OpenEnum } from '../enums/open-enum.js';
import { TwilioField } from '../fields/twilio-field.decorator.js';
import { ConversationsEvent } from './conversations-event.dto.js';

/**
 * `onConversationStateUpdated`.
 * @publicApi
 */
export class ConversationsStateEvent extends ConversationsEvent {
  /** When the state changed. */
  @TwilioField('date') readonly StateUpdated?: Date;
  /** Previous state. */
  @TwilioField('enum', { values: CONVERSATION_STATES })
  readonly StateFrom?: OpenEnum<ConversationState>;
  /** New state. */
  @TwilioField('enum', { values: CONVERSATION_STATES })
  readonly StateTo?: OpenEnum<ConversationState>;
  /** What changed it: `API`, `TIMER` or `EVENT`. */
  @TwilioField('string') readonly Reason?: string;
}
