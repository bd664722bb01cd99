import type { TwilioFieldSpec } from './twilio-field-spec.js';
import { TwilioPayloadError } from './twilio-payload.error.js';
import { noteUnknownValue } from './unknown-values.js';

// Strict readers of the request path: each turns one wire value into its typed form, or throws
// `TwilioPayloadError` naming the field. Form values are strings (arrays when a key repeats);
// Event Streams values are already JSON, so every reader also accepts its own output type.

/** A Twilio SID: two capital letters and 32 hex digits (reference §16). */
export const SID_PATTERN = /^[A-Z]{2}[0-9a-fA-F]{32}$/;
const INT_PATTERN = /^-?\d{1,15}$/;
const DECIMAL_PATTERN = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}|$)/;
const RFC2822_DATE = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{2}:\d{2}/;

/** Reads a field's value; `undefined` for an empty or absent optional value. */
export type FieldReader = (value: unknown) => unknown;

/** Builds the reader of one field once, so the request path does no option lookups. */
export function fieldReaderOf(spec: TwilioFieldSpec): FieldReader {
  const name = spec.name;
  const fail = (problem: string): never => {
    throw new TwilioPayloadError(name, problem);
  };
  const scalar = (value: unknown): unknown => {
    if (Array.isArray(value) && !spec.repeated) fail(`was sent ${value.length} times`);
    return value === null ? undefined : value;
  };
  switch (spec.kind) {
    case 'string':
      return (raw) => {
        const value = scalar(raw);
        if (value === undefined || typeof value === 'string') return value;
        if (spec.repeated && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
          return value;
        }
        return fail('is not text');
      };
    case 'sid': {
      const prefixes = spec.prefixes && new Set(spec.prefixes);
      return (raw) => {
        const value = scalar(raw);
        if (value === undefined || value === '') return value;
        if (typeof value !== 'string' || !SID_PATTERN.test(value)) {
          return fail('is not a Twilio SID (two capital letters and 32 hex digits)');
        }
        if (prefixes && !prefixes.has(value.slice(0, 2)))
          noteUnknownValue(name, value.slice(0, 2), 'SID prefix');
        return value;
      };
    }
    case 'int':
      return number(scalar, INT_PATTERN, Number.isSafeInteger, 'is not a whole number', fail);
    case 'decimal':
      return number(scalar, DECIMAL_PATTERN, Number.isFinite, 'is not a number', fail);
    case 'bool':
      return (raw) => {
        const value = scalar(raw);
        if (value === undefined || value === '') return undefined;
        if (typeof value === 'boolean') return value;
        const text = typeof value === 'string' ? value.toLowerCase() : '';
        if (text === 'true') return true;
        if (text === 'false') return false;
        return fail('is neither "true" nor "false"');
      };
    case 'date':
      return (raw) => {
        const value = scalar(raw);
        if (value === undefined || value === '') return undefined;
        if (value instanceof Date) return value;
        const time =
          typeof value === 'string' && (ISO_DATE.test(value) || RFC2822_DATE.test(value))
            ? Date.parse(value)
            : Number.NaN;
        return Number.isNaN(time) ? fail('is not an RFC 2822 or ISO 8601 date') : new Date(time);
      };
    case 'json':
      return (raw) => {
        const value = scalar(raw);
        if (value === undefined || value === '') return undefined;
        if (typeof value !== 'string') return value;
        try {
          return JSON.parse(value);
        } catch {
          return fail('is not valid JSON');
        }
      };
    case 'enum': {
      const known = new Set(
        spec.ignoreCase ? spec.values?.map((v) => v.toLowerCase()) : spec.values,
      );
      return (raw) => {
        const value = scalar(raw);
        if (value === undefined || value === '') return value;
        if (typeof value !== 'string') return fail('is not text');
        if (!known.has(spec.ignoreCase ? value.toLowerCase() : value))
          noteUnknownValue(name, value);
        return value;
      };
    }
    case 'media':
      return (value) => value; // derived from the indexed keys, see `mediaOf`
  }
}

function number(
  scalar: (value: unknown) => unknown,
  pattern: RegExp,
  check: (n: number) => boolean,
  problem: string,
  fail: (problem: string) => never,
): FieldReader {
  return (raw) => {
    const value = scalar(raw);
    if (value === undefined || value === '') return undefined;
    if (typeof value === 'number') return check(value) ? value : fail(problem);
    if (typeof value !== 'string' || !pattern.test(value)) return fail(problem);
    const n = Number(value);
    return check(n) ? n : fail(problem);
  };
}
