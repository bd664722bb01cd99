import { TwilioField } from '../fields/twilio-field.decorator.js';
import { ConversationsEvent } from './conversations-event.dto.js';

/**
 * `onMessageAdd(ed)`, `onMessageUpdate(d)`, `onMessageRemove(d)`.
 * @publicApi
 */
export class ConversationsMessageEvent extends ConversationsEvent {
  /** The conversation message (`IM…`). */
  @TwilioField('sid', { prefixes: ['IM'] }) readonly MessageSid?: string;
  /** Position of the message in the conversation. */
  @TwilioField('int') readonly Index?: number;
  /** Message text. */
  @TwilioField('string') readonly Body?: string;
  /** Author identity or address. */
  @TwilioField('string') readonly Author?: string;
  /** Author's participant (`MB…`). */
  @TwilioField('sid', { prefixes: ['MB'] }) readonly ParticipantSid?: string;
  /** Media descriptors (parsed from JSON). */
  @TwilioField('json') readonly Media?: Record<string, unknown>[];
}
