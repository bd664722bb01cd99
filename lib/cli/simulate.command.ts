import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { readSendingOptions, SENDING_OPTIONS } from './cli-args.js';
import { SIMULATE_HELP } from './cli.help.js';
import { CliUsageError, EXIT_FAILED, EXIT_OK, type CliIo } from './cli-io.js';
import { buildPayload, KIND_ALIASES, SIMULATE_KINDS } from './simulate-kinds.js';
import { formatTwiml } from './twiml-format.js';
import { deliverWebhook, delivered, explainFailure, statusLine } from './webhook-delivery.js';

const COMMAND = 'simulate';

/** `simulate <kind>`: one signed webhook, then the status and the reply. */
export async function runSimulate(
  kindName: string | undefined,
  args: string[],
  io: CliIo,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...SENDING_OPTIONS,
      method: { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
    },
    allowPositionals: false,
    strict: true,
  });
  if (values.help || kindName === undefined) {
    io.out(SIMULATE_HELP);
    return EXIT_OK;
  }
  const name = Object.hasOwn(KIND_ALIASES, kindName) ? KIND_ALIASES[kindName] : kindName;
  const kind = Object.hasOwn(SIMULATE_KINDS, name) ? SIMULATE_KINDS[name] : undefined;
  if (!kind) {
    throw new CliUsageError(
      `Unknown kind "${kindName}". Kinds: ${Object.keys(SIMULATE_KINDS).join(', ')}, ` +
        `message-lifecycle, call-lifecycle.`,
      COMMAND,
    );
  }
  const method = (values.method ?? 'POST').toUpperCase();
  if (method !== 'POST' && method !== 'GET') {
    throw new CliUsageError(`--method must be GET or POST, not "${values.method}".`, COMMAND);
  }
  const options = readSendingOptions(values, io, COMMAND);
  const payload = buildPayload(kind, options.params);
  if (payload.body !== undefined && method === 'GET') {
    throw new CliUsageError(
      'Event Streams webhooks are JSON and sent with POST; drop --method GET.',
      COMMAND,
    );
  }
  const id = kind.idKey ? idOf(payload, kind.idKey) : undefined;
  io.out(`${method} ${options.url}  (${name}${id ? `, ${kind.idKey} ${id}` : ''})`);
  if (values.verbose) {
    io.out(payload.params ? formatParams(payload.params) : JSON.stringify(payload.body, null, 2));
  }
  const result = await deliverWebhook(io.fetch, {
    url: options.url,
    publicUrl: options.publicUrl,
    authToken: options.token,
    params: payload.params,
    body: payload.body,
    method,
    idempotencyToken: randomUUID(),
    timeoutMs: options.timeoutMs,
  });
  if (result.error) {
    io.err(explainFailure(result, options.tokenSource) ?? statusLine(result));
    return EXIT_FAILED;
  }
  io.out(`<- ${statusLine(result)}${result.contentType ? `  ${result.contentType}` : ''}`);
  if (result.text)
    io.out(/xml/i.test(result.contentType ?? '') ? formatTwiml(result.text) : result.text);
  const problem = explainFailure(result, options.tokenSource);
  if (problem) io.err(problem);
  return delivered(result) ? EXIT_OK : EXIT_FAILED;
}

function idOf(
  payload: { params?: Record<string, string>; body?: unknown },
  key: string,
): string | undefined {
  if (payload.params) return payload.params[key];
  const body = payload.body as Record<string, unknown> | undefined;
  return typeof body?.[key] === 'string' ? (body[key] as string) : undefined;
}

function formatParams(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([key, value]) => `  ${key}=${value}`)
    .join('\n');
}
