import { MESSAGE_EVENT_TYPES, MESSAGE_STATUSES } from '../enums/message.enums.js';
import type { MessageEventType, MessageStatus } from '../enums/message.enums.js';
import type { OpenEnum } from '../enums/open-enum.js';
import { TwilioField } from '../fields/twilio-field.decorator.js';

const MESSAGE_SID = ['SM', 'MM'];

/**
 * An outbound message's status callback (reference §2). Callbacks arrive out of order and
 * sometimes twice; `MessageStatus` is the status when the callback was generated.
 * @publicApi
 * @example
 * @OnTwilioEvent('message.status.undelivered')
 * undelivered(status: MessageStatusCallback) { this.log(status.MessageSid, status.ErrorCode); }
 */
export class MessageStatusCallback {
  /** The outbound message. */
  @TwilioField('sid', { required: true, prefixes: MESSAGE_SID }) readonly MessageSid!: string;
  /** Legacy duplicate of `MessageSid`. @deprecated use `MessageSid` */
  @TwilioField('sid', { prefixes: MESSAGE_SID }) readonly SmsSid?: string;
  /** Status at the moment the callback was generated. */
  @TwilioField('enum', { values: MESSAGE_STATUSES })
  readonly MessageStatus!: OpenEnum<MessageStatus>;
  /** Legacy duplicate of `MessageStatus`. @deprecated use `MessageStatus` */
  @TwilioField('enum', { values: MESSAGE_STATUSES }) readonly SmsStatus?: OpenEnum<MessageStatus>;
  /** Owning account. */
  @TwilioField('sid', { required: true, prefixes: ['AC'] }) readonly AccountSid!: string;
  /** Sender used: E.164, `whatsapp:+…`, or `rcs:<sender>` when delivered over RCS. */
  @TwilioField('string') readonly From?: string;
  /** Recipient (present in captured callbacks, not in Twilio's table). */
  @TwilioField('string') readonly To?: string;
  /** `2010-04-01`. */
  @TwilioField('string') readonly ApiVersion?: string;
  /** Messaging Service used, for messages sent through one. */
  @TwilioField('sid', { prefixes: ['MG'] }) readonly MessagingServiceSid?: string;
  /** Twilio error code on `failed` and `undelivered`, e.g. `30003`. */
  @TwilioField('int') readonly ErrorCode?: number;
  /** Carrier delivery receipt "done date", `YYMMDDhhmm` as passed through, e.g. `2303222338`. */
  @TwilioField('string') readonly RawDlrDoneDate?: string;
  /** Installed channel that sent the message (WhatsApp, RCS, …). */
  @TwilioField('sid', { prefixes: ['XE'] }) readonly ChannelInstallSid?: string;
  /** Error text of the underlying channel when its delivery failed. */
  @TwilioField('string') readonly ChannelStatusMessage?: string;
  /** Channel identifier on channels other than SMS, e.g. `whatsapp`. */
  @TwilioField('string') readonly ChannelPrefix?: string;
  /** Post-delivery event on WhatsApp and RCS: `READ` (documented), `DELIVERED`, `UNDELIVERED`. */
  @TwilioField('enum', { values: MESSAGE_EVENT_TYPES })
  readonly EventType?: OpenEnum<MessageEventType>;
  /** Recipient without the channel prefix (WhatsApp; undocumented). */
  @TwilioField('string') readonly ChannelToAddress?: string;
  /** Seen on WhatsApp `sent` callbacks; meaning undocumented, kept as text. */
  @TwilioField('string') readonly StructuredMessage?: string;
  /** Only in third-party material, not in Twilio's table: do not rely on it. */
  @TwilioField('string') readonly ErrorMessage?: string;
}
