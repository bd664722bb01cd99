import {
  Controller,
  Headers,
  Injectable,
  InternalServerErrorException,
  Module,
  Req,
  type INestApplication,
} from '@nestjs/common';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { main, type CliIo } from '../../lib/cli/twilio-webhooks.cli.js';
import {
  getTwilioRequestState,
  MessagingResponse,
  TwilioInboundMessage,
  TwilioStatusCallback,
  TwilioWebhookModule,
  type TwilioWebhookModuleOptions,
} from '../../lib/index.js';
import { ADAPTERS, createApp } from '../support/adapters.js';

const TOKEN = '12345678901234567890123456789012';

interface Delivery {
  route: string;
  params: Record<string, string>;
  token?: string;
}

@Injectable()
class Deliveries {
  readonly list: Delivery[] = [];
  readonly failedOnce = new Set<string>();
}

@Controller('twilio')
class CliTargetController {
  constructor(private readonly deliveries: Deliveries) {}

  private record(route: string, req: object, token?: string) {
    const params = { ...getTwilioRequestState(req)?.params } as Record<string, string>;
    this.deliveries.list.push({ route, params, token });
  }

  @TwilioInboundMessage('sms')
  sms(@Req() req: object) {
    this.record('sms', req);
    const body = getTwilioRequestState(req)?.params.Body;
    return new MessagingResponse().message(`Got: ${body}`);
  }

  @TwilioStatusCallback('status')
  status(@Req() req: object, @Headers('i-twilio-idempotency-token') token?: string) {
    this.record('status', req, token);
  }

  /** Fails the first delivery of every idempotency token, like an app that hiccups. */
  @TwilioStatusCallback('flaky')
  flaky(@Req() req: object, @Headers('i-twilio-idempotency-token') token?: string) {
    this.record('flaky', req, token);
    if (token && !this.deliveries.failedOnce.has(token)) {
      this.deliveries.failedOnce.add(token);
      throw new InternalServerErrorException();
    }
  }

  @TwilioStatusCallback('broken')
  broken(@Req() req: object) {
    this.record('broken', req);
    throw new Error('handler bug');
  }
}

@Module({})
class CliTargetModule {}

const targetApp = (options: TwilioWebhookModuleOptions) => ({
  module: CliTargetModule,
  imports: [TwilioWebhookModule.forRoot(options)],
  controllers: [CliTargetController],
  providers: [Deliveries],
});

