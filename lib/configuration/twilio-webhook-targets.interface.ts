import type {
  WebhookConfigurationCallOptions,
  WebhookRouteRef,
} from './twilio-configuration-options.interface.js';

/**
 * The webhooks of a phone number, as in the console's Voice and Messaging configuration.
 * @publicApi
 */
export interface PhoneNumberWebhooks {
  /** "A message comes in": `SmsUrl` and `SmsMethod`. */
  sms?: WebhookRouteRef;
  /** "Primary handler fails" for messages: `SmsFallbackUrl` and `SmsFallbackMethod`. */
  smsFallback?: WebhookRouteRef;
  /** "A call comes in": `VoiceUrl` and `VoiceMethod`. */
  voice?: WebhookRouteRef;
  /** "Primary handler fails" for calls: `VoiceFallbackUrl` and `VoiceFallbackMethod`. */
  voiceFallback?: WebhookRouteRef;
  /** "Call status changes": `StatusCallback` and `StatusCallbackMethod`. */
  statusCallback?: WebhookRouteRef;
}

/**
 * The webhooks of a Messaging Service's integration settings.
 * @publicApi
 */
export interface MessagingServiceWebhooks {
  /** Incoming messages: `InboundRequestUrl` and `InboundMethod`. */
  inbound?: WebhookRouteRef;
  /** `FallbackUrl` and `FallbackMethod`. */
  fallback?: WebhookRouteRef;
  /** Delivery status callbacks: `StatusCallback` (always POST). */
  statusCallback?: WebhookRouteRef;
}

/**
 * @publicApi
 */
export interface PhoneNumberConfigurationOptions extends WebhookConfigurationCallOptions {
  /**
   * Clear `SmsApplicationSid` / `VoiceApplicationSid` when setting SMS / voice URLs: while a
   * TwiML App is attached, Twilio ignores the number's own URLs.
   * @default false
   */
  detachApplications?: boolean;
}
