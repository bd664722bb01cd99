import {
  applyDecorators,
  Get,
  Header,
  HttpCode,
  Post,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { TwilioSignatureGuard } from '../signature/twilio-signature.guard.js';
import { TWILIO_ACTION_VERB, TWILIO_ROUTE_KIND } from '../twilio-webhook.constants.js';
import {
  TWIML_ROUTE_KINDS,
  type TwilioRouteKind,
  type TwilioRouteOptions,
} from './twilio-route-kind.js';
import { wrapRouteHandler } from './twilio-route-handler.js';

/**
 * Builds a webhook route of one kind: the HTTP method, the signature guard, the kind's metadata,
 * and the reply (TwiML as `text/xml` with 200, or 204 with no body). The public route decorators
 * are this with a fixed kind; use it to build your own.
 *
 * @publicApi
 */
export function TwilioRoute(
  kind: TwilioRouteKind,
  path?: string | string[],
  options: TwilioRouteOptions = {},
): MethodDecorator {
  const method = options.method === 'GET' ? Get(path) : Post(path);
  const reply = TWIML_ROUTE_KINDS.has(kind)
    ? [HttpCode(200), Header('Content-Type', 'text/xml; charset=utf-8')]
    : [HttpCode(204)];
  const metadata = applyDecorators(
    method,
    SetMetadata(TWILIO_ROUTE_KIND, kind),
    ...(options.verb ? [SetMetadata(TWILIO_ACTION_VERB, options.verb)] : []),
    UseGuards(TwilioSignatureGuard),
    ...reply,
  );
  return (target, key, descriptor) => {
    // First the wrapper that replies and dispatches, then the metadata on the wrapper itself.
    wrapRouteHandler(kind, target, key, descriptor);
    return metadata(target, key, descriptor);
  };
}
