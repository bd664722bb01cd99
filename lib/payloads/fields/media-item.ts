import { TwilioPayloadError } from './twilio-payload.error.js';

/**
 * One media item of an MMS or WhatsApp message, from `MediaUrl{N}` and `MediaContentType{N}`.
 * Fetching `url` may need HTTP Basic auth when media authentication is on.
 * @publicApi
 */
export interface MediaItem {
  /** `MediaUrl{N}`, e.g. `https://api.twilio.com/2010-04-01/Accounts/AC…/Messages/MM…/Media/ME…`. */
  readonly url: string;
  /** `MediaContentType{N}`, e.g. `image/jpeg`; `undefined` when Twilio did not send it. */
  readonly contentType?: string;
}

/**
 * Gathers the zero-based indexed media keys into one array, in index order. The keys themselves
 * stay on the payload as well; `NumMedia` is not trusted to bound the loop, the keys are.
 */
export function mediaOf(params: Readonly<Record<string, unknown>>): MediaItem[] {
  const media: MediaItem[] = [];
  for (let i = 0; ; i++) {
    const url = params[`MediaUrl${i}`];
    if (url === undefined) return media;
    const contentType = params[`MediaContentType${i}`];
    if (typeof url !== 'string')
      throw new TwilioPayloadError(`MediaUrl${i}`, 'is not a single URL');
    if (contentType !== undefined && typeof contentType !== 'string') {
      throw new TwilioPayloadError(`MediaContentType${i}`, 'is not a single MIME type');
    }
    media.push({ url, contentType: contentType as string | undefined });
  }
}
