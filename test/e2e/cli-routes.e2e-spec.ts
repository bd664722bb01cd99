import { Controller, Module, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory, RouterModule } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { postTwilioWebhook, twilioFixtures } from 'nestjs-twilio-webhooks/testing';
import { main, type CliIo } from '../../lib/cli/twilio-webhooks.cli.js';
import {
  TwilioEventStream,
  TwilioInboundCall,
  TwilioInboundMessage,
  TwilioStatusCallback,
  TwilioWebhookModule,
  type TwilioWebhookModuleOptions,
} from '../../lib/index.js';
import {
  exploreTwilioRoutes,
  logTwilioWebhookRoutes,
  TwilioWebhookRouteLogger,
} from '../../lib/routes/index.js';
import { ADAPTERS, type AdapterName } from '../support/adapters.js';

const TOKEN = '12345678901234567890123456789012';

@Controller('twilio')
class MessagingController {
  @TwilioInboundMessage('sms')
  sms() {
    return '<Response><Message>ok</Message></Response>';
  }

  @TwilioInboundMessage(['sms-get', 'sms-get-legacy'], { method: 'GET' })
  smsGet() {}

  @TwilioStatusCallback('status')
  status() {}

  /** Not a webhook: must not be listed. */
  health() {
    return 'ok';
  }
}

@Controller({ path: 'voice' })
class VoiceController {
  @TwilioInboundCall()
  answer() {
    return '<Response><Say>hi</Say></Response>';
  }
}

@Module({ controllers: [VoiceController] })
class VoiceModule {}

@Controller('streams')
class PlainController {
  @TwilioEventStream('events')
  events() {}
}

@Module({})
class RoutesAppModule {}

@Module({})
class LoggerTwiceModule {}

const routesApp = (options: TwilioWebhookModuleOptions, extraProviders: unknown[] = []) => ({
  module: RoutesAppModule,
  imports: [
    TwilioWebhookModule.forRoot(options),
    VoiceModule,
    RouterModule.register([{ path: 'calls', module: VoiceModule }]),
  ],
  controllers: [MessagingController, PlainController],
  providers: extraProviders as never[],
});

/** A logger that keeps what Nest's loggers wrote. */
function captureLogger() {
  const lines: { context?: string; message: string }[] = [];
  const logger: LoggerService = {
    log: (message: unknown, context?: string) => lines.push({ context, message: String(message) }),
    error: () => undefined,
    warn: () => undefined,
    debug: () => undefined,
    verbose: () => undefined,
  };
  return { logger, lines };
}

