import {
  assertNoConnectionOverrides,
  parseConnectionOverrides,
  withConnectionOverrides,
} from './connection-overrides.js';

const BASE = 'https://hooks.example.com/twilio/status?tenant=a';

describe('withConnectionOverrides', () => {
  it('writes the overrides as the fragment, in a stable order', () => {
    expect(
      withConnectionOverrides(BASE, { rc: 3, rp: ['5xx', 'ct'], tt: 12000, ct: 1000, e: 'dublin' }),
    ).toBe(`${BASE}#ct=1000&tt=12000&rc=3&rp=5xx,ct&e=dublin`);
    expect(withConnectionOverrides(BASE, { rp: 'all' })).toBe(`${BASE}#rp=all`);
    expect(withConnectionOverrides(BASE, {})).toBe(BASE);
  });

  it('accepts the documented bounds', () => {
    expect(withConnectionOverrides(BASE, { ct: 100, rt: 15000, tt: 100, rc: 0 })).toBe(
      `${BASE}#ct=100&rt=15000&tt=100&rc=0`,
    );
    expect(withConnectionOverrides(BASE, { ct: 10000, rc: 5 })).toBe(`${BASE}#ct=10000&rc=5`);
  });

  it.each([
    [{ ct: 99 }, /ct=99 .*100 to 10000/],
    [{ ct: 10001 }, /ct=10001/],
    [{ rt: 15001 }, /rt=15001 .*100 to 15000/],
    [{ tt: 50 }, /tt=50/],
    [{ rc: 6 }, /rc=6 .*0 to 5/],
    [{ rc: 1.5 }, /integer/],
    [{ rp: 'sometimes' }, /retry policy/],
    [{ rp: [] }, /retry policy/],
    [{ e: 'mars' }, /not a Twilio edge/],
  ])('refuses %j', (overrides, message) => {
    expect(() => withConnectionOverrides(BASE, overrides as never)).toThrow(RangeError);
    expect(() => withConnectionOverrides(BASE, overrides as never)).toThrow(message);
  });

  it('refuses unknown keys', () => {
    expect(() => withConnectionOverrides(BASE, { retries: 2 } as never)).toThrow(
      /not a Twilio connection override/,
    );
  });

  it.each(['conversations', 'frontline', 'event-streams'] as const)(
    'refuses %s webhooks, where Twilio does not apply overrides',
    (target) => {
      expect(() => withConnectionOverrides(BASE, { rc: 1 }, target)).toThrow(/does not support/);
      expect(() => assertNoConnectionOverrides(`${BASE}#rc=1`, target)).toThrow(
        /Remove the fragment/,
      );
      expect(() => assertNoConnectionOverrides(BASE, target)).not.toThrow();
    },
  );

  it('merges with overrides already in the URL, the new ones winning', () => {
    expect(withConnectionOverrides(`${BASE}#rc=2&rp=ct`, { rc: 4, tt: 9000 })).toBe(
      `${BASE}#tt=9000&rc=4&rp=ct`,
    );
  });

  it('reads a fragment back, and checks it', () => {
    expect(parseConnectionOverrides(`${BASE}#ct=1000&rp=ct,rt&e=tokyo`)).toEqual({
      ct: 1000,
      rp: ['ct', 'rt'],
      e: 'tokyo',
    });
    expect(parseConnectionOverrides(BASE)).toEqual({});
    expect(() => parseConnectionOverrides(`${BASE}#rc=9`)).toThrow(RangeError);
    expect(() => parseConnectionOverrides(`${BASE}#foo=1`)).toThrow(TypeError);
  });
});
