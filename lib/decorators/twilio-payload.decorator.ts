import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { payloadOfRequest } from '../payloads/twilio-payload.factory.js';
import type { WebhookHttpRequest } from '../signature/http-request.js';

/**
 * The verified, typed payload of the route's webhook: numbers, booleans, dates, media and JSON
 * fields already parsed, unknown fields kept as they arrived.
 *
 * | route | payload |
 * |---|---|
 * | `@TwilioInboundMessage` | `InboundMessage` |
 * | `@TwilioInboundCall` | `InboundCall` |
 * | `@TwilioStatusCallback` | `MessageStatusCallback`, `CallStatusCallback`, `ConferenceStatusCallback` or a `ConversationsEvent`, by parameters |
 * | `@TwilioActionCallback` | `GatherAction`, `RecordAction` or `DialAction` (the `verb` option, else by parameters) |
 * | `@TwilioRecordingStatus` | `RecordingStatusCallback` or `TranscriptionCallback` |
 * | `@TwilioDebuggerEvent` | `DebuggerEvent` |
 * | `@TwilioEventStream` | `CloudEvent[]` (a single event arrives as an array of one) |
 *
 * A payload that matches no class is a plain copy of the parameters. A malformed one (a SID that
 * is not a SID, a number that is not a number) is answered with 400 naming the field. The
 * parameters as they arrived: `rawTwilioPayloadOf(payload)`.
 *
 * A global `ValidationPipe` leaves this decorator alone by default. Keep its
 * `validateCustomDecorators` off: with it on, `forbidNonWhitelisted` would refuse the keys the
 * classes do not declare (`MediaUrl0`, new Twilio fields), which genuine requests carry.
 *
 * @publicApi
 * @example
 * @TwilioInboundMessage('sms')
 * reply(@TwilioPayload() sms: InboundMessage) {
 *   return new MessagingResponse().message(`Got ${sms.NumMedia} file(s)`);
 * }
 */
export const TwilioPayload = createParamDecorator((_data: unknown, ctx: ExecutionContext) =>
  // The request read directly: `switchToHttp()` allocates three closures on every call.
  payloadOfRequest(ctx.getArgByIndex<WebhookHttpRequest>(0), ctx.getHandler()),
);
