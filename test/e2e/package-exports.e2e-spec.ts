import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Loads the built package by its own name in a plain Node process, as a user's app does.
// `npm test` builds dist/ first (the pretest script).

describe('the built package', () => {
  it('exports the public API under its name, without loading all of twilio', () => {
    expect(existsSync(new URL('../../dist/index.js', import.meta.url))).toBe(true);
    const script = `
      import { createRequire } from 'node:module';
      const m = await import('nestjs-twilio-webhooks');
      const require = createRequire(import.meta.url);
      const loaded = Object.keys(require.cache).filter((p) => p.includes('/twilio/lib/rest/'));
      console.log(JSON.stringify({
        names: ['TwilioWebhookModule', 'TwilioSignatureGuard', 'TwilioInboundMessage', 'TwilioStatusCallback',
          'TwilioPayload', 'MessagingResponse', 'VoiceResponse'].filter((n) => typeof m[n] !== 'function'),
        rest: loaded.length,
      }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: new URL('../..', import.meta.url),
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({ names: [], rest: 0 });
  });
});
