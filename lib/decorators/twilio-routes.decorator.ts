import type { TwilioRouteOptions } from './twilio-route-kind.js';
import { TwilioRoute } from './twilio-route.decorator.js';

// One decorator per webhook kind; each is `TwilioRoute` with the kind fixed.

/**
 * Route for an inbound SMS, MMS or WhatsApp message ("A message comes in"). The handler may return a `MessagingResponse`, a TwiML string, or nothing (an empty `<Response/>`).
 * The Twilio signature is checked first; a forged request gets 403.
 *
 * @param path route path, as with `@Post(path)`
 * @publicApi
 * @example
 * @TwilioInboundMessage('sms')
 * reply(@TwilioPayload() sms: InboundMessage) {
 *   return new MessagingResponse().message(`Got: ${sms.Body}`);
 * }
 */
export const TwilioInboundMessage = (
  path?: string | string[],
  options?: TwilioRouteOptions,
): MethodDecorator => TwilioRoute('inbound-message', path, options);

/**
 * Route for an inbound call ("A call comes in"). The handler may return a `VoiceResponse`, a TwiML string, or nothing.
 * The Twilio signature is checked first; a forged request gets 403.
 *
 * @param path route path, as with `@Post(path)`
 * @publicApi
 * @example
 * @TwilioInboundCall('voice')
 * answer() {
 *   return new VoiceResponse().say('Hello');
 * }
 */
export const TwilioInboundCall = (
  path?: string | string[],
  options?: TwilioRouteOptions,
): MethodDecorator => TwilioRoute('inbound-call', path, options);

/**
 * Route for the `action` URL of `<Gather>`, `<Record>` or `<Dial>`: the returned TwiML continues the call.
 * The Twilio signature is checked first; a forged request gets 403.
 *
 * @param path route path, as with `@Post(path)`
 * @publicApi
 * @example
 * @TwilioActionCallback('menu')
 * choose(@TwilioPayload() gather: GatherAction) { ... }
 */
export const TwilioActionCallback = (
  path?: string | string[],
  options?: TwilioRouteOptions,
): MethodDecorator => TwilioRoute('action-callback', path, options);

/**
 * Route for a message or call status callback. Answers 204.
 * The Twilio signature is checked first; a forged request gets 403.
 *
 * @param path route path, as with `@Post(path)`
 * @publicApi
 * @example
 * @TwilioStatusCallback('status')
 * status() {}
 */
export const TwilioStatusCallback = (
  path?: string | string[],
  options?: TwilioRouteOptions,
): MethodDecorator => TwilioRoute('status-callback', path, options);

/**
 * Route for a recording status callback (`recordingStatusCallback`). Answers 204.
 * The Twilio signature is checked first; a forged request gets 403.
 *
 * @param path route path, as with `@Post(path)`
 * @publicApi
 * @example
 * @TwilioRecordingStatus('recordings')
 * recording() {}
 */
export const TwilioRecordingStatus = (
  path?: string | string[],
  options?: TwilioRouteOptions,
): MethodDecorator => TwilioRoute('recording-status', path, options);

/**
 * Route for a Debugger webhook (account alerts). Answers 204.
 * The Twilio signature is checked first; a forged request gets 403.
 *
 * @param path route path, as with `@Post(path)`
 * @publicApi
 * @example
 * @TwilioDebuggerEvent('debugger')
 * alert() {}
 */
export const TwilioDebuggerEvent = (
  path?: string | string[],
  options?: TwilioRouteOptions,
): MethodDecorator => TwilioRoute('debugger-event', path, options);

/**
 * Route for an Event Streams webhook sink (CloudEvents JSON, signed with `bodySHA256`; needs `rawBody: true`). Answers 204.
 * The Twilio signature is checked first; a forged request gets 403.
 *
 * @param path route path, as with `@Post(path)`
 * @publicApi
 * @example
 * @TwilioEventStream('events')
 * events() {}
 */
export const TwilioEventStream = (
  path?: string | string[],
  options?: TwilioRouteOptions,
): MethodDecorator => TwilioRoute('event-stream', path, options);
