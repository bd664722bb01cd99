import { TwilioField } from '../fields/twilio-field.decorator.js';
import { VoiceRequest } from './voice-request.dto.js';

/**
 * The result of `<Gather>`, sent to its `action` URL (reference §5); also the fields of a
 * `partialResultCallback`.
 * @publicApi
 * @example
 * @TwilioActionCallback('menu', { verb: 'gather' })
 * choose(@TwilioPayload() gather: GatherAction) {
 *   return gather.Digits === '1' ? sales() : support();
 * }
 */
export class GatherAction extends VoiceRequest {
  /** Keys pressed (`0-9`, `*`, `#`), without the `finishOnKey` key. */
  @TwilioField('string') readonly Digits?: string;
  /** Transcribed speech. */
  @TwilioField('string') readonly SpeechResult?: string;
  /** Speech recognition confidence, 0 to 1; not always sent. */
  @TwilioField('decimal') readonly Confidence?: number;
  /** Key that ended the input, or `''` after a timeout or `numDigits`. */
  @TwilioField('string') readonly FinishedOnKey?: string;
  /** Seen as `Gather End`. */
  @TwilioField('string') readonly msg?: string;
  /** Partial result callback: interim text that may still change. */
  @TwilioField('string') readonly UnstableSpeechResult?: string;
  /** Partial result callback: text that will not change (observed). */
  @TwilioField('string') readonly StableSpeechResult?: string;
  /** Partial result callback: stability of the interim text (observed). */
  @TwilioField('decimal') readonly Stability?: number;
  /** Partial result callback: order of the partial results (observed). */
  @TwilioField('int') readonly SequenceNumber?: number;
}
