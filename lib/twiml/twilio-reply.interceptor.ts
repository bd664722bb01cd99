import {
  CallHandler,
  ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  InternalServerErrorException,
  Logger,
  NestInterceptor,
  ServiceUnavailableException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, mergeMap, of, timeout, type Observable } from 'rxjs';
import { TWIML_ROUTE_KINDS, type TwilioRouteKind } from '../decorators/twilio-route-kind.js';
import {
  TwilioEventBusyError,
  TwilioHandlerError,
  messageOf,
} from '../events/twilio-event.errors.js';
import { TwilioEventDispatcher } from '../events/twilio-event.dispatcher.js';
import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import { getTwilioRequestState } from '../payloads/twilio-payload.factory.js';
import { pathAndQueryOf, type WebhookHttpRequest } from '../signature/http-request.js';
import { TWILIO_ROUTE_KIND, TWILIO_WEBHOOK_OPTIONS } from '../twilio-webhook.constants.js';
import { DISPATCH_FAILED, STORE_UNREACHABLE, VOICE_DEADLINE } from '../twilio-webhook.messages.js';
import { toTwimlString } from './twiml-reply.js';

/** TwiML routes of a call: Twilio hangs up on them after 15 s. */
const VOICE_KINDS: ReadonlySet<TwilioRouteKind> = new Set(['inbound-call', 'action-callback']);

/**
 * Shapes the reply of a webhook route and hands its events to the bus. Callback routes run the
 * handlers after the controller and answer 204 (a 5xx when a handler failed, so that Twilio
 * retries). TwiML routes start the handlers beside the controller and answer with its TwiML
 * without waiting for them; a call's TwiML route that takes too long answers with the fallback.
 */
@Injectable()
export class TwilioReplyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('TwilioWebhook');

  constructor(
    private readonly reflector: Reflector,
    private readonly dispatcher: TwilioEventDispatcher,
    @Inject(TWILIO_WEBHOOK_OPTIONS) private readonly options: ResolvedTwilioWebhookOptions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const handler = context.getHandler();
    const kind = this.reflector.get<TwilioRouteKind | undefined>(TWILIO_ROUTE_KIND, handler);
    const req = context.switchToHttp().getRequest<WebhookHttpRequest>();
    if (!kind || !TWIML_ROUTE_KINDS.has(kind)) {
      return next.handle().pipe(mergeMap(() => this.dispatchBefore204(req, handler)));
    }
    this.dispatchBeside(req, handler);
    const reply = next.handle().pipe(map((value) => this.twiml(value)));
    const deadline = this.options.voiceDeadline;
    if (!deadline || !VOICE_KINDS.has(kind)) return reply;
    return reply.pipe(
      timeout({
        first: deadline.timeout,
        with: () => {
          this.logger.warn(VOICE_DEADLINE(urlOf(req), deadline.timeout));
          return of(deadline.fallback);
        },
      }),
    );
  }

  private async dispatchBefore204(req: WebhookHttpRequest, handler: Function): Promise<undefined> {
    const events = this.dispatcher.eventsOfRequest(req, handler);
    try {
      await this.dispatcher.dispatch(events);
    } catch (error) {
      throw this.httpErrorOf(error, req);
    }
    return undefined;
  }

  /** TwiML replies do not wait: failures are logged, and the claim stays open for a retry. */
  private dispatchBeside(req: WebhookHttpRequest, handler: Function): void {
    const events = this.dispatcher.eventsOfRequest(req, handler);
    if (events.length === 0) return;
    this.dispatcher.dispatch(events).catch((error: unknown) => this.httpErrorOf(error, req));
  }

  private httpErrorOf(error: unknown, req: WebhookHttpRequest): HttpException {
    if (error instanceof HttpException) return error;
    // The runner has logged each failing handler already.
    if (error instanceof TwilioHandlerError) return new InternalServerErrorException();
    if (error instanceof TwilioEventBusyError) {
      this.logger.warn(DISPATCH_FAILED(urlOf(req), error.message));
    } else {
      this.logger.error(STORE_UNREACHABLE(messageOf(error)));
    }
    return new ServiceUnavailableException();
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

function urlOf(req: WebhookHttpRequest): string {
  return getTwilioRequestState(req)?.url ?? pathAndQueryOf(req);
}
