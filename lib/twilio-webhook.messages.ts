// Error and log text, kept together so that every message says what to fix.
const PREFIX = 'TwilioWebhookModule';

export const NO_AUTH_TOKEN = () =>
  `${PREFIX}: no authToken is configured while validateSignature is on. Set authToken ` +
  `(e.g. process.env.TWILIO_AUTH_TOKEN, found in the Twilio console under Account Info) or ` +
  `resolveAuthToken; set validateSignature: false only for local experiments.`;

export const BAD_AUTH_TOKEN = () =>
  `${PREFIX}: authToken must be a non-empty string or an array of non-empty strings.`;

export const BAD_PUBLIC_URL = (value: unknown, why: string) =>
  `${PREFIX}: publicUrl ${JSON.stringify(value)} is not usable: ${why}. ` +
  `Give the origin Twilio calls, with an optional path prefix, e.g. "https://abc123.ngrok-free.app" ` +
  `or "https://example.com/api".`;

export const BAD_BASIC_AUTH = () =>
  `${PREFIX}: basicAuth needs a non-empty username and password (the ones in https://user:pass@host/...).`;

export const BAD_SHARED_KEYS = (id: string) =>
  `${PREFIX}: sharedKeys["${id}"] must be a non-empty secret string.`;

export const BAD_RESOLVER = () => `${PREFIX}: resolveAuthToken must be a function.`;

export const VALIDATION_DISABLED = () =>
  `${PREFIX}: validateSignature is OFF. Any client can call your Twilio webhook routes and ` +
  `forge messages, calls and status changes. Use this only for local experiments.`;

export const RAW_BODY_MISSING = (path: string) =>
  `Twilio webhook ${path} carries a JSON body (bodySHA256), which can only be checked against the ` +
  `exact request bytes. Create the app with NestFactory.create(AppModule, { rawBody: true }).`;

export const FORM_BODY_UNREADABLE = (path: string) =>
  `Twilio webhook ${path}: the body parser turned the form body into nested objects, so the ` +
  `parameters Twilio signed cannot be recovered. Create the app with ` +
  `NestFactory.create(AppModule, { rawBody: true }) so the guard reads the exact bytes.`;

export const UNSIGNED_BODY = (path: string) =>
  `Twilio webhook ${path}: the request has a body that is neither a form nor JSON with ` +
  `bodySHA256, so no signature covers it.`;
