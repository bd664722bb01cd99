// (a) The baseline: a Nest 12 route written by hand that checks the signature with the twilio SDK
// and answers 204, as Twilio's own Node.js guide does it.
import {
  Controller,
  ForbiddenException,
  Headers,
  HttpCode,
  Module,
  Post,
  Req,
} from '@nestjs/common';
import twilio from 'twilio';
import { AUTH_TOKEN, decorate, PUBLIC_URL, startNestBenchServer } from './bench-server.mjs';

class StatusController {
  status(req, signature) {
    const url = PUBLIC_URL + (req.originalUrl ?? req.url);
    if (!twilio.validateRequest(AUTH_TOKEN, signature ?? '', url, req.body ?? {})) {
      throw new ForbiddenException();
    }
  }
}
decorate(
  StatusController.prototype,
  'status',
  Post('status'),
  HttpCode(204),
  [0, Req()],
  [1, Headers('x-twilio-signature')],
);
Controller('twilio')(StatusController);

// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module, decorated by hand below
class AppModule {}
Module({ controllers: [StatusController] })(AppModule);

await startNestBenchServer(AppModule);
