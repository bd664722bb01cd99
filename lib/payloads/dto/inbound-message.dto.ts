import { MESSAGE_STATUSES, BUTTON_TYPES, OPT_OUT_TYPES } from '../enums/message.enums.js';
import type { ButtonType, MessageStatus, OptOutType } from '../enums/message.enums.js';
import type { OpenEnum } from '../enums/open-enum.js';
import type { MediaItem } from '../fields/media-item.js';
import { TwilioField } from '../fields/twilio-field.decorator.js';
import { TwilioGeoFields } from './twilio-geo-fields.dto.js';

const MESSAGE_SID = ['SM', 'MM'];

/**
 * An inbound SMS, MMS, WhatsApp or RCS message ("A message comes in", reference §1). Parameters
 * vary by channel; keys not declared here stay on the object as they arrived.
 * @publicApi
 * @example
 * @TwilioInboundMessage('sms')
 * reply(@TwilioPayload() sms: InboundMessage) {
 *   return new MessagingResponse().message(`${sms.media.length} attachment(s), ${sms.Body}`);
 * }
 */
export class InboundMessage extends TwilioGeoFields {
  /** The message (`SM…`, or `MM…` for media messages). */
  @TwilioField('sid', { required: true, prefixes: MESSAGE_SID }) readonly MessageSid!: string;
  /** Legacy duplicate of `MessageSid`. @deprecated use `MessageSid` */
  @TwilioField('sid', { prefixes: MESSAGE_SID }) readonly SmsSid?: string;
  /** Legacy duplicate of `MessageSid`. @deprecated use `MessageSid` */
  @TwilioField('sid', { prefixes: MESSAGE_SID }) readonly SmsMessageSid?: string;
  /** Account owning the receiving number or sender. */
  @TwilioField('sid', { required: true, prefixes: ['AC'] }) readonly AccountSid!: string;
  /** Messaging Service of the receiving sender, when it belongs to one. */
  @TwilioField('sid', { prefixes: ['MG'] }) readonly MessagingServiceSid?: string;
  /** Sender: E.164, or a channel address such as `whatsapp:+14155550100`. */
  @TwilioField('string') readonly From!: string;
  /** Receiving number or channel address. */
  @TwilioField('string') readonly To!: string;
  /** Text (up to 1600 characters); empty for a media-only message. */
  @TwilioField('string') readonly Body!: string;
  /** Number of media items (`0` when none). */
  @TwilioField('int') readonly NumMedia!: number;
  /** The media items, from `MediaUrl{N}` and `MediaContentType{N}` (those keys stay too). */
  @TwilioField('media') readonly media!: MediaItem[];
  /** SMS segments; `1` on channels other than SMS and MMS. */
  @TwilioField('int') readonly NumSegments?: number;
  /** Seen as `received` on every captured inbound message (undocumented). */
  @TwilioField('enum', { values: MESSAGE_STATUSES }) readonly SmsStatus?: OpenEnum<MessageStatus>;
  /** API version of the receiving resource, `2010-04-01`. */
  @TwilioField('string') readonly ApiVersion?: string;

  /** Postback id attached to the button the user tapped (WhatsApp, RCS). */
  @TwilioField('string') readonly ButtonPayload?: string;
  /** Visible label of the tapped button. */
  @TwilioField('string') readonly ButtonText?: string;
  /** Button category. */
  @TwilioField('enum', { values: BUTTON_TYPES }) readonly ButtonType?: OpenEnum<ButtonType>;
  /** Rich-response object, e.g. `{ flowResponse: {…} }` (parsed from JSON). */
  @TwilioField('json') readonly InteractiveData?: Record<string, unknown>;
  /** WhatsApp Flow completion payload (parsed from JSON). */
  @TwilioField('json') readonly FlowData?: unknown;
  /** Channel-side JSON as Twilio received it, e.g. `{ type: 'whatsapp', data: { context: … } }`. */
  @TwilioField('json') readonly ChannelMetadata?: Record<string, unknown>;
  /** Seen on WhatsApp as `text` or `interactive` (undocumented; other values possible). */
  @TwilioField('string') readonly MessageType?: string;

  /** Latitude of a shared location. */
  @TwilioField('decimal') readonly Latitude?: number;
  /** Longitude of a shared location. */
  @TwilioField('decimal') readonly Longitude?: number;
  /** Street address of a shared location. */
  @TwilioField('string') readonly Address?: string;
  /** Name of a shared location. */
  @TwilioField('string') readonly Label?: string;

  /** Sender's WhatsApp display name. */
  @TwilioField('string') readonly ProfileName?: string;
  /** Sender's WhatsApp id (usually the number without `+`). Not a SID. */
  @TwilioField('string') readonly WaId?: string;
  /** `true` when the WhatsApp message was forwarded. */
  @TwilioField('bool') readonly Forwarded?: boolean;
  /** `true` when WhatsApp flags the message as frequently forwarded. */
  @TwilioField('bool') readonly FrequentlyForwarded?: boolean;
  /** Sender of the message this one replies to (sent within the previous 7 days). */
  @TwilioField('string') readonly OriginalRepliedMessageSender?: string;
  /** The message this one replies to. */
  @TwilioField('sid', { prefixes: MESSAGE_SID }) readonly OriginalRepliedMessageSid?: string;
  /** WhatsApp business-scoped user id, when the user hides their number (secondary source). */
  @TwilioField('string') readonly ExternalUserId?: string;

  /** Click-to-WhatsApp ad: body text. */
  @TwilioField('string') readonly ReferralBody?: string;
  /** Click-to-WhatsApp ad: headline. */
  @TwilioField('string') readonly ReferralHeadline?: string;
  /** Click-to-WhatsApp ad: Meta id of the ad. */
  @TwilioField('string') readonly ReferralSourceId?: string;
  /** Click-to-WhatsApp ad: source type, e.g. `post` or `ad`. */
  @TwilioField('string') readonly ReferralSourceType?: string;
  /** Click-to-WhatsApp ad: link to the ad. */
  @TwilioField('string') readonly ReferralSourceUrl?: string;
  /** Click-to-WhatsApp ad: Meta id of the ad media (not a Twilio SID). */
  @TwilioField('string') readonly ReferralMediaId?: string;
  /** Click-to-WhatsApp ad: media content type. */
  @TwilioField('string') readonly ReferralMediaContentType?: string;
  /** Click-to-WhatsApp ad: media URL. */
  @TwilioField('string') readonly ReferralMediaUrl?: string;
  /** Number of ad media items; observed as `0` on ordinary messages too. */
  @TwilioField('int') readonly ReferralNumMedia?: number;
  /** Click id for Meta's Conversions API: the reliable "came from an ad" signal. */
  @TwilioField('string') readonly ReferralCtwaClid?: string;

  /** Opt-out keyword class matched by Advanced Opt-Out. */
  @TwilioField('enum', { values: OPT_OUT_TYPES }) readonly OptOutType?: OpenEnum<OptOutType>;
  /** Marketplace Add-on results (parsed from JSON). */
  @TwilioField('json') readonly AddOns?: Record<string, unknown>;
}