async function boot(
  adapter: AdapterName,
  module: unknown,
  { prefix, logger }: { prefix?: string; logger?: LoggerService } = {},
): Promise<INestApplication> {
  const http = adapter === 'express' ? new ExpressAdapter() : new FastifyAdapter();
  const app = await NestFactory.create(module as never, http, {
    rawBody: true,
    logger: logger ?? false,
  });
  if (prefix) app.setGlobalPrefix(prefix);
  await app.init();
  if (adapter === 'fastify') await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe.each(ADAPTERS)('route explorer on %s', (adapter) => {
  let app: INestApplication;
  afterEach(async () => {
    await app?.close();
  });

  it('finds every webhook route with kind, method, full path and public URL', async () => {
    app = await boot(
      adapter,
      routesApp({ authToken: TOKEN, publicUrl: 'https://abc.ngrok-free.app' }),
      {
        prefix: 'api',
      },
    );
    const routes = exploreTwilioRoutes(app);
    expect(routes.map((r) => [r.kind, r.method, r.path, r.url])).toEqual([
      ['inbound-call', 'POST', '/api/calls/voice', 'https://abc.ngrok-free.app/api/calls/voice'],
      [
        'event-stream',
        'POST',
        '/api/streams/events',
        'https://abc.ngrok-free.app/api/streams/events',
      ],
      ['inbound-message', 'POST', '/api/twilio/sms', 'https://abc.ngrok-free.app/api/twilio/sms'],
      [
        'inbound-message',
        'GET',
        '/api/twilio/sms-get',
        'https://abc.ngrok-free.app/api/twilio/sms-get',
      ],
      [
        'inbound-message',
        'GET',
        '/api/twilio/sms-get-legacy',
        'https://abc.ngrok-free.app/api/twilio/sms-get-legacy',
      ],
      [
        'status-callback',
        'POST',
        '/api/twilio/status',
        'https://abc.ngrok-free.app/api/twilio/status',
      ],
    ]);
    expect(routes[0]).toMatchObject({ controller: 'VoiceController', handler: 'answer' });
  });

  it('lists paths the app really serves: a signed webhook to each POST path is answered', async () => {
    app = await boot(adapter, routesApp({ authToken: TOKEN }), { prefix: 'api' });
    const routes = exploreTwilioRoutes(app).filter(
      (r) => r.method === 'POST' && r.kind !== 'event-stream',
    );
    expect(routes.every((r) => r.url === undefined)).toBe(true);
    for (const route of routes) {
      const params =
        route.kind === 'inbound-call'
          ? twilioFixtures.inboundCall()
          : twilioFixtures.messageStatus();
      const res = await postTwilioWebhook(app, route.path, { params });
      expect([route.path, res.status]).toEqual([
        route.path,
        route.kind === 'status-callback' ? 204 : 200,
      ]);
    }
  });

  it('TwilioWebhookRouteLogger logs each route with its URL at start-up', async () => {
    const { logger, lines } = captureLogger();
    const module = routesApp({ authToken: TOKEN, publicUrl: 'https://abc.ngrok-free.app/base' }, [
      TwilioWebhookRouteLogger,
    ]);
    // Provided twice (here and, e.g., by another module): the routes are still logged once.
    module.imports.push({
      module: LoggerTwiceModule,
      providers: [TwilioWebhookRouteLogger],
    } as never);
    app = await boot(adapter, module, { prefix: 'api', logger });
    const logged = lines.filter((l) => l.context === 'TwilioWebhooks').map((l) => l.message);
    expect(logged).toHaveLength(6);
    expect(logged).toContainEqual(
      expect.stringMatching(
        /^inbound-message +POST https:\/\/abc\.ngrok-free\.app\/base\/api\/twilio\/sms$/,
      ),
    );
  });

  it('takes publicUrl from TWILIO_WEBHOOK_PUBLIC_URL: logged, and used by the guard', async () => {
    const previous = process.env.TWILIO_WEBHOOK_PUBLIC_URL;
    process.env.TWILIO_WEBHOOK_PUBLIC_URL = 'https://tunnel.example.com';
    const { logger, lines } = captureLogger();
    try {
      app = await boot(adapter, routesApp({ authToken: TOKEN }, [TwilioWebhookRouteLogger]), {
        logger,
      });
    } finally {
      if (previous === undefined) delete process.env.TWILIO_WEBHOOK_PUBLIC_URL;
      else process.env.TWILIO_WEBHOOK_PUBLIC_URL = previous;
    }
    const logged = lines.filter((l) => l.context === 'TwilioWebhooks').map((l) => l.message);
    expect(logged).toContainEqual(
      expect.stringMatching(/POST https:\/\/tunnel\.example\.com\/twilio\/status$/),
    );
    const params = twilioFixtures.messageStatus();
    const viaTunnel = await postTwilioWebhook(app, '/twilio/status', {
      params,
      url: 'https://tunnel.example.com/twilio/status',
    });
    expect(viaTunnel.status).toBe(204);
    const viaHost = await postTwilioWebhook(app, '/twilio/status', {
      params,
      url: 'http://localhost/twilio/status',
    });
    expect(viaHost.status).toBe(403);
  });

  it('logs nothing in production, and says how to get URLs without publicUrl', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const { logger, lines } = captureLogger();
      app = await boot(adapter, routesApp({ authToken: TOKEN }, [TwilioWebhookRouteLogger]), {
        logger,
      });
      expect(lines.filter((l) => l.context === 'TwilioWebhooks')).toEqual([]);
    } finally {
      process.env.NODE_ENV = previous;
    }
    const messages: string[] = [];
    logTwilioWebhookRoutes(app, { logger: { log: (m: unknown) => messages.push(String(m)) } });
    expect(messages.at(-1)).toMatch(/Set publicUrl \(or TWILIO_WEBHOOK_PUBLIC_URL\)/);
    expect(messages).toContainEqual(
      expect.stringMatching(/status-callback +POST \/twilio\/status$/),
    );
  });
});

