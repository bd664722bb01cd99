/**
 * Micro benchmark: what typing a webhook payload costs, next to `JSON.parse` of the same payload
 * in the same run, and next to the naive class-transformer + class-validator route.
 *
 * Run: `npm run bench:payload`. It compiles this file, and the `lib/` and fixture files it
 * imports, with `tsc` (the build's compiler options) into `.tmp/bench/`, then runs it with plain
 * `node`: TypeScript 7 has no programmatic API, Node 20 cannot strip types, and no TS loader is
 * installed. Compiling apart from `dist/` leaves a concurrent build or package test alone.
 *
 * Each case runs in interleaved rounds after a warm-up; the report gives ns per payload of the
 * best and of the median round, each as a ratio to `JSON.parse` of the same payload. On a shared
 * machine the best round is the figure to compare.
 */
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  CallStatusCallback,
  CloudEvent,
  createTwilioPayload,
  InboundMessage,
  type TwilioPayloadClass,
} from '../lib/index.js';
import {
  CLOUD_EVENT_DELIVERED,
  CLOUD_EVENT_STRING_DATA,
} from '../test/fixtures/payloads/events.fixtures.js';
import { INBOUND_WHATSAPP_MEDIA } from '../test/fixtures/payloads/messaging.fixtures.js';
import { CALL_STATUS_SEQUENCE } from '../test/fixtures/payloads/voice.fixtures.js';

const ROUNDS = 5;
const ITERATIONS = 20_000;
let sink: unknown;

interface Case {
  readonly label: string;
  readonly run: () => unknown;
}

interface Group {
  readonly name: string;
  readonly cases: Case[];
}

/** The guard's form parsing, repeated here because it is not public: a key that repeats becomes an array. */
function formParams(text: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(text)) {
    const seen = params[key];
    params[key] =
      seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return params;
}

/** ns per payload of each round, sorted: the best round is the least disturbed by other load. */
function roundsNs(run: () => unknown): number[] {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < ITERATIONS; i++) sink = run();
    samples.push(Number(process.hrtime.bigint() - start) / ITERATIONS);
  }
  return samples.sort((a, b) => a - b);
}

function naive(cls: TwilioPayloadClass, params: object): unknown {
  const instance = plainToInstance(cls as never, params) as object;
  if (validateSync(instance).length > 0) throw new Error('the fixture should validate');
  return instance;
}

function formCases(name: string, cls: TwilioPayloadClass, fixture: Record<string, string>): Group {
  const text = new URLSearchParams(fixture).toString();
  const json = JSON.stringify(fixture);
  const params = formParams(text);
  return {
    name,
    cases: [
      { label: 'JSON.parse of the same payload as JSON', run: () => JSON.parse(json) },
      {
        label: 'createTwilioPayload (the request path)',
        run: () => createTwilioPayload(cls, params),
      },
      {
        label: 'form parsing (the guard) + createTwilioPayload',
        run: () => createTwilioPayload(cls, formParams(text)),
      },
      { label: 'plainToInstance + validateSync (naive)', run: () => naive(cls, params) },
    ],
  };
}

function cloudEventCases(): Group {
  const json = JSON.stringify([CLOUD_EVENT_DELIVERED, CLOUD_EVENT_STRING_DATA]);
  const parsed = JSON.parse(json) as Record<string, unknown>[];
  return {
    name: 'Event Streams batch of 2 CloudEvents, one with data as JSON text',
    cases: [
      { label: 'JSON.parse of the body', run: () => JSON.parse(json) },
      {
        label: 'createTwilioPayload of each event',
        run: () => parsed.map((e) => createTwilioPayload(CloudEvent, e)),
      },
      {
        label: 'plainToInstance + validateSync (naive)',
        run: () => parsed.map((e) => naive(CloudEvent, e)),
      },
    ],
  };
}

const groups: Group[] = [
  formCases('Inbound WhatsApp message, 2 media, 27 fields', InboundMessage, INBOUND_WHATSAPP_MEDIA),
  formCases('Call status callback, 24 fields', CallStatusCallback, CALL_STATUS_SEQUENCE[3]),
  cloudEventCases(),
];

for (const { cases } of groups)
  for (const c of cases) for (let i = 0; i < 2_000; i++) sink = c.run(); // warm-up
console.log(
  `node ${process.version}, ${ROUNDS} rounds x ${ITERATIONS} payloads; ns/payload, best and median round\n`,
);
for (const { name, cases: group } of groups) {
  console.log(name);
  // Interleave the cases so that a burst of outside load does not land on one case only.
  const samples = group.map(() => [] as number[]);
  for (let pass = 0; pass < 3; pass++) group.forEach((c, i) => samples[i].push(...roundsNs(c.run)));
  const best = samples.map((s) => Math.min(...s));
  const median = samples.map((s) => s.sort((a, b) => a - b)[Math.floor(s.length / 2)]);
  group.forEach((c, i) => {
    const ratio = `${(best[i] / best[0]).toFixed(2)}x / ${(median[i] / median[0]).toFixed(2)}x JSON.parse`;
    const ns = `${best[i].toFixed(0).padStart(6)} / ${median[i].toFixed(0).padStart(6)} ns`;
    console.log(`  ${c.label.padEnd(48)} ${ns}  ${ratio}`);
  });
  console.log('');
}
if (sink === undefined) console.log('');
