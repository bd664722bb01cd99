import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { payloadOfRequest } from '../payloads/twilio-payload.factory.js';
import type { WebhookHttpRequest } from '../signature/http-request.js';

/**
 * The verified payload of the route's webhook kind: form or query parameters as Twilio sent them,
 * or the parsed JSON of an Event Streams delivery.
 *
 * @publicApi
 * @example
 * @TwilioInboundMessage('sms')
 * reply(@TwilioPayload() sms: InboundMessage) { ... }
 */
export const TwilioPayload = createParamDecorator((_data: unknown, ctx: ExecutionContext) =>
  payloadOfRequest(ctx.switchToHttp().getRequest<WebhookHttpRequest>(), ctx.getHandler()),
);