describe('twilio-webhooks routes', () => {
  const memoryIo = (
    env: Record<string, string> = {},
    exports: Record<string, unknown> = { AppModule: routesApp({ authToken: TOKEN }) },
  ) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      env,
      fetch: globalThis.fetch,
      cwd: '/srv/app',
      importModule: async (specifier) => {
        if (!specifier.endsWith('/srv/app/dist/app.module.js'))
          throw new Error(`Cannot find module '${specifier}'`);
        return exports;
      },
    };
    return { io, out, err };
  };

  it('prints a table of kinds, methods, URLs and handlers', async () => {
    const term = memoryIo();
    const code = await main(
      [
        'routes',
        '--module',
        'dist/app.module.js',
        '--public-url',
        'https://abc.ngrok-free.app',
        '--prefix',
        'api',
      ],
      term.io,
    );
    expect(code).toBe(0);
    expect(term.out[0]).toMatch(/^KIND +METHOD +URL +HANDLER$/);
    expect(term.out).toContainEqual(
      expect.stringMatching(
        /^inbound-message +POST +https:\/\/abc\.ngrok-free\.app\/api\/twilio\/sms +MessagingController\.sms$/,
      ),
    );
    expect(term.out).toContainEqual(
      expect.stringMatching(
        /inbound-call +POST +https:\/\/abc\.ngrok-free\.app\/api\/calls\/voice/,
      ),
    );
    expect(term.out).toHaveLength(7);
  });

  it('takes the public URL from TWILIO_WEBHOOK_PUBLIC_URL, and prints JSON', async () => {
    const term = memoryIo({ TWILIO_WEBHOOK_PUBLIC_URL: 'https://env.example.com' });
    expect(await main(['routes', '--module', 'dist/app.module.js', '--json'], term.io)).toBe(0);
    const routes = JSON.parse(term.out.join('\n'));
    expect(routes).toHaveLength(6);
    expect(routes[0]).toEqual({
      kind: 'inbound-call',
      method: 'POST',
      path: '/calls/voice',
      url: 'https://env.example.com/calls/voice',
      controller: 'VoiceController',
      handler: 'answer',
    });
    expect(routes.map((r: { path: string }) => r.path)).toContain('/twilio/sms-get-legacy');
  });

  it('prints paths and a hint without a public URL', async () => {
    const term = memoryIo();
    expect(await main(['routes', '--module', 'dist/app.module.js'], term.io)).toBe(0);
    expect(term.out).toContainEqual(
      expect.stringMatching(/^status-callback +POST +\/twilio\/status /),
    );
    expect(term.out.at(-1)).toMatch(/--public-url/);
  });

  it('finds a module by --export name, and explains a missing file or export', async () => {
    const named = memoryIo({}, { TwilioApp: routesApp({ authToken: TOKEN }) });
    expect(
      await main(['routes', '--module', 'dist/app.module.js', '--export', 'TwilioApp'], named.io),
    ).toBe(0);

    const missingExport = memoryIo({}, { Other: {} });
    expect(await main(['routes', '--module', 'dist/app.module.js'], missingExport.io)).toBe(1);
    expect(missingExport.err.join('\n')).toMatch(/no export "AppModule" or default.*--export/);

    const missingFile = memoryIo();
    expect(await main(['routes', '--module', 'dist/nope.js'], missingFile.io)).toBe(1);
    expect(missingFile.err.join('\n')).toMatch(/Could not load \/srv\/app\/dist\/nope\.js/);
  });
});
