import { InternalServerErrorException, Logger } from '@nestjs/common';
import type { WebhookHttpRequest } from '../signature/http-request.js';
import type { TwilioRequestState } from '../signature/twilio-request-state.interface.js';
import { TWILIO_REQUEST_STATE } from '../twilio-webhook.constants.js';

const logger = new Logger('TwilioPayload');

/**
 * The state the guard left on a request; `undefined` when the route is not guarded.
 * @publicApi
 */
export function getTwilioRequestState(req: object): TwilioRequestState | undefined {
  return (req as WebhookHttpRequest)[TWILIO_REQUEST_STATE] as TwilioRequestState | undefined;
}

/** The payload of a guarded request: the JSON body of a `bodySHA256` webhook, else the params. */
export function payloadOfRequest(req: WebhookHttpRequest, _handler?: unknown): unknown {
  const state = getTwilioRequestState(req);
  if (!state) {
    logger.error(
      '@TwilioPayload() used on a route without TwilioSignatureGuard: use a Twilio route ' +
        'decorator or @UseGuards(TwilioSignatureGuard).',
    );
    throw new InternalServerErrorException();
  }
  return state.rawBody ? state.json : state.params;
}
