import type { TwilioParams } from '../../signature/twilio-request-state.interface.js';
import { fieldReaderOf, type FieldReader } from './field-readers.js';
import { mediaOf } from './media-item.js';
import { twilioFieldsOf } from './twilio-field.decorator.js';
import { TwilioPayloadError } from './twilio-payload.error.js';

/**
 * A payload class: one whose fields `@TwilioField()` declares. It is instantiated with no
 * arguments, as class-transformer does.
 * @publicApi
 */
export type TwilioPayloadClass<T extends object = object> = abstract new (...args: never[]) => T;

/** What the request path needs of a class, worked out once from its field declarations. */
interface CompiledPayloadClass {
  readonly readers: ReadonlyMap<string, FieldReader>;
  readonly required: readonly string[];
  readonly media: readonly string[];
}

const COMPILED = new WeakMap<Function, CompiledPayloadClass>();
// Keeps the input of every payload built, for `rawTwilioPayloadOf`.
const RAW = Symbol.for('nestjs-twilio-webhooks:raw-payload');

/**
 * Builds a typed payload from the parameters Twilio sent: declared fields are read into numbers,
 * booleans, dates, parsed JSON and media; every other key is kept as it arrived. Throws
 * `TwilioPayloadError` naming the field when one is malformed. This is what `@TwilioPayload()`
 * uses; call it yourself to type parameters from a queue or a test.
 *
 * @publicApi
 * @example
 * const sms = createTwilioPayload(InboundMessage, req.body); // sms.NumMedia is a number
 */
export function createTwilioPayload<T extends object>(
  cls: TwilioPayloadClass<T>,
  params: Readonly<TwilioParams> | Readonly<Record<string, unknown>>,
): T {
  const compiled = COMPILED.get(cls) ?? compile(cls);
  // `new` rather than `Object.create`: V8 sizes instances of a constructor to the properties
  // they end up with, which makes building a 30-field payload about a quarter faster.
  const payload = new (cls as unknown as new () => Record<string, unknown>)();
  for (const key of Object.keys(params)) {
    const value = (params as Record<string, unknown>)[key];
    const read = compiled.readers.get(key);
    const typed = read === undefined ? value : read(value);
    // An own `__proto__` key (possible in JSON and in parsed forms) must not set the prototype.
    if (key === '__proto__')
      Object.defineProperty(payload, key, { value: typed, enumerable: true, writable: true });
    else if (typed !== undefined) payload[key] = typed;
  }
  for (const name of compiled.required) {
    const value = payload[name];
    if (value === undefined || value === '') throw new TwilioPayloadError(name, 'is missing');
  }
  for (const name of compiled.media) payload[name] = mediaOf(params);
  // A hidden property rather than a WeakMap: a WeakMap entry per webhook cost measurable GC time.
  Object.defineProperty(payload, RAW, { value: params });
  return payload as T;
}

/**
 * The parameters (or, for a CloudEvent, the JSON object) a payload was built from, exactly as
 * they arrived; `undefined` for an object `createTwilioPayload` did not build.
 * @publicApi
 */
export function rawTwilioPayloadOf(
  payload: object,
): Readonly<TwilioParams> | Readonly<Record<string, unknown>> | undefined {
  return Object.hasOwn(payload, RAW)
    ? ((payload as Record<symbol, unknown>)[RAW] as Readonly<TwilioParams>)
    : undefined;
}

function compile(cls: Function): CompiledPayloadClass {
  const readers = new Map<string, FieldReader>();
  const required: string[] = [];
  const media: string[] = [];
  for (const spec of twilioFieldsOf(cls)) {
    if (spec.kind === 'media') media.push(spec.name);
    else readers.set(spec.name, fieldReaderOf(spec));
    if (spec.required) required.push(spec.name);
  }
  const compiled = { readers, required, media };
  COMPILED.set(cls, compiled);
  return compiled;
}
