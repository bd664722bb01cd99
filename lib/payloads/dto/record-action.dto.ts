import { TwilioField } from '../fields/twilio-field.decorator.js';
import { VoiceRequest } from './voice-request.dto.js';

/**
 * The result of `<Record>`, sent to its `action` URL (reference §6).
 * @publicApi
 * @example
 * @TwilioActionCallback('voicemail', { verb: 'record' })
 * saved(@TwilioPayload() rec: RecordAction) { ... }
 */
export class RecordAction extends VoiceRequest {
  /** The recording (WAV by default; append `.mp3` for MP3). It may not be downloadable yet. */
  @TwilioField('string') readonly RecordingUrl!: string;
  /** Length in seconds, before silence trimming. */
  @TwilioField('int') readonly RecordingDuration!: number;
  /** Key that stopped the recording, or `hangup`. */
  @TwilioField('string') readonly Digits?: string;
  /** Recording id (captured requests carry it; not in Twilio's table). */
  @TwilioField('sid', { prefixes: ['RE'] }) readonly RecordingSid?: string;
}
