// (b) The package: `@TwilioStatusCallback` (signature guard, 204), the typed payload through
// `@TwilioPayload()`, and dispatch to one `@OnTwilioEvent('message.status.*')` handler with the
// default in-memory idempotency store. Imported by the package's name: dist/ through its exports.
import { Controller, Injectable, Module } from '@nestjs/common';
import {
  OnTwilioEvent,
  TwilioPayload,
  TwilioStatusCallback,
  TwilioWebhookModule,
} from 'nestjs-twilio-webhooks';
import { AUTH_TOKEN, decorate, PUBLIC_URL, startNestBenchServer } from './bench-server.mjs';

class DeliveryTracker {
  constructor() {
    this.handled = 0;
    this.failed = 0;
  }
  onStatus(event) {
    this.handled++;
    if (event.ErrorCode !== undefined) this.failed++;
  }
}
decorate(DeliveryTracker.prototype, 'onStatus', OnTwilioEvent('message.status.*'));
Injectable()(DeliveryTracker);

class StatusController {
  status(payload) {
    this.lastStatus = payload.MessageStatus;
  }
}
decorate(StatusController.prototype, 'status', TwilioStatusCallback('status'), [
  0,
  TwilioPayload(),
]);
Controller('twilio')(StatusController);

// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module, decorated by hand below
class AppModule {}
Module({
  imports: [TwilioWebhookModule.forRoot({ authToken: AUTH_TOKEN, publicUrl: PUBLIC_URL })],
  controllers: [StatusController],
  providers: [DeliveryTracker],
})(AppModule);

// The parent checks that the handler ran once for every accepted request.
await startNestBenchServer(AppModule, (app) => ({ handled: app.get(DeliveryTracker).handled }));
