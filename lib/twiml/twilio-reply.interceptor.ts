import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { defaultIfEmpty, from, lastValueFrom, type Observable } from 'rxjs';
import type { TwilioRouteKind } from '../decorators/twilio-route-kind.js';
import type { WebhookHttpRequest } from '../signature/http-request.js';
import { TWILIO_ROUTE_KIND } from '../twilio-webhook.constants.js';
import { TwilioRouteResponder } from './twilio-route.responder.js';

/**
 * The reply and event dispatch of the route decorators, for a route you build yourself:
 * `@UseGuards(TwilioSignatureGuard)`, `@SetMetadata(TWILIO_ROUTE_KIND, 'status-callback')` and
 * `@UseInterceptors(TwilioReplyInterceptor)`. The route decorators do the same without an
 * interceptor.
 * @publicApi
 */
@Injectable()
export class TwilioReplyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly responder: TwilioRouteResponder,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const handler = context.getHandler();
    const kind = this.reflector.get<TwilioRouteKind | undefined>(TWILIO_ROUTE_KIND, handler);
    if (!kind) return next.handle();
    const req = context.switchToHttp().getRequest<WebhookHttpRequest>();
    const invoke = () => lastValueFrom(next.handle().pipe(defaultIfEmpty(undefined)));
    return from(this.responder.respond(req, kind, handler, invoke));
  }
}
