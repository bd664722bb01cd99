import {
  RECORDING_SOURCES,
  RECORDING_STATUSES,
  RECORDING_TRACKS,
} from '../enums/recording.enums.js';
import type { RecordingSource, RecordingStatus, RecordingTrack } from '../enums/recording.enums.js';
import type { OpenEnum } from '../enums/open-enum.js';
import { TwilioField } from '../fields/twilio-field.decorator.js';

/**
 * A recording status callback (`recordingStatusCallback`, reference §7), for call and conference
 * recordings alike.
 * @publicApi
 * @example
 * @OnTwilioEvent('recording.status.completed')
 * ready(rec: RecordingStatusCallback) { return this.download(rec.RecordingUrl); }
 */
export class RecordingStatusCallback {
  /** Owning account. */
  @TwilioField('sid', { required: true, prefixes: ['AC'] }) readonly AccountSid!: string;
  /** The recording. */
  @TwilioField('sid', { required: true, prefixes: ['RE'] }) readonly RecordingSid!: string;
  /** Recorded call (for `<Dial>` always the parent leg); absent for conference recordings. */
  @TwilioField('sid', { prefixes: ['CA'] }) readonly CallSid?: string;
  /** Recorded conference. */
  @TwilioField('sid', { prefixes: ['CF'] }) readonly ConferenceSid?: string;
  /** Media location (Basic auth may be required). */
  @TwilioField('string') readonly RecordingUrl!: string;
  /** State for this event: `in-progress`, `completed`, `absent` (or `failed` per `<Record>`). */
  @TwilioField('enum', { values: RECORDING_STATUSES })
  readonly RecordingStatus!: OpenEnum<RecordingStatus>;
  /** Final length in seconds, after trimming (on `completed`). */
  @TwilioField('int') readonly RecordingDuration?: number;
  /** Channels in the stored file, `1` or `2`. */
  @TwilioField('int') readonly RecordingChannels?: number;
  /** When recording started (RFC 2822 on the wire). */
  @TwilioField('date') readonly RecordingStartTime?: Date;
  /** How the recording was created. */
  @TwilioField('enum', { values: RECORDING_SOURCES })
  readonly RecordingSource?: OpenEnum<RecordingSource>;
  /** Which audio track was recorded. */
  @TwilioField('enum', { values: RECORDING_TRACKS })
  readonly RecordingTrack?: OpenEnum<RecordingTrack>;
  /** Why a recording is `absent`; `0` on success in captured requests. */
  @TwilioField('int') readonly ErrorCode?: number;
}
