/** DI token of the resolved (validated, defaulted) module options. */
export const TWILIO_WEBHOOK_OPTIONS = Symbol('TWILIO_WEBHOOK_OPTIONS');

/** Metadata key holding the webhook kind of a route (`'inbound-message'`, `'status-callback'`, …). */
export const TWILIO_ROUTE_KIND = 'twilio-webhooks:route-kind';

/** Metadata key holding the verb of an action callback route (`'gather'`, `'record'`, `'dial'`). */
export const TWILIO_ACTION_VERB = 'twilio-webhooks:action-verb';

/** Metadata key that `@OnTwilioEvent()` appends handler entries to. */
export const TWILIO_EVENT_HANDLER = 'twilio-webhooks:handler';

/** Header carrying Twilio's request signature. */
export const SIGNATURE_HEADER = 'x-twilio-signature';

/** Header naming the Webhook Settings shared key and algorithm that signed the request. */
export const SIGNATURE_SETTINGS_HEADER = 'x-twilio-webhooks-signature-settings';

/** Header Twilio reuses across retries of one webhook delivery. */
export const IDEMPOTENCY_HEADER = 'i-twilio-idempotency-token';

/** The reply for a TwiML route whose handler returned nothing: "do nothing". */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
