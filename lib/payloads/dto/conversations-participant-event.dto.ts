import {
  CONVERSATIONS_BINDING_TYPES,
  type ConversationsBindingType,
} from '../enums/conversations.enums.js';
import type { OpenEnum } from '../enums/open-enum.js';
import { TwilioField } from '../fields/twilio-field.decorator.js';
import { ConversationsEvent } from './conversations-event.dto.js';

/**
 * `onParticipantAdd(ed)`, `onParticipantUpdate(d)`, `onParticipantRemove(d)`.
 * @publicApi
 */
export class ConversationsParticipantEvent extends ConversationsEvent {
  /** The participant (`MB…`). */
  @TwilioField('sid', { prefixes: ['MB'] }) readonly ParticipantSid?: string;
  /** Chat identity of the participant. */
  @TwilioField('string') readonly Identity?: string;
  /** Role of the participant. */
  @TwilioField('sid', { prefixes: ['RL'] }) readonly RoleSid?: string;
  /** `onParticipantUpdated`: index of the last message read. */
  @TwilioField('int') readonly LastReadMessageIndex?: number;
  /** Twilio number or channel address the participant talks to. */
  @TwilioField('string') readonly 'MessagingBinding.ProxyAddress'?: string;
  /** Participant's own address. */
  @TwilioField('string', { repeated: true }) readonly 'MessagingBinding.Address'?:
    string | string[];
  /** Projected address (group MMS). */
  @TwilioField('string') readonly 'MessagingBinding.ProjectedAddress'?: string;
  /** `SMS`, `CHAT` or `WHATSAPP`. */
  @TwilioField('enum', { values: CONVERSATIONS_BINDING_TYPES })
  readonly 'MessagingBinding.Type'?: OpenEnum<ConversationsBindingType>;
}
