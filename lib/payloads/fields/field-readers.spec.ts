import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import * as fc from 'fast-check';
import { fieldReaderOf } from './field-readers.js';
import type { TwilioFieldKind, TwilioFieldOptions } from './twilio-field-spec.js';
import { TwilioPayloadError } from './twilio-payload.error.js';

const reader = (kind: TwilioFieldKind, options: TwilioFieldOptions = {}) =>
  fieldReaderOf({ ...options, name: 'Field', kind });

const problemOf = (read: (v: unknown) => unknown, value: unknown): string | undefined => {
  try {
    read(value);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(TwilioPayloadError);
    expect((error as TwilioPayloadError).field).toBe('Field');
    return (error as TwilioPayloadError).problem;
  }
};

describe('field readers', () => {
  let warn: ReturnType<typeof jest.spyOn>;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('reads whole numbers, and refuses what is not one', () => {
    const read = reader('int');
    fc.assert(fc.property(fc.integer(), (n) => read(String(n)) === n));
    expect(read(30003)).toBe(30003); // JSON bodies carry numbers already
    expect(read('')).toBeUndefined();
    for (const bad of ['two', '1.5', '0x10', ' 1', '1e3', 'NaN']) {
      expect(problemOf(read, bad)).toBe('is not a whole number');
    }
  });

  it('reads decimals such as a speech confidence or a latitude', () => {
    const read = reader('decimal');
    expect(read('0.9123')).toBe(0.9123);
    expect(read('-23.5613')).toBe(-23.5613);
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (n) => read(String(n)) === n,
      ),
    );
    expect(problemOf(read, 'Infinity')).toBe('is not a number');
    expect(problemOf(read, '1,5')).toBe('is not a number');
  });

  it('reads "true" and "false" only', () => {
    const read = reader('bool');
    expect([read('true'), read('false'), read('True'), read(false), read('')]).toEqual([
      true,
      false,
      true,
      false,
      undefined,
    ]);
    expect(problemOf(read, 'yes')).toBe('is neither "true" nor "false"');
  });

  it('reads RFC 2822 and ISO 8601 dates', () => {
    const read = reader('date');
    expect(read('Wed, 20 Apr 2022 23:45:25 +0000')).toEqual(
      new Date(Date.UTC(2022, 3, 20, 23, 45, 25)),
    );
    expect(read('2020-01-01T23:28:54Z')).toEqual(new Date(Date.UTC(2020, 0, 1, 23, 28, 54)));
    fc.assert(
      fc.property(
        fc.date({ min: new Date(0), max: new Date(Date.UTC(9999, 0)), noInvalidDate: true }),
        (d) => {
          const fromUtc = read(d.toUTCString().replace('GMT', '+0000')) as Date;
          return (
            (read(d.toISOString()) as Date).getTime() === d.getTime() &&
            fromUtc.getTime() === Math.floor(d.getTime() / 1000) * 1000
          );
        },
      ),
    );
    for (const bad of ['12', 'yesterday', '2303222338', '2024-13-45T00:00:00Z']) {
      expect(problemOf(read, bad)).toBe('is not an RFC 2822 or ISO 8601 date');
    }
  });

  it('checks the shape of SIDs, and only logs an unexpected prefix', () => {
    const read = reader('sid', { prefixes: ['SM', 'MM'] });
    const hex = fc.stringMatching(/^[0-9a-f]{32}$/);
    fc.assert(fc.property(hex, (h) => read(`SM${h}`) === `SM${h}`));
    expect(read(`CA${'a'.repeat(32)}`)).toBe(`CA${'a'.repeat(32)}`);
    expect(read(`CA${'b'.repeat(32)}`)).toBe(`CA${'b'.repeat(32)}`);
    expect(
      warn.mock.calls.filter(([line]: unknown[]) => String(line).includes('Field="CA"')),
    ).toHaveLength(1);
    expect(read('')).toBe(''); // Twilio sends ParentAccountSid= empty
    for (const bad of [
      'SM123',
      `sm${'a'.repeat(32)}`,
      `SM${'g'.repeat(32)}`,
      `SM${'a'.repeat(33)}`,
    ]) {
      expect(problemOf(read, bad)).toMatch(/is not a Twilio SID/);
    }
  });

  it('parses JSON text and keeps parsed JSON', () => {
    const read = reader('json');
    expect(read('{"a":[1,{"b":null}]}')).toEqual({ a: [1, { b: null }] });
    expect(read({ a: 1 })).toEqual({ a: 1 });
    expect(problemOf(read, '{a:1}')).toBe('is not valid JSON');
  });

  it('keeps enum values, known or not', () => {
    const read = reader('enum', { values: ['Error', 'Warning'], ignoreCase: true });
    expect([read('ERROR'), read('Critical'), read('')]).toEqual(['ERROR', 'Critical', '']);
    const logged = warn.mock.calls.map(([line]: unknown[]) => String(line));
    expect(logged.filter((line: string) => line.includes('Field="Critical"'))).toHaveLength(1);
    expect(logged.filter((line: string) => line.includes('ERROR'))).toHaveLength(0);
    expect(problemOf(read, 3)).toBe('is not text');
  });

  it('refuses a scalar field sent several times, unless it may repeat', () => {
    expect(problemOf(reader('int'), ['1', '2'])).toBe('was sent 2 times');
    expect(problemOf(reader('string'), ['a', 'b'])).toBe('was sent 2 times');
    expect(reader('string', { repeated: true })(['+1415', '+1416'])).toEqual(['+1415', '+1416']);
  });
});
