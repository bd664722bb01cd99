import {
  CONVERSATIONS_DELIVERY_STATUSES,
  type ConversationsDeliveryStatus,
} from '../enums/conversations.enums.js';
import type { OpenEnum } from '../enums/open-enum.js';
import { TwilioField } from '../fields/twilio-field.decorator.js';
import { ConversationsEvent } from './conversations-event.dto.js';

/**
 * `onDeliveryUpdated`: a delivery receipt changed.
 * @publicApi
 */
export class ConversationsDeliveryEvent extends ConversationsEvent {
  /** The conversation message (`IM…`). */
  @TwilioField('sid', { prefixes: ['IM'] }) readonly MessageSid?: string;
  /** The delivery receipt (`DY…`). */
  @TwilioField('sid', { prefixes: ['DY'] }) readonly DeliveryReceiptSid?: string;
  /** The message on the channel, e.g. `SM…` or `WA…`. */
  @TwilioField('sid') readonly ChannelMessageSid?: string;
  /** The recipient participant. */
  @TwilioField('sid', { prefixes: ['MB'] }) readonly ParticipantSid?: string;
  /** `sent`, `delivered`, `read`, `failed` or `undelivered`. */
  @TwilioField('enum', { values: CONVERSATIONS_DELIVERY_STATUSES })
  readonly Status?: OpenEnum<ConversationsDeliveryStatus>;
  /** Twilio error code of a failed delivery. */
  @TwilioField('int') readonly ErrorCode?: number;
}