/** An in-memory terminal: what the CLI printed, and its environment. */
function memoryIo(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env,
    fetch: globalThis.fetch,
    cwd: process.cwd(),
  };
  return { io, out, err, stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each(ADAPTERS)('twilio-webhooks CLI against a running app on %s', (adapter) => {
  let app: INestApplication;
  let base: string;
  const deliveries = () => app.get(Deliveries).list;
  /** `simulate <kind>` against a path of the app, signed with the app's token. */
  const simulate = (kind: string, path: string, ...extra: string[]) => [
    'simulate',
    kind,
    '--url',
    `${base}${path}`,
    '--token',
    TOKEN,
    ...extra,
  ];
  const boot = async (options: TwilioWebhookModuleOptions = { authToken: TOKEN }) => {
    app = await createApp(adapter, targetApp(options));
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  };
  afterEach(async () => {
    await app?.close();
  });

  describe('simulate <kind>', () => {
    it('sends a signed SMS and prints the status and the TwiML, pretty-printed', async () => {
      await boot();
      const term = memoryIo();
      const code = await main(
        simulate('inbound-message', '/twilio/sms', '-p', 'Body=HELP'),
        term.io,
      );
      expect(code).toBe(0);
      expect(term.stdout()).toContain('<- 200 OK');
      expect(term.stdout()).toContain('<Response>\n  <Message>Got: HELP</Message>\n</Response>');
      expect(deliveries()).toHaveLength(1);
      expect(deliveries()[0].params).toMatchObject({ Body: 'HELP', SmsStatus: 'received' });
      expect(term.err).toEqual([]);
    });

    it('takes the token from TWILIO_AUTH_TOKEN and sends a status callback (204)', async () => {
      await boot();
      const term = memoryIo({ TWILIO_AUTH_TOKEN: TOKEN });
      const code = await main(
        [
          'simulate',
          'message-status',
          '--url',
          `${base}/twilio/status`,
          '-p',
          'MessageStatus=failed',
        ],
        term.io,
      );
      expect(code).toBe(0);
      expect(term.stdout()).toContain('<- 204 No Content');
      expect(deliveries()[0].params).toMatchObject({ MessageStatus: 'failed', ErrorCode: '30008' });
      expect(deliveries()[0].token).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('signs for --public-url when the app has a publicUrl, and explains a 403 without it', async () => {
      await boot({ authToken: TOKEN, publicUrl: 'https://abc123.ngrok-free.app' });
      const url = `${base}/twilio/sms`;
      const unsigned = memoryIo({ TWILIO_AUTH_TOKEN: TOKEN });
      expect(await main(['simulate', 'sms', '--url', url], unsigned.io)).toBe(1);
      expect(unsigned.stdout()).toContain('<- 403 Forbidden');
      expect(unsigned.stderr()).toMatch(/signature mismatch/);
      expect(unsigned.stderr()).toMatch(/publicUrl/);
      expect(deliveries()).toHaveLength(0);

      const term = memoryIo({ TWILIO_AUTH_TOKEN: TOKEN });
      const args = [
        'simulate',
        'sms',
        '--url',
        url,
        '--public-url',
        'https://abc123.ngrok-free.app',
      ];
      expect(await main(args, term.io)).toBe(0);
      expect(deliveries()).toHaveLength(1);
    });

    it('reports a wrong token as a signature mismatch, naming where the token came from', async () => {
      await boot();
      const term = memoryIo();
      const args = [
        'simulate',
        'inbound-call',
        '--url',
        `${base}/twilio/sms`,
        '--token',
        'f'.repeat(32),
      ];
      expect(await main(args, term.io)).toBe(1);
      expect(term.stderr()).toMatch(/403 Forbidden: signature mismatch.*auth token from --token/);
      expect(deliveries()).toHaveLength(0);
    });

    it('reports a 5xx as the app failing, with what Twilio would do', async () => {
      await boot();
      const term = memoryIo();
      expect(await main(simulate('call-status', '/twilio/broken'), term.io)).toBe(1);
      expect(term.stderr()).toMatch(/^500 Internal Server Error: the app failed .*retry/);
    });

    it('reports a 404 with a pointer to the routes command', async () => {
      await boot();
      const term = memoryIo();
      expect(await main(simulate('sms', '/nowhere'), term.io)).toBe(1);
      expect(term.stderr()).toMatch(/404 Not Found: no route at \/nowhere.*twilio-webhooks routes/);
    });
  });

  describe('simulate message-lifecycle', () => {
    const lifecycle = (extra: string[], io: CliIo) =>
      main(simulate('message-lifecycle', '/twilio/status', ...extra), io);

    it('plays queued, sending, sent, delivered for one message, with a progress line each', async () => {
      await boot();
      const term = memoryIo();
      expect(await lifecycle([], term.io)).toBe(0);
      const got = deliveries();
      expect(got.map((d) => d.params.MessageStatus)).toEqual([
        'queued',
        'sending',
        'sent',
        'delivered',
      ]);
      expect(new Set(got.map((d) => d.params.MessageSid)).size).toBe(1);
      expect(new Set(got.map((d) => d.token)).size).toBe(4);
      expect(
        term.out.filter((line) => /^\[\d\/4\] \w+ +-> 204 No Content/.test(line)),
      ).toHaveLength(4);
      expect(term.stdout()).toContain('4 of 4 deliveries accepted, 0 failed');
    });

    it('duplicates and shuffles: every status twice, a copy keeping its token, in seeded order', async () => {
      await boot();
      const term = memoryIo();
      const args = ['--duplicate', '--shuffle', '--seed', '42'];
      expect(await lifecycle(args, term.io)).toBe(0);
      const first = deliveries().map((d) => ({ status: d.params.MessageStatus, token: d.token! }));
      expect(first).toHaveLength(8);
      const statuses = ['queued', 'sending', 'sent', 'delivered'];
      for (const status of statuses) {
        const copies = first.filter((d) => d.status === status);
        expect(copies).toHaveLength(2);
        expect(copies[0].token).toBe(copies[1].token);
      }
      expect(new Set(first.map((d) => d.token)).size).toBe(4);
      const canonical = statuses.flatMap((s) => [s, s]);
      expect(first.map((d) => d.status)).not.toEqual(canonical);
      expect(term.stdout()).toContain('shuffled (--seed 42)');
      const progress = term.out.filter((line) => line.startsWith('['));
      for (const status of statuses) {
        const lines = progress.filter((line) => line.includes(`] ${status} `));
        expect(lines.map((line) => line.includes('(duplicate)'))).toEqual([false, true]);
      }

      // The same seed replays the same order.
      app.get(Deliveries).list.length = 0;
      expect(await lifecycle(args, memoryIo().io)).toBe(0);
      expect(deliveries().map((d) => d.params.MessageStatus)).toEqual(first.map((d) => d.status));
    });

    it('ends with a failure status and its error code', async () => {
      await boot();
      expect(await lifecycle(['--final', 'undelivered'], memoryIo().io)).toBe(0);
      const last = deliveries().at(-1)!.params;
      expect(last).toMatchObject({ MessageStatus: 'undelivered', ErrorCode: '30003' });
    });

    it('--retry resends a callback answered with 5xx, with the same idempotency token', async () => {
      await boot();
      const flaky = simulate('message-lifecycle', '/twilio/flaky');
      const term = memoryIo();
      expect(await main([...flaky, '--retry'], term.io)).toBe(0);
      const got = deliveries();
      expect(got).toHaveLength(8);
      for (let i = 0; i < got.length; i += 2) {
        expect(got[i + 1].token).toBe(got[i].token);
        expect(got[i + 1].params).toEqual(got[i].params);
      }
      expect(term.stdout()).toContain('4 of 4 deliveries accepted, 0 failed, 4 retries');
      expect(term.out.some((line) => line.includes('(after 1 retry)'))).toBe(true);
    });

    it('without --retry, a 5xx fails the run and is explained once', async () => {
      await boot();
      const term = memoryIo();
      const flaky = simulate('message-lifecycle', '/twilio/flaky');
      expect(await main(flaky, term.io)).toBe(1);
      expect(term.stdout()).toContain('0 of 4 deliveries accepted, 4 failed');
      expect(term.err).toHaveLength(1);
      expect(term.stderr()).toMatch(/500 Internal Server Error/);
    });
  });

  describe('simulate call-lifecycle', () => {
    it('plays initiated, ringing, in-progress, completed with SequenceNumber 0 to 3', async () => {
      await boot();
      const args = simulate('call-lifecycle', '/twilio/status');
      expect(await main(args, memoryIo().io)).toBe(0);
      const got = deliveries().map((d) => d.params);
      expect(got.map((p) => [p.CallStatus, p.SequenceNumber])).toEqual([
        ['initiated', '0'],
        ['ringing', '1'],
        ['in-progress', '2'],
        ['completed', '3'],
      ]);
      expect(new Set(got.map((p) => p.CallSid)).size).toBe(1);
      expect(got[3]).toMatchObject({
        CallbackSource: 'call-progress-events',
        SipResponseCode: '200',
      });
    });

    it('ends busy with --final busy', async () => {
      await boot();
      const args = simulate('call-lifecycle', '/twilio/status');
      expect(await main([...args, '--final', 'busy'], memoryIo().io)).toBe(0);
      expect(deliveries().map((d) => d.params.CallStatus)).toEqual([
        'initiated',
        'ringing',
        'busy',
      ]);
    });
  });
});

describe('twilio-webhooks CLI without an app', () => {
  it('explains an unreachable URL', async () => {
    const port = await closedPort();
    const term = memoryIo();
    const args = [
      'simulate',
      'sms',
      '--url',
      `http://127.0.0.1:${port}/twilio/sms`,
      '--token',
      TOKEN,
    ];
    expect(await main(args, term.io)).toBe(1);
    expect(term.stderr()).toMatch(
      /Could not reach 127\.0\.0\.1:\d+: connection refused\. Is the app running/,
    );
  });

  it('explains an unreachable URL in a lifecycle, once', async () => {
    const port = await closedPort();
    const term = memoryIo();
    const url = `http://127.0.0.1:${port}/twilio/status`;
    expect(
      await main(['simulate', 'call-lifecycle', '--url', url, '--token', TOKEN], term.io),
    ).toBe(1);
    expect(term.err).toHaveLength(1);
    expect(term.stdout()).toContain('0 of 4 deliveries accepted, 4 failed');
  });

  it.each([
    [[], 'Usage:'],
    [['--help'], 'Commands:'],
    [['simulate', '--help'], 'Kinds:'],
    [['simulate', 'message-lifecycle', '--help'], '--duplicate'],
    [['simulate', 'call-lifecycle', '--help'], 'SequenceNumber'],
    [['routes', '--help'], '--module'],
  ])('prints help for %j', async (argv, expected) => {
    const term = memoryIo();
    const code = await main(argv, term.io);
    expect(code).toBe(argv.length === 0 ? 2 : 0);
    expect(term.stdout()).toContain(expected);
  });

  it.each([
    [['simulate', 'fax', '--url', 'http://x', '--token', 't'], /Unknown kind "fax"/],
    [
      ['simulate', 'constructor', '--url', 'http://x', '--token', 't'],
      /Unknown kind "constructor"/,
    ],
    [['simulate', 'sms', '--token', 't'], /--url is required/],
    [['simulate', 'sms', '--url', 'http://x'], /No auth token/],
    [['simulate', 'sms', '--url', 'nope', '--token', 't'], /not an absolute URL/],
    [['simulate', 'sms', '--url', 'http://x', '--token', 't', '-p', 'Body'], /not Key=Value/],
    [
      ['simulate', 'sms', '--url', 'http://x', '--token', 't', '--bogus'],
      /Unknown option '--bogus'/,
    ],
    [
      ['simulate', 'message-lifecycle', '--url', 'http://x', '--token', 't', '--final', 'lost'],
      /--final must be one of/,
    ],
    [
      ['simulate', 'call-lifecycle', '--url', 'http://x', '--token', 't', '--final', 'toString'],
      /--final must be one of/,
    ],
    [
      [
        'simulate',
        'message-lifecycle',
        '--url',
        'http://x',
        '--token',
        't',
        '--retry',
        '--retry-count',
        '9',
      ],
      /--retry-count/,
    ],
    [['deploy'], /Unknown command "deploy"/],
    [['routes'], /--module is required/],
  ])('refuses %j with exit code 2 and a pointer to --help', async (argv, message) => {
    const term = memoryIo();
    expect(await main(argv, term.io)).toBe(2);
    expect(term.stderr()).toMatch(message);
    expect(term.stderr()).toMatch(/--help" for usage/);
  });
});
