import * as fc from 'fast-check';
import { ADAPTERS } from '../support/adapters.js';
import { formBody, signForm, signJson } from '../support/twilio-signing.js';
import {
  BAD_INPUT_ORIGIN as ORIGIN,
  BAD_INPUT_TOKEN as TOKEN,
} from '../fixtures/bad-input/bad-input.app.js';
import { useBadInputApp } from '../fixtures/bad-input/bad-input.harness.js';
import { twilioShapedParamsArb } from '../fixtures/bad-input/form-params.arbitraries.js';
import {
  bodyArb,
  cloudEventBodyArb,
  contentTypeArb,
  forgedSignatureArb,
  harmlessHeaderNameArb,
  legalHeaderValueArb,
  oddHeaderValueArb,
  pathArb,
} from '../fixtures/bad-input/http-wire.arbitraries.js';
import { buildRequest, type RawHeader } from '../fixtures/bad-input/raw-http.js';
import { FORM_TYPE } from '../fixtures/bad-input/signed-request.js';

// Property tests on what surrounds the parameters: random bodies and content types, extra,
// repeated and odd headers, and JSON deliveries. Never a 5xx, never a crash, nothing unsigned
// reaches a handler, and every genuine request still gets through.
const RUNS = Number(process.env.BAD_INPUT_RUNS) || 120;

describe.each(ADAPTERS)('bad input, on the wire (property-based), on %s', (adapter) => {
  // Each property ends by proving the app still answers a genuine callback.
  const h = useBadInputApp(adapter, { checkServingAfterEach: true });

  it('answers random bodies, content types and signatures with a 4xx and reaches nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        pathArb,
        bodyArb,
        contentTypeArb,
        forgedSignatureArb,
        async (path, body, contentType, signature) => {
          const headers: RawHeader[] = [['Host', 'internal:3000']];
          if (contentType !== undefined) headers.push(['Content-Type', contentType]);
          if (signature !== undefined)
            headers.push(['X-Twilio-Signature', Buffer.from(signature, 'latin1')]);
          const res = await h.send(buildRequest({ path, headers, body }));
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          h.expectRefused(res, res.status);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  }, 60_000);

  it('accepts a signed request whatever extra and repeated headers come with it', async () => {
    const extraHeaders = fc.array(
      fc.tuple(harmlessHeaderNameArb, legalHeaderValueArb).map(([n, v]) => [n, v] as RawHeader),
      { maxLength: 12 },
    );
    await fc.assert(
      fc.asyncProperty(
        twilioShapedParamsArb,
        extraHeaders,
        fc.boolean(),
        async (params, extra, twice) => {
          const signature = signForm(TOKEN, `${ORIGIN}/hooks/status`, params);
          const headers = twice ? [...extra, ...extra] : extra;
          h.expectAccepted(await h.postForm('/hooks/status', params, signature, headers));
        },
      ),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('never answers 5xx for odd bytes in the headers the guard reads, and never lets a bad signature in', async () => {
    const header = fc.constantFrom(
      'Host',
      'X-Twilio-Signature',
      'Content-Type',
      'I-Twilio-Idempotency-Token',
      'X-Forwarded-Host',
      'X-Forwarded-Proto',
      'X-Twilio-Webhooks-Signature-Settings',
      'Authorization',
    );
    await fc.assert(
      fc.asyncProperty(
        twilioShapedParamsArb,
        header,
        oddHeaderValueArb,
        async (params, name, value) => {
          const signature = signForm(TOKEN, `${ORIGIN}/hooks/status`, params);
          const defaults: RawHeader[] = [
            ['Host', 'internal:3000'],
            ['Content-Type', FORM_TYPE],
            ['X-Twilio-Signature', signature],
          ];
          const headers = [...defaults.filter(([n]) => n !== name), [name, value] as RawHeader];
          const res = await h.send(
            buildRequest({ path: '/hooks/status', headers, body: formBody(params) }),
          );
          expect(res.status).not.toBe(0); // the server answered
          if (res.status === 204) {
            // Only a request whose signature was the genuine one may get through.
            if (name === 'X-Twilio-Signature')
              expect(value.toString('latin1').trim()).toBe(signature);
            h.expectAccepted(res);
          } else {
            expect(res.status).toBeLessThan(500);
            h.expectRefused(res, res.status);
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('accepts every signed JSON (bodySHA256) delivery and refuses every altered one', async () => {
    await fc.assert(
      fc.asyncProperty(cloudEventBodyArb, fc.boolean(), async (text, alter) => {
        const signed = signJson(TOKEN, `${ORIGIN}/hooks/events`, text);
        const res = await h.send(
          buildRequest({
            path: signed.url.slice(ORIGIN.length),
            headers: [
              ['Host', 'internal:3000'],
              ['Content-Type', 'application/json'],
              ['X-Twilio-Signature', signed.signature],
            ],
            body: alter ? text.replace('"1.0"', '"1.1"') : text,
          }),
        );
        const json: unknown = JSON.parse(text);
        const count = Array.isArray(json) ? json.length : 1;
        if (alter) h.expectRefused(res, 403);
        else expect(h.expectAccepted(res, 204, count).json).toEqual(json);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});
