import { SIMULATE_KINDS } from './simulate-kinds.js';

export const MAIN_HELP = `twilio-webhooks: rehearse Twilio's webhooks against your Nest app

Usage:
  twilio-webhooks simulate <kind> --url <endpoint> [options]
  twilio-webhooks simulate message-lifecycle --url <status-callback> [options]
  twilio-webhooks simulate call-lifecycle --url <status-callback> [options]
  twilio-webhooks routes --module <file> [options]

Commands:
  simulate   send a realistic, signed webhook (or a whole status lifecycle)
  routes     list an app's webhook routes with their kinds and public URLs

Run "twilio-webhooks <command> --help" for a command's options.
The auth token comes from --token or TWILIO_AUTH_TOKEN.`;

const kindLines = Object.entries(SIMULATE_KINDS)
  .map(([name, kind]) => `  ${name.padEnd(18)} ${kind.describe}`)
  .join('\n');

const SENDING_OPTIONS = `  --url <url>            endpoint to call (https://user:pass@host/... for Basic auth)
  --token <token>        auth token to sign with (default: TWILIO_AUTH_TOKEN)
  --public-url <origin>  origin the app signs against, when it differs from --url's
                         (the app's publicUrl; default: TWILIO_WEBHOOK_PUBLIC_URL)
  -p, --param Key=Value  set or replace a parameter (repeatable; Key= sends it empty)
  --timeout <ms>         give up after this long (default 15000, like Twilio)`;

export const SIMULATE_HELP = `Usage: twilio-webhooks simulate <kind> --url <endpoint> [options]

Sends one signed webhook of a kind, then prints the status and the reply (TwiML
pretty-printed). Exit code 0 for a 2xx reply, 1 otherwise.

Kinds:
${kindLines}
  message-lifecycle  a message's status callbacks, start to end (see its --help)
  call-lifecycle     a call's status callbacks, start to end (see its --help)

Options:
${SENDING_OPTIONS}
  --method <GET|POST>    HTTP method configured in Twilio (default POST)
  -v, --verbose          print every parameter sent
  -h, --help             show this help

Examples:
  twilio-webhooks simulate inbound-message --url http://localhost:3000/twilio/sms -p Body=HELP
  twilio-webhooks simulate message-status --url http://localhost:3000/twilio/status -p MessageStatus=failed`;

export const LIFECYCLE_HELP = (name: 'message-lifecycle' | 'call-lifecycle'): string => {
  const message = name === 'message-lifecycle';
  const finals = message
    ? 'delivered (default), read, undelivered, failed'
    : 'completed (default), busy, no-answer, failed, canceled';
  const sequence = message
    ? 'queued, sending, sent, delivered (one MessageSid)'
    : 'initiated, ringing, in-progress, completed (one CallSid, SequenceNumber 0, 1, 2, …)';
  return `Usage: twilio-webhooks simulate ${name} --url <status-callback> [options]

Plays a whole status sequence, ${sequence}, the way Twilio
delivers it: at least once, in any order, retried on failure. A progress line
shows each delivery; exit code 0 when every callback was finally accepted.

Options:
${SENDING_OPTIONS}
  --final <status>       how it ends: ${finals}
  --duplicate            deliver every callback twice; the copy carries the same
                         I-Twilio-Idempotency-Token, as a Twilio redelivery does
  --shuffle              deliver in random order (see --seed)
  --seed <n>             order for --shuffle, to replay a run (printed when omitted)
  --retry                retry a callback answered with a 5xx or not at all, with the
                         same I-Twilio-Idempotency-Token (Twilio's #rc/rp overrides)
  --retry-count <n>      retries per callback with --retry, 0-5 (default 1)
  --delay <ms>           pause between deliveries (default 0)
  -h, --help             show this help

Example:
  twilio-webhooks simulate ${name} --url http://localhost:3000/twilio/status --duplicate --shuffle`;
};

export const ROUTES_HELP = `Usage: twilio-webhooks routes --module <file> [options]

Lists the webhook routes of a Nest app (handlers with a Twilio route decorator),
with their kinds and the full public URLs to paste into the Twilio console. The
module is loaded without starting the app (Nest's preview mode).

Options:
  --module <file>        the built JavaScript file that exports the root module
  --export <name>        the module's export name (default AppModule, else default)
  --public-url <origin>  origin Twilio calls (default: TWILIO_WEBHOOK_PUBLIC_URL,
                         else the module's publicUrl)
  --prefix <prefix>      the app's global prefix (app.setGlobalPrefix)
  --json                 print JSON
  -h, --help             show this help

Example:
  twilio-webhooks routes --module dist/app.module.js --public-url https://abc123.ngrok-free.app`;
