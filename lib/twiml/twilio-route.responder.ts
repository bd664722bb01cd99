import {
  HttpException,
  Inject,
  Injectable,
  InternalServerErrorException,
  Logger,
  ServiceUnavailableException,
} from '@nestjs/common';
import { TWIML_ROUTE_KINDS, type TwilioRouteKind } from '../decorators/twilio-route-kind.js';
import { TwilioEventDispatcher } from '../events/twilio-event.dispatcher.js';
import {
  TwilioEventBusyError,
  TwilioHandlerError,
  messageOf,
} from '../events/twilio-event.errors.js';
import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import { getTwilioRequestState } from '../payloads/twilio-payload.factory.js';
import { pathAndQueryOf, type WebhookHttpRequest } from '../signature/http-request.js';
import { TWILIO_WEBHOOK_OPTIONS } from '../twilio-webhook.constants.js';
import { DISPATCH_FAILED, STORE_UNREACHABLE, VOICE_DEADLINE } from '../twilio-webhook.messages.js';
import { toTwimlString } from './twiml-reply.js';
import { isThenable, SETTLED } from '../promises.js';

/** TwiML routes of a call: Twilio hangs up on them after 15 s. */
const VOICE_KINDS: ReadonlySet<TwilioRouteKind> = new Set(['inbound-call', 'action-callback']);

/**
 * Runs a webhook route's controller method and shapes what Twilio gets back. Callback routes run
 * the event handlers after the controller and answer 204 (a 5xx when a handler failed, so that
 * Twilio retries). TwiML routes start the handlers beside the controller and answer with its TwiML
 * without waiting for them; a call's TwiML route that takes too long answers with the fallback.
 *
 * The route decorators call it straight from the route method rather than through an
 * interceptor: Nest's interceptor pipeline cost about as much per request as the rest of the route.
 */
@Injectable()
export class TwilioRouteResponder {
  private readonly logger = new Logger('TwilioWebhook');

  constructor(
    private readonly dispatcher: TwilioEventDispatcher,
    @Inject(TWILIO_WEBHOOK_OPTIONS) private readonly options: ResolvedTwilioWebhookOptions,
  ) {}

  /**
   * Calls `invoke` (the controller method) and returns the reply body: TwiML text for TwiML
   * kinds, `undefined` for the others.
   */
  respond(
    req: WebhookHttpRequest,
    kind: TwilioRouteKind,
    handler: Function,
    invoke: () => unknown,
  ): Promise<string | undefined> {
    try {
      return this.reply(req, kind, handler, invoke);
    } catch (error) {
      return Promise.reject(error); // a controller or a payload that throws at once still rejects
    }
  }

  private reply(
    req: WebhookHttpRequest,
    kind: TwilioRouteKind,
    handler: Function,
    invoke: () => unknown,
  ): Promise<string | undefined> {
    if (!TWIML_ROUTE_KINDS.has(kind)) {
      // No async function here: a callback route costs no promise hop it does not need.
      const result = invoke();
      if (isThenable(result))
        return Promise.resolve(result).then(() => this.dispatchBefore204(req, handler));
      return this.dispatchBefore204(req, handler);
    }
    this.dispatchBeside(req, handler);
    const reply = Promise.resolve()
      .then(invoke)
      .then((value) => this.twiml(value));
    const deadline = this.options.voiceDeadline;
    if (!deadline || !VOICE_KINDS.has(kind)) return reply;
    return this.withDeadline(req, reply, deadline.timeout, deadline.fallback);
  }

  private dispatchBefore204(req: WebhookHttpRequest, handler: Function): Promise<undefined> {
    const events = this.dispatcher.eventsOfRequest(req, handler);
    if (events.length === 0) return SETTLED;
    const handled = this.dispatcher.dispatch(events);
    if (handled === SETTLED) return SETTLED; // handled at once: nothing to chain
    return handled.then(
      () => undefined,
      (error: unknown) => {
        throw this.httpErrorOf(error, req);
      },
    );
  }

  /** TwiML replies do not wait: failures are logged, and the claim stays open for a retry. */
  private dispatchBeside(req: WebhookHttpRequest, handler: Function): void {
    const events = this.dispatcher.eventsOfRequest(req, handler);
    if (events.length === 0) return;
    this.dispatcher.dispatch(events).catch((error: unknown) => this.httpErrorOf(error, req));
  }

  private withDeadline(
    req: WebhookHttpRequest,
    reply: Promise<string>,
    timeout: number,
    fallback: string,
  ): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string>((resolve) => {
      timer = setTimeout(() => {
        this.logger.warn(VOICE_DEADLINE(urlOf(req), timeout));
        resolve(fallback);
      }, timeout);
    });
    // The late controller still finishes; its reply is dropped.
    reply.catch(() => undefined);
    return Promise.race([reply, late]).finally(() => clearTimeout(timer));
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
