import * as fc from 'fast-check';
import { ADAPTERS } from '../support/adapters.js';
import { signForm, type Params } from '../support/twilio-signing.js';
import {
  BAD_INPUT_ORIGIN as ORIGIN,
  BAD_INPUT_TOKEN as TOKEN,
} from '../fixtures/bad-input/bad-input.app.js';
import { useBadInputApp } from '../fixtures/bad-input/bad-input.harness.js';
import {
  paramsArb,
  queryArb,
  twilioShapedParamsArb,
} from '../fixtures/bad-input/form-params.arbitraries.js';
import {
  forgedSignatureArb,
  isLegalHeaderValue,
} from '../fixtures/bad-input/http-wire.arbitraries.js';

// Property tests on form parameters: every request Twilio's own SDK signed is accepted (or, for a
// malformed known field, refused with 400), and every request whose signature does not cover
// what was sent gets 403 and reaches nothing. No run ever gets a 5xx or crashes the app.
// BAD_INPUT_RUNS raises the count for a deeper local run; CI keeps the default short.
const RUNS = Number(process.env.BAD_INPUT_RUNS) || 120;
const ROUTES = ['/hooks/status', '/hooks/sms'] as const;
const okStatus = (path: string) => (path.startsWith('/hooks/sms') ? 200 : 204);

describe.each(ADAPTERS)('bad input, form parameters (property-based), on %s', (adapter) => {
  // Each property ends by proving the app still answers a genuine callback.
  const h = useBadInputApp(adapter, { checkServingAfterEach: true });

  it('accepts every Twilio-shaped request the SDK signed, whatever unknown fields and values it carries', async () => {
    await fc.assert(
      fc.asyncProperty(
        twilioShapedParamsArb,
        queryArb,
        fc.constantFrom(...ROUTES),
        async (params, query, route) => {
          const path = query ? `${route}?${query}` : route;
          const res = await h.postForm(path, params, signForm(TOKEN, ORIGIN + path, params));
          expect(h.expectAccepted(res, okStatus(path)).params).toEqual(params);
          expect(h.reached.events).toHaveLength(1);
        },
      ),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('answers any signed parameters with success or 400 (a malformed known field), never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(paramsArb, fc.constantFrom(...ROUTES), async (params, path) => {
        const res = await h.postForm(path, params, signForm(TOKEN, ORIGIN + path, params));
        expect([okStatus(path), 400]).toContain(res.status);
        if (res.status === 400) expect(h.reached.calls).toHaveLength(0);
        else expect(h.expectAccepted(res, okStatus(path)).params).toEqual(params);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('refuses with 403 every request whose signature does not cover what was sent', async () => {
    const forgery = fc.oneof(
      // the right algorithm with the wrong secret
      fc.constant((path: string, p: Params) => signForm('f'.repeat(32), ORIGIN + path, p)),
      // genuine for other parameters: one added, or one value changed
      fc.constant((path: string, p: Params) => signForm(TOKEN, ORIGIN + path, { ...p, Extra: '' })),
      fc.constant((path: string, p: Params) => signForm(TOKEN, ORIGIN + path, tamper(p))),
      // genuine for another URL
      fc.constant((path: string, p: Params) => signForm(TOKEN, `${ORIGIN}/hooks/other`, p)),
      forgedSignatureArb.map((signature) => () => signature),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(twilioShapedParamsArb, paramsArb),
        fc.constantFrom(...ROUTES),
        forgery,
        async (params, path, forge) => {
          const signature = forge(path, params);
          const res = await h.postForm(path, params, signature);
          // Node's parser refuses a header value with control characters before the app sees it.
          const legal = isLegalHeaderValue(Buffer.from(signature ?? '', 'utf8'));
          h.expectRefused(res, legal ? 403 : 400);
        },
      ),
      { numRuns: RUNS },
    );
  }, 60_000);
});

/** The same parameters with one value changed (or one added when there are none). */
function tamper(params: Params): Params {
  const [first] = Object.keys(params);
  if (first === undefined) return { Body: 'x' };
  const value = params[first];
  return { ...params, [first]: Array.isArray(value) ? [...value, 'x'] : `${value}x` };
}
