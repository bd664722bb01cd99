import { BadRequestException } from '@nestjs/common';
import type { TwilioEventDispatcher } from '../events/twilio-event.dispatcher.js';
import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import { TwilioRouteResponder } from './twilio-route.responder.js';

describe('TwilioRouteResponder', () => {
  const refusal = new BadRequestException('Malformed Twilio webhook');
  const dispatcher = {
    eventsOfRequest: () => {
      throw refusal;
    },
  } as unknown as TwilioEventDispatcher;
  const responder = new TwilioRouteResponder(dispatcher, {} as ResolvedTwilioWebhookOptions);
  const req = { headers: {} };

  it('rejects, never throws, when the controller throws at once', async () => {
    const failure = new Error('controller down');
    const reply = responder.respond(
      req,
      'status-callback',
      () => undefined,
      () => {
        throw failure;
      },
    );
    await expect(reply).rejects.toBe(failure);
  });

  it('rejects, never throws, when the payload is refused at once', async () => {
    await expect(
      responder.respond(
        req,
        'status-callback',
        () => undefined,
        () => undefined,
      ),
    ).rejects.toBe(refusal);
    await expect(
      responder.respond(
        req,
        'inbound-message',
        () => undefined,
        () => undefined,
      ),
    ).rejects.toBe(refusal);
  });
});
