import { TwilioField } from '../fields/twilio-field.decorator.js';
import { ConversationsEvent } from './conversations-event.dto.js';

/**
 * `onUserAdded`, `onUserUpdate(d)`.
 * @publicApi
 */
export class ConversationsUserEvent extends ConversationsEvent {
  /** The user (`US…`). */
  @TwilioField('sid', { prefixes: ['US'] }) readonly UserSid?: string;
  /** Chat identity. */
  @TwilioField('string') readonly Identity?: string;
  /** Role of the user. */
  @TwilioField('sid', { prefixes: ['RL'] }) readonly RoleSid?: string;
  /** Display name. */
  @TwilioField('string') readonly FriendlyName?: string;
  /** `onUserUpdated`: whether the user is online. */
  @TwilioField('bool') readonly isOnline?: boolean;
  /** `onUserUpdated`: whether push notifications reach the user. */
  @TwilioField('bool') readonly isNotifiable?: boolean;
}
