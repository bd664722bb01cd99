import { Controller, Module, type INestApplication } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { MessagingResponse, TwilioInboundMessage, TwilioWebhookModule } from '../../lib/index.js';
import { createApp } from '../support/adapters.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
// TWILIO_WEBHOOKS_DIST points at another build of the package (inside the repository).
const DIST = process.env.TWILIO_WEBHOOKS_DIST ?? resolve(ROOT, 'dist');
const BIN = resolve(DIST, 'cli/bin.js');
const TOKEN = '12345678901234567890123456789012';
const built = existsSync(BIN);
// A fresh Node process loads Nest and the package: give it time on a busy machine.
const SPAWN_TIMEOUT = 60_000;

@Controller('twilio')
class BinTargetController {
  @TwilioInboundMessage('sms')
  sms() {
    return new MessagingResponse().message('Hello from the built bin');
  }
}

@Module({
  imports: [TwilioWebhookModule.forRoot({ authToken: TOKEN })],
  controllers: [BinTargetController],
})
class BinTargetModule {}

// The built executable, run as a user runs it. `npm test` builds dist/ first (pretest).
(built ? describe : describe.skip)('the built twilio-webhooks bin (dist/cli/bin.js)', () => {
  let app: INestApplication;
  const work = resolve(ROOT, '.tmp/cli-bin-test');
  beforeAll(async () => {
    app = await createApp('express', BinTargetModule);
    await app.listen(0, '127.0.0.1');
    await mkdir(work, { recursive: true });
  });
  afterAll(async () => {
    await app?.close();
    await rm(work, { recursive: true, force: true });
  });

  it(
    'simulates a signed SMS against a running app',
    async () => {
      const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/twilio/sms`;
      const { stdout } = await run(process.execPath, [BIN, 'simulate', 'sms', '--url', url], {
        env: { ...process.env, TWILIO_AUTH_TOKEN: TOKEN, NODE_OPTIONS: '' },
      });
      expect(stdout).toContain('<- 200 OK');
      expect(stdout).toContain('  <Message>Hello from the built bin</Message>');
    },
    SPAWN_TIMEOUT,
  );

  it(
    'exits 1 on a 403 and explains it on stderr',
    async () => {
      const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/twilio/sms`;
      const failure = await run(
        process.execPath,
        [BIN, 'simulate', 'sms', '--url', url, '--token', 'x'],
        {
          env: { ...process.env, NODE_OPTIONS: '' },
        },
      ).catch((error: { code: number; stderr: string }) => error);
      expect(failure).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/signature mismatch/),
      });
    },
    SPAWN_TIMEOUT,
  );

  it(
    'lists the routes of a built module file',
    async () => {
      const file = resolve(work, 'app.module.mjs');
      await writeFile(
        file,
        `import { Controller, Module } from '@nestjs/common';
import { TwilioStatusCallback, TwilioWebhookModule } from '${resolve(DIST, 'index.js')}';
class StatusController { status() {} }
TwilioStatusCallback('status')(StatusController.prototype, 'status',
  Object.getOwnPropertyDescriptor(StatusController.prototype, 'status'));
Controller('twilio')(StatusController);
export class AppModule {}
Module({ imports: [TwilioWebhookModule.forRoot({ authToken: 'x' })], controllers: [StatusController] })(AppModule);
`,
      );
      const { stdout } = await run(
        process.execPath,
        [BIN, 'routes', '--module', file, '--public-url', 'https://abc.ngrok-free.app'],
        { env: { ...process.env, NODE_OPTIONS: '' } },
      );
      expect(stdout).toMatch(
        /status-callback +POST +https:\/\/abc\.ngrok-free\.app\/twilio\/status +StatusController\.status/,
      );
    },
    SPAWN_TIMEOUT,
  );
});

if (!built) {
  describe('the built twilio-webhooks bin', () => {
    it.skip('is skipped: dist/cli/bin.js is not built (run "npm run build"; "npm test" builds it first)', () => {});
  });
}
