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

export const BAD_CHOICE = (option: string, value: unknown, choices: readonly string[]) =>
  `${PREFIX}: ${option} is ${JSON.stringify(value)}; use ${choices.map((c) => `'${c}'`).join(' or ')}.`;

export const BAD_OPTION = (option: string, value: unknown, expected: string) =>
  `${PREFIX}: ${option} is ${JSON.stringify(value)}; expected ${expected}.`;

export const BAD_DURATION = (option: string, value: unknown) =>
  `${PREFIX}: ${option} is ${JSON.stringify(value)}; give a positive whole number of milliseconds.`;

export const BAD_COUNT = (option: string, value: unknown) =>
  `${PREFIX}: ${option} is ${JSON.stringify(value)}; give a positive whole number.`;

export const BAD_STORE = () =>
  `${PREFIX}: idempotency.store must be 'memory', 'redis', or an object implementing ` +
  `IdempotencyStore (claim, completeHandler, complete, release, advance).`;

export const REDIS_URL_MISSING = (option: string) =>
  `${PREFIX}: ${option} needs a Redis URL: set ${option.replace(/\.store$/, '')}.redis.url, ` +
  `e.g. 'redis://localhost:6379' (or process.env.REDIS_URL).`;

export const BAD_REDIS_URL = (option: string, value: unknown) =>
  `${PREFIX}: ${option} is ${JSON.stringify(value)}; give a redis:// or rediss:// URL, ` +
  `e.g. 'redis://localhost:6379'.`;

export const BAD_FALLBACK_TWIML = (why: string) =>
  `${PREFIX}: voiceDeadline.fallback is not usable: ${why}. Give a VoiceResponse or a TwiML string.`;

export const REQUEST_SCOPED_HANDLER = (provider: string, method: string) =>
  `@OnTwilioEvent() on ${provider}.${method} is ignored: the provider is request-scoped (or ` +
  `depends on one), and Twilio events are not HTTP requests of your app. Make it a singleton.`;

export const HANDLER_FAILED = (handler: string, event: string, why: string) =>
  `Handler ${handler} failed on ${event}: ${why}`;

export const DISPATCH_FAILED = (path: string, why: string) =>
  `Twilio webhook ${path}: its events could not be handled (${why}); answering 5xx so that ` +
  `Twilio retries the delivery.`;

export const STORE_UNREACHABLE = (why: string) =>
  `Twilio event bus: the idempotency store or queue failed (${why}); answering 503 so that ` +
  `Twilio retries the delivery later.`;

export const QUEUE_UNREACHABLE = (why: string) => `Twilio event queue (BullMQ): ${why}`;

export const DEAD_LETTER = (event: string, id: string, why: string) =>
  `Event ${event} failed its last try and is now dead letter ${id} (${why}); inspect and ` +
  `replay it with TwilioDeadLetters.`;

export const VOICE_DEADLINE = (path: string, ms: number) =>
  `Twilio webhook ${path}: the controller did not answer within ${ms} ms; sent the fallback ` +
  `TwiML before Twilio hangs up (at 15 s). Make the handler faster or raise voiceDeadline.timeout.`;
