import type { INestApplicationContext } from '@nestjs/common';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { exploreTwilioRoutes } from '../routes/twilio-route.explorer.js';
import { ROUTES_HELP } from './cli.help.js';
import { CliUsageError, EXIT_FAILED, EXIT_OK, type CliIo } from './cli-io.js';

const COMMAND = 'routes';

/** `routes`: the app's webhook routes with kinds and public URLs, without starting the app. */
export async function runRoutes(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      module: { type: 'string' },
      export: { type: 'string' },
      'public-url': { type: 'string' },
      prefix: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
    strict: true,
  });
  if (values.help) {
    io.out(ROUTES_HELP);
    return EXIT_OK;
  }
  if (!values.module) {
    throw new CliUsageError(
      '--module is required: the built file that exports your root module.',
      COMMAND,
    );
  }
  const file = isAbsolute(values.module) ? values.module : resolve(io.cwd, values.module);
  const specifier = pathToFileURL(file).href;
  let exports: Record<string, unknown>;
  try {
    exports = await (io.importModule ?? ((s: string) => import(s)))(specifier);
  } catch (error) {
    io.err(`Could not load ${file}: ${(error as Error).message}`);
    return EXIT_FAILED;
  }
  const rootModule = pickModule(exports, values.export);
  if (!rootModule) {
    io.err(
      `${file} has no export ${values.export ? `"${values.export}"` : '"AppModule" or default'}. ` +
        `Name the root module with --export.`,
    );
    return EXIT_FAILED;
  }
  const { NestFactory } = await import('@nestjs/core');
  let app: INestApplicationContext;
  try {
    // Preview mode scans modules and controllers without creating providers: no connections open.
    app = await NestFactory.createApplicationContext(rootModule as never, {
      preview: true,
      logger: false,
      abortOnError: false,
    });
  } catch (error) {
    io.err(`Could not read the module graph of ${file}: ${(error as Error).message}`);
    return EXIT_FAILED;
  }
  try {
    await applyRouterModulePaths(app);
    const publicUrl = values['public-url'] ?? (io.env.TWILIO_WEBHOOK_PUBLIC_URL || undefined);
    const routes = exploreTwilioRoutes(app, { globalPrefix: values.prefix, publicUrl });
    if (values.json) {
      io.out(JSON.stringify(routes, null, 2));
      return EXIT_OK;
    }
    if (routes.length === 0) {
      io.out(
        'No Twilio webhook routes found (handlers with @TwilioInboundMessage() and the like).',
      );
      return EXIT_OK;
    }
    printTable(routes, io);
    if (routes.some((route) => !route.url)) {
      io.out('\nPass --public-url (or set TWILIO_WEBHOOK_PUBLIC_URL) to print full URLs.');
    }
    return EXIT_OK;
  } finally {
    await app.close();
  }
}

/**
 * Preview mode creates no providers, so `RouterModule` never runs to record its paths. Its
 * routes are a plain value in the container: hand them to a `RouterModule` to record them.
 */
async function applyRouterModulePaths(app: INestApplicationContext): Promise<unknown[]> {
  const { ModulesContainer, RouterModule } = await import('@nestjs/core');
  const modules = app.get(ModulesContainer, { strict: false });
  const routers: unknown[] = [];
  for (const module of modules.values()) {
    if (module.metatype !== RouterModule) continue;
    for (const [token, wrapper] of module.providers) {
      const routes = wrapper.instance as unknown;
      if (typeof token === 'symbol' && token.description === 'ROUTES' && Array.isArray(routes)) {
        routers.push(new RouterModule(modules, routes));
      }
    }
  }
  return routers;
}

function pickModule(exports: Record<string, unknown>, name: string | undefined): unknown {
  if (name) return exports[name];
  return exports.AppModule ?? exports.default;
}

function printTable(routes: ReturnType<typeof exploreTwilioRoutes>, io: CliIo): void {
  const rows = [
    ['KIND', 'METHOD', 'URL', 'HANDLER'],
    ...routes.map((r) => [r.kind, r.method, r.url ?? r.path, `${r.controller}.${r.handler}`]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) {
    io.out(
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column])))
        .join('  '),
    );
  }
}
