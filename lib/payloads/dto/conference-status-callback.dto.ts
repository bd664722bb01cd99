import {
  CONFERENCE_END_REASONS,
  CONFERENCE_EVENTS,
  PARTICIPANT_CALL_STATUSES,
  PARTICIPANT_LEFT_REASONS,
} from '../enums/conference.enums.js';
import type {
  ConferenceEndReason,
  ConferenceEvent,
  ParticipantCallStatus,
  ParticipantLeftReason,
} from '../enums/conference.enums.js';
import type { OpenEnum } from '../enums/open-enum.js';
import { TwilioField } from '../fields/twilio-field.decorator.js';

/**
 * A conference status callback (`<Conference statusCallback>`, reference §10). Participant fields
 * come with participant events only.
 * @publicApi
 * @example
 * @OnTwilioEvent('conference.participant-join')
 * joined(event: ConferenceStatusCallback) { this.roster.add(event.ConferenceSid, event.CallSid); }
 */
export class ConferenceStatusCallback {
  /** The conference. */
  @TwilioField('sid', { required: true, prefixes: ['CF'] }) readonly ConferenceSid!: string;
  /** Owning account. */
  @TwilioField('sid', { required: true, prefixes: ['AC'] }) readonly AccountSid!: string;
  /** What happened. */
  @TwilioField('enum', { values: CONFERENCE_EVENTS })
  readonly StatusCallbackEvent!: OpenEnum<ConferenceEvent>;
  /** The name given in `<Conference>NAME</Conference>`. */
  @TwilioField('string') readonly FriendlyName!: string;
  /** Order of the events of this conference. */
  @TwilioField('int') readonly SequenceNumber!: number;
  /** When the event happened (RFC 2822 on the wire). */
  @TwilioField('date') readonly Timestamp!: Date;
  /** The participant's call (participant and participant announcement events). */
  @TwilioField('sid', { prefixes: ['CA'] }) readonly CallSid?: string;
  /** Participant muted. */
  @TwilioField('bool') readonly Muted?: boolean;
  /** Participant on hold. */
  @TwilioField('bool') readonly Hold?: boolean;
  /** Participant is coaching another. */
  @TwilioField('bool') readonly Coaching?: boolean;
  /** Participant's `endConferenceOnExit`. */
  @TwilioField('bool') readonly EndConferenceOnExit?: boolean;
  /** Participant's `startConferenceOnEnter`. */
  @TwilioField('bool') readonly StartConferenceOnEnter?: boolean;
  /** Label given to the participant. */
  @TwilioField('string') readonly ParticipantLabel?: string;
  /** `conference-end`: participant whose exit ended the conference. */
  @TwilioField('sid', { prefixes: ['CA'] }) readonly CallSidEndingConference?: string;
  /** `conference-end`: label of that participant. */
  @TwilioField('string') readonly ParticipantLabelEndingConference?: string;
  /** `conference-end`: why it ended. */
  @TwilioField('enum', { values: CONFERENCE_END_REASONS })
  readonly ReasonConferenceEnded?: OpenEnum<ConferenceEndReason>;
  /** `conference-end`: human-readable reason. */
  @TwilioField('string') readonly Reason?: string;
  /** `announcement-fail`: why the announcement failed. */
  @TwilioField('string') readonly ReasonAnnouncementFailed?: string;
  /** Announcement events: the announcement URL. */
  @TwilioField('string') readonly AnnounceUrl?: string;
  /** `participant-leave`: the participant's call status. */
  @TwilioField('enum', { values: PARTICIPANT_CALL_STATUSES })
  readonly ParticipantCallStatus?: OpenEnum<ParticipantCallStatus>;
  /** `participant-leave`: why the participant left. */
  @TwilioField('enum', { values: PARTICIPANT_LEFT_REASONS })
  readonly ReasonParticipantLeft?: OpenEnum<ParticipantLeftReason>;
  /** Deprecated `conference-record-end` notification: its event name. */
  @TwilioField('string') readonly EventName?: string;
  /** Deprecated `conference-record-end`: recording URL. */
  @TwilioField('string') readonly RecordingUrl?: string;
  /** Deprecated `conference-record-end`: recording length in seconds. */
  @TwilioField('int') readonly Duration?: number;
  /** Deprecated `conference-record-end`: file size in bytes. */
  @TwilioField('int') readonly RecordingFileSize?: number;
}
