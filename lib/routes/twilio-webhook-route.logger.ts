import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type INestApplicationContext,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ModuleRef, ModulesContainer } from '@nestjs/core';
import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import { TWILIO_WEBHOOK_OPTIONS } from '../twilio-webhook.constants.js';
import {
  exploreTwilioRoutes,
  findTwilioRoutes,
  type TwilioRouteExplorerOptions,
  type TwilioWebhookRoute,
} from './twilio-route.explorer.js';

/**
 * The start-up lines listing webhook routes: one per route with its kind and the full URL to
 * paste into the Twilio console (or its path and a hint when no public URL is known).
 */
export function describeTwilioRoutes(routes: readonly TwilioWebhookRoute[]): string[] {
  if (routes.length === 0) return [];
  const width = Math.max(...routes.map((route) => route.kind.length));
  const lines = routes.map(
    (route) => `${route.kind.padEnd(width)}  ${route.method.padEnd(4)} ${route.url ?? route.path}`,
  );
  if (routes.some((route) => route.url === undefined)) {
    lines.push(
      'Set publicUrl (or TWILIO_WEBHOOK_PUBLIC_URL) to the origin Twilio calls, such as your ' +
        'tunnel, to get full URLs.',
    );
  }
  return lines;
}

/**
 * Logs every Twilio webhook route with its full public URL, once the app has started: call it in
 * `main.ts` after `setGlobalPrefix()`. Does nothing when `NODE_ENV` is `production`.
 *
 * @publicApi
 * @example
 * const app = await NestFactory.create(AppModule, { rawBody: true });
 * await app.listen(3000);
 * logTwilioWebhookRoutes(app);
 */
export function logTwilioWebhookRoutes(
  app: INestApplicationContext,
  options: TwilioRouteExplorerOptions & { logger?: Pick<Logger, 'log'> } = {},
): TwilioWebhookRoute[] {
  const routes = exploreTwilioRoutes(app, options);
  if (process.env.NODE_ENV === 'production') return routes;
  const logger = options.logger ?? new Logger('TwilioWebhooks');
  for (const line of describeTwilioRoutes(routes)) logger.log(line);
  return routes;
}

const logged = new WeakSet<ModulesContainer>();

/**
 * Logs the Twilio webhook routes with their public URLs at start-up, outside production. Add it
 * to a module's providers (the module's `publicUrl` is used when present).
 *
 * @publicApi
 */
@Injectable()
export class TwilioWebhookRouteLogger implements OnApplicationBootstrap {
  private readonly logger = new Logger('TwilioWebhooks');

  constructor(
    private readonly modules: ModulesContainer,
    private readonly moduleRef: ModuleRef,
    @Optional()
    @Inject(TWILIO_WEBHOOK_OPTIONS)
    private readonly options?: ResolvedTwilioWebhookOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env.NODE_ENV === 'production' || logged.has(this.modules)) return;
    // Once per app, even when the logger is provided by more than one module.
    logged.add(this.modules);
    const publicUrl = this.options?.publicUrl;
    const routes = findTwilioRoutes(this.modules, {
      globalPrefix: this.globalPrefix(),
      publicUrl: publicUrl ? publicUrl.origin + publicUrl.pathPrefix : undefined,
    });
    for (const line of describeTwilioRoutes(routes)) this.logger.log(line);
  }

  /** The global prefix, from the container's configuration (set before the app starts). */
  private globalPrefix(): string | undefined {
    // Nest keeps it on the container that ModuleRef holds; read defensively, it is not typed API.
    const ref = this.moduleRef as unknown as {
      container?: { applicationConfig?: { getGlobalPrefix?: () => string } };
    };
    return ref.container?.applicationConfig?.getGlobalPrefix?.() || undefined;
  }
}
