import { TRANSCRIPTION_STATUSES, type TranscriptionStatus } from '../enums/recording.enums.js';
import type { OpenEnum } from '../enums/open-enum.js';
import { TwilioField } from '../fields/twilio-field.decorator.js';
import { VoiceRequest } from './voice-request.dto.js';

/**
 * The `transcribeCallback` of `<Record transcribe="true">` (reference §9), with the call's
 * standard parameters.
 * @publicApi
 * @example
 * @OnTwilioEvent('transcription.completed')
 * text(t: TranscriptionCallback) { this.store(t.RecordingSid, t.TranscriptionText); }
 */
export class TranscriptionCallback extends VoiceRequest {
  /** The transcription. */
  @TwilioField('sid', { required: true, prefixes: ['TR'] }) readonly TranscriptionSid!: string;
  /** The text; may be empty when the transcription failed. */
  @TwilioField('string') readonly TranscriptionText!: string;
  /** `completed` or `failed`. */
  @TwilioField('enum', { values: TRANSCRIPTION_STATUSES })
  readonly TranscriptionStatus!: OpenEnum<TranscriptionStatus>;
  /** REST resource of the transcription. */
  @TwilioField('string') readonly TranscriptionUrl!: string;
  /** Source recording. */
  @TwilioField('sid', { prefixes: ['RE'] }) readonly RecordingSid!: string;
  /** Source recording URL. */
  @TwilioField('string') readonly RecordingUrl!: string;
  /** Seen as `fast` (undocumented). */
  @TwilioField('string') readonly TranscriptionType?: string;
  /** Echo of the callback URL (observed). */
  @TwilioField('string') readonly url?: string;
}
