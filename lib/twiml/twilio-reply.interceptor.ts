import {
  CallHandler,
  ExecutionContext,
  Injectable,
  Logger,
  NestInterceptor,
  InternalServerErrorException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, type Observable } from 'rxjs';
import { TWIML_ROUTE_KINDS, type TwilioRouteKind } from '../decorators/twilio-route-kind.js';
import { TWILIO_ROUTE_KIND } from '../twilio-webhook.constants.js';
import { toTwimlString } from './twiml-reply.js';

/**
 * Shapes the reply of a webhook route: TwiML routes send the handler's TwiML (or an empty
 * `<Response/>`), callback routes send no body (their status code is 204).
 */
@Injectable()
export class TwilioReplyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('TwilioWebhook');

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const kind = this.reflector.get<TwilioRouteKind | undefined>(
      TWILIO_ROUTE_KIND,
      context.getHandler(),
    );
    if (!kind || !TWIML_ROUTE_KINDS.has(kind)) return next.handle().pipe(map(() => undefined));
    return next.handle().pipe(map((value) => this.twiml(value)));
  }

  private twiml(value: unknown): string {
    try {
      return toTwimlString(value);
    } catch (error) {
      this.logger.error((error as Error).message);
      throw new InternalServerErrorException();
    }
  }
}
