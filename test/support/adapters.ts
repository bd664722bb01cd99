import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';

/** Both HTTP adapters: every e2e suite runs on each. */
export const ADAPTERS = ['express', 'fastify'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

/**
 * Boots a real Nest app on the named adapter, the way a user's main.ts does (`rawBody: true`
 * unless told otherwise), ready for supertest.
 */
export async function createApp(
  adapter: AdapterName,
  module: NonNullable<ModuleMetadata['imports']>[number],
  options: { rawBody?: boolean } = {},
): Promise<INestApplication> {
  const httpAdapter = adapter === 'express' ? new ExpressAdapter() : new FastifyAdapter();
  const app = await NestFactory.create(module as never, httpAdapter, {
    rawBody: options.rawBody ?? true,
    abortOnError: false,
    logger: false,
  });
  await app.init();
  if (adapter === 'fastify') await app.getHttpAdapter().getInstance().ready();
  return app;
}
