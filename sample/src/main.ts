import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { ensureAuthToken, printTryItCommands } from './dev-token.js';

async function bootstrap() {
  const logger = new Logger('Sample');
  const token = ensureAuthToken(logger);
  const adapter =
    process.env.SAMPLE_ADAPTER === 'fastify' ? new FastifyAdapter() : new ExpressAdapter();
  // rawBody: true lets the guard check the exact bytes Twilio signed (and JSON webhooks at all).
  const app = await NestFactory.create(AppModule, adapter, { rawBody: true });
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  logger.log(`Listening on http://localhost:${port} (${process.env.SAMPLE_ADAPTER ?? 'express'})`);
  if (token.generated) printTryItCommands(logger, token.value, port);
}

void bootstrap();
