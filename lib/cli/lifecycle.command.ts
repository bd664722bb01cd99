import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import {
  parseInteger,
  readSendingOptions,
  SENDING_OPTIONS,
  type SendingOptions,
} from './cli-args.js';
import { LIFECYCLE_HELP } from './cli.help.js';
import { CliUsageError, EXIT_FAILED, EXIT_OK, type CliIo } from './cli-io.js';
import {
  CALL_LIFECYCLES,
  MESSAGE_LIFECYCLES,
  planLifecycle,
  seededRandom,
  type PlannedDelivery,
} from './lifecycle.plan.js';
import {
  deliverWebhook,
  delivered,
  explainFailure,
  retryable,
  statusLine,
  type DeliveryResult,
} from './webhook-delivery.js';

export type LifecycleName = 'message-lifecycle' | 'call-lifecycle';

/** `simulate message-lifecycle` / `simulate call-lifecycle`: a whole status sequence. */
export async function runLifecycle(
  name: LifecycleName,
  args: string[],
  io: CliIo,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...SENDING_OPTIONS,
      final: { type: 'string' },
      duplicate: { type: 'boolean' },
      shuffle: { type: 'boolean' },
      seed: { type: 'string' },
      retry: { type: 'boolean' },
      'retry-count': { type: 'string' },
      delay: { type: 'string' },
    },
    allowPositionals: false,
    strict: true,
  });
  if (values.help) {
    io.out(LIFECYCLE_HELP(name));
    return EXIT_OK;
  }
  const command = `simulate ${name}`;
  const lifecycles = name === 'message-lifecycle' ? MESSAGE_LIFECYCLES : CALL_LIFECYCLES;
  const final = values.final ?? (name === 'message-lifecycle' ? 'delivered' : 'completed');
  const statuses = Object.hasOwn(lifecycles, final) ? lifecycles[final] : undefined;
  if (!statuses) {
    throw new CliUsageError(
      `--final must be one of ${Object.keys(lifecycles).join(', ')}, not "${final}".`,
      command,
    );
  }
  const options = readSendingOptions(values, io, command);
  const seed = values.shuffle
    ? parseInteger(values.seed, '--seed', command, {
        fallback: Math.floor((io.random ?? Math.random)() * 1e9),
      })
    : undefined;
  const retries = values.retry
    ? parseInteger(values['retry-count'], '--retry-count', command, { max: 5, fallback: 1 })
    : 0;
  const delayMs = parseInteger(values.delay, '--delay', command, { fallback: 0 });
  const plan = planLifecycle(
    name === 'message-lifecycle' ? 'message' : 'call',
    statuses,
    options.params,
    {
      duplicate: values.duplicate,
      shuffle: values.shuffle,
      random: seed === undefined ? undefined : seededRandom(seed),
    },
  );
  const idKey = name === 'message-lifecycle' ? 'MessageSid' : 'CallSid';
  io.out(
    `${name}: ${statuses.join(' -> ')} for ${idKey} ${plan[0].params[idKey]}, ${plan.length} deliveries` +
      `${values.duplicate ? ', duplicated' : ''}${seed === undefined ? '' : `, shuffled (--seed ${seed})`}` +
      `${retries ? `, ${retries} retr${retries === 1 ? 'y' : 'ies'} on failure` : ''}`,
  );
  return play(plan, options, { retries, delayMs }, io);
}

async function play(
  plan: readonly PlannedDelivery[],
  options: SendingOptions,
  settings: { retries: number; delayMs: number },
  io: CliIo,
): Promise<number> {
  const started = performance.now();
  const width = String(plan.length).length;
  const statusWidth = Math.max(...plan.map((item) => item.status.length));
  const show = io.progress ?? io.out;
  let accepted = 0;
  let retried = 0;
  const failures: { item: PlannedDelivery; result: DeliveryResult }[] = [];
  for (const [index, item] of plan.entries()) {
    if (index > 0 && settings.delayMs > 0) await sleep(settings.delayMs);
    let result = await send(item, options, io);
    let attempt = 0;
    while (retryable(result) && attempt < settings.retries) {
      attempt++;
      retried++;
      show(progressLine(index, plan.length, width, item, statusWidth, result, `retry ${attempt}`));
      result = await send(item, options, io);
    }
    const note = [
      item.duplicate ? 'duplicate' : '',
      attempt ? `after ${attempt} retr${attempt === 1 ? 'y' : 'ies'}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    show(progressLine(index, plan.length, width, item, statusWidth, result, note));
    if (delivered(result)) accepted++;
    else failures.push({ item, result });
  }
  const ms = Math.round(performance.now() - started);
  io.out(
    `${accepted} of ${plan.length} deliveries accepted, ${failures.length} failed, ${retried} ` +
      `retr${retried === 1 ? 'y' : 'ies'}, ${ms} ms.`,
  );
  const explained = new Set<string>();
  for (const { item, result } of failures) {
    const why = explainFailure(result, options.tokenSource) ?? statusLine(result);
    if (explained.has(why)) continue;
    explained.add(why);
    io.err(`${item.status}: ${why}`);
  }
  return failures.length === 0 ? EXIT_OK : EXIT_FAILED;
}

function send(item: PlannedDelivery, options: SendingOptions, io: CliIo): Promise<DeliveryResult> {
  return deliverWebhook(io.fetch, {
    url: options.url,
    publicUrl: options.publicUrl,
    authToken: options.token,
    params: item.params,
    idempotencyToken: item.idempotencyToken,
    timeoutMs: options.timeoutMs,
  });
}

function progressLine(
  index: number,
  total: number,
  width: number,
  item: PlannedDelivery,
  statusWidth: number,
  result: DeliveryResult,
  note: string,
): string {
  const position = `[${String(index + 1).padStart(width)}/${total}]`;
  return `${position} ${item.status.padEnd(statusWidth)} -> ${statusLine(result)}${note ? `  (${note})` : ''}`;
}
