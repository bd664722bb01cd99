// A user's app in plain JavaScript (decorators applied by hand), using the installed tarball.
import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  MessagingResponse,
  TwilioInboundMessage,
  TwilioPayload,
  TwilioWebhookModule,
} from 'nestjs-twilio-webhooks';
import { signTwilioRequest } from 'nestjs-twilio-webhooks/testing';
import twilio from 'twilio';

const token = 'f'.repeat(32);

class SmsController {
  reply(sms) {
    return new MessagingResponse().message(`Got: ${sms.Body}`);
  }
}
const reply = Object.getOwnPropertyDescriptor(SmsController.prototype, 'reply');
TwilioPayload()(SmsController.prototype, 'reply', 0);
TwilioInboundMessage('sms')(SmsController.prototype, 'reply', reply);
Controller('twilio')(SmsController);

class AppModule {}
Module({
  imports: [TwilioWebhookModule.forRoot({ authToken: token })],
  controllers: [SmsController],
})(AppModule);

const app = await NestFactory.create(AppModule, { rawBody: true, logger: ['error'] });
await app.listen(0, '127.0.0.1');
const url = `http://localhost:${app.getHttpServer().address().port}/twilio/sms`;
const params = {
  AccountSid: 'AC' + 'a'.repeat(32),
  MessageSid: 'SM' + 'b'.repeat(32),
  From: '+14155550100',
  To: '+14155550199',
  Body: 'packed',
  NumMedia: '0',
};
const send = (signature) =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature,
    },
    body: new URLSearchParams(params),
  });
const good = await send(twilio.getExpectedTwilioSignature(token, url, params));
const text = await good.text();
const forged = await send(twilio.getExpectedTwilioSignature('0'.repeat(32), url, params));
if (typeof signTwilioRequest !== 'function') throw new Error('testing entry point missing');
await app.close();
if (good.status !== 200 || !text.includes('<Message>Got: packed</Message>')) {
  throw new Error(`signed request: ${good.status} ${text}`);
}
if (forged.status !== 403) throw new Error(`forged request: ${forged.status}`);
console.log('pack smoke ok: the packed tarball works in a separate Nest 12 app');
