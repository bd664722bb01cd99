import { RequestMethod, type INestApplicationContext } from '@nestjs/common';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { TWILIO_ROUTE_KINDS, type TwilioRouteKind } from '../decorators/twilio-route-kind.js';
import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import { TWILIO_ROUTE_KIND, TWILIO_WEBHOOK_OPTIONS } from '../twilio-webhook.constants.js';

// Nest's own metadata keys for `@Controller(path)`, `@Post(path)` and `RouterModule` paths. They
// are read, never written; the constants themselves live in Nest's internal entry point.
const PATH_METADATA = 'path';
const METHOD_METADATA = 'method';
const MODULE_PATH = '__module_path__';

/**
 * A Twilio webhook route of an app.
 * @publicApi
 */
export interface TwilioWebhookRoute {
  /** The route's webhook kind (`inbound-message`, `status-callback`, …). */
  readonly kind: TwilioRouteKind;
  /** HTTP method of the route. */
  readonly method: string;
  /** Full path, with the global prefix and any `RouterModule` path. */
  readonly path: string;
  /** The URL to configure in Twilio: `publicUrl` + path, when `publicUrl` is known. */
  readonly url?: string;
  /** Controller class and method that handle it. */
  readonly controller: string;
  readonly handler: string;
}

/**
 * Where to take the global prefix and the public URL from, when the app cannot tell.
 * @publicApi
 */
export interface TwilioRouteExplorerOptions {
  /** The app's global prefix (`app.setGlobalPrefix`). Read from the app when not given. */
  globalPrefix?: string;
  /** Origin (and path prefix) Twilio calls. Defaults to the module's `publicUrl`. */
  publicUrl?: string;
}

/**
 * Lists the app's Twilio webhook routes (every handler with `TWILIO_ROUTE_KIND` metadata), with
 * their full paths and, when the public URL is known, the URLs to paste into the Twilio console.
 *
 * @publicApi
 * @example
 * for (const route of exploreTwilioRoutes(app)) console.log(route.kind, route.url ?? route.path);
 */
export function exploreTwilioRoutes(
  app: INestApplicationContext,
  options: TwilioRouteExplorerOptions = {},
): TwilioWebhookRoute[] {
  const modules = app.get(ModulesContainer, { strict: false });
  const globalPrefix = options.globalPrefix ?? globalPrefixOf(app);
  const publicUrl = options.publicUrl ?? publicUrlOf(app);
  return findTwilioRoutes(modules, { globalPrefix, publicUrl });
}

/** The route search itself, from the modules container (for providers that inject it). */
export function findTwilioRoutes(
  modules: ModulesContainer,
  options: TwilioRouteExplorerOptions = {},
): TwilioWebhookRoute[] {
  const scanner = new MetadataScanner();
  const routes: TwilioWebhookRoute[] = [];
  const seen = new Set<Function>();
  for (const module of modules.values()) {
    const modulePath = modulePathOf(modules, module.metatype);
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (Function & { prototype: object }) | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const controllerPaths = pathsOf(Reflect.getMetadata(PATH_METADATA, controller));
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function') continue;
        const kind = Reflect.getMetadata(TWILIO_ROUTE_KIND, handler) as TwilioRouteKind | undefined;
        if (!kind || !TWILIO_ROUTE_KINDS.includes(kind)) continue;
        const method =
          RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number] ?? 'POST';
        for (const controllerPath of controllerPaths) {
          for (const handlerPath of pathsOf(Reflect.getMetadata(PATH_METADATA, handler))) {
            const path = joinPaths(options.globalPrefix, modulePath, controllerPath, handlerPath);
            routes.push({
              kind,
              method,
              path,
              url: options.publicUrl ? joinUrl(options.publicUrl, path) : undefined,
              controller: controller.name,
              handler: name,
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Path segments joined the way Nest joins them: one leading slash, none trailing. */
export function joinPaths(...parts: (string | undefined)[]): string {
  const segments = parts
    .map((part) => (part ?? '').replace(/^\/+|\/+$/g, ''))
    .filter((part) => part !== '');
  return `/${segments.join('/')}`;
}

/** `https://host/prefix` + `/path`, without doubling slashes. */
export function joinUrl(publicUrl: string, path: string): string {
  return publicUrl.replace(/\/+$/, '') + path;
}

function pathsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.length === 0 ? ['/'] : value.map(String);
  return [typeof value === 'string' ? value : '/'];
}

function modulePathOf(
  modules: ModulesContainer,
  metatype: Function | undefined,
): string | undefined {
  if (!metatype) return undefined;
  return (
    (Reflect.getMetadata(MODULE_PATH + modules.applicationId, metatype) as string | undefined) ??
    (Reflect.getMetadata(MODULE_PATH, metatype) as string | undefined)
  );
}

/** The global prefix set with `app.setGlobalPrefix()`, read from the app's configuration. */
function globalPrefixOf(app: INestApplicationContext): string | undefined {
  // Not part of Nest's typed API: read defensively, and let callers pass `globalPrefix` instead.
  const config = (app as unknown as { config?: { getGlobalPrefix?: () => string } }).config;
  return config?.getGlobalPrefix?.() || undefined;
}

function publicUrlOf(app: INestApplicationContext): string | undefined {
  try {
    const options = app.get<ResolvedTwilioWebhookOptions>(TWILIO_WEBHOOK_OPTIONS, {
      strict: false,
    });
    return options?.publicUrl ? options.publicUrl.origin + options.publicUrl.pathPrefix : undefined;
  } catch {
    return undefined; // the module is not imported, or the app runs in preview mode
  }
}
