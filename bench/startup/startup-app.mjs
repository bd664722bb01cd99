// One start-up sample, in a fresh process: imports what the variant needs, creates and initialises
// a Nest app with one status-callback route, then prints timings and which packages got loaded.
// Variants: `bare` (no Twilio code), `sdk` (a hand-written route importing all of `twilio`, as
// Twilio's guide does), `package` (the same route through nestjs-twilio-webhooks).
import 'reflect-metadata';
import { Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const variant = process.argv[2];
const TOKEN = '2f1c0e9d8b7a6f5e4d3c2b1a09f8e7d6';
const decorate = (proto, name, ...decorators) =>
  Reflect.decorate(decorators, proto, name, Object.getOwnPropertyDescriptor(proto, name));

// Nest itself is loaded above by every variant; the clock starts here.
const importStart = performance.now();
let imports = [];
let routeDecorators;
if (variant === 'package') {
  const pkg = await import('nestjs-twilio-webhooks');
  imports = [pkg.TwilioWebhookModule.forRoot({ authToken: TOKEN })];
  routeDecorators = [pkg.TwilioStatusCallback('status')];
} else {
  if (variant === 'sdk') await import('twilio');
  if (variant === 'class-validator') await import('class-validator');
  routeDecorators = [Post('status'), HttpCode(204)];
}
const importMs = performance.now() - importStart;

class StatusController {
  status() {}
}
decorate(StatusController.prototype, 'status', ...routeDecorators);
Controller('twilio')(StatusController);
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module, decorated by hand below
class AppModule {}
Module({ imports, controllers: [StatusController] })(AppModule);

const createStart = performance.now();
const app = await NestFactory.create(AppModule, new ExpressAdapter(), {
  rawBody: true,
  logger: false,
});
await app.init();
const createMs = performance.now() - createStart;
const readyMs = performance.now(); // since the process started

const loaded = Object.keys(createRequire(import.meta.url).cache);
const twilioFiles = loaded.filter((p) => p.includes('/node_modules/twilio/'));
const packagesLoaded = [
  ...new Set(
    loaded.map((p) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(p)?.[1]).filter(Boolean),
  ),
];
await app.close();
process.stdout.write(
  JSON.stringify({
    importMs,
    createMs,
    readyMs,
    heapMiB: process.memoryUsage().heapUsed / 2 ** 20,
    twilioFiles: twilioFiles.length,
    twilioRest: twilioFiles.some((p) => p.includes('/twilio/lib/rest/')),
    packagesLoaded,
  }),
);
