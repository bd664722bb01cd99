import { ADAPTERS } from '../support/adapters.js';
import { formBody, type Params } from '../support/twilio-signing.js';
import { useBadInputApp } from '../fixtures/bad-input/bad-input.harness.js';
import type { RawResponse } from '../fixtures/bad-input/raw-http.js';
import {
  CLOUD_EVENT_BODY as EVENT,
  signedForm,
  signedJson,
  STATUS_PARAMS,
} from '../fixtures/bad-input/signed-request.js';

// Hand-picked encodings and parameter lists: invalid UTF-8, broken escapes, huge numbers of
// parameters, names that mean something to JavaScript or to parsers.
const filler = (count: number): Params =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`Extra${i}`, `v${i}`]));

describe.each(ADAPTERS)('bad input, hand-picked encodings and parameters, on %s', (adapter) => {
  const express = adapter === 'express';
  const h = useBadInputApp(adapter);
  const refused = (res: RawResponse, status: number) => h.expectRefused(res, status);
  const accepted = (res: RawResponse) => h.expectAccepted(res);

  describe('invalid UTF-8', () => {
    const replaced = { ...STATUS_PARAMS, Body: '\uFFFD\uFFFD' };

    it('decodes invalid bytes in a form value to U+FFFD, the way the signature is checked', async () => {
      const raw = Buffer.concat([
        Buffer.from(`${formBody(STATUS_PARAMS)}&Body=`),
        Buffer.from([0xff, 0xfe]),
      ]);
      expect(accepted(await h.send(signedForm(replaced, { body: raw }))).params.Body).toBe(
        '\uFFFD\uFFFD',
      );
      const escaped = `${formBody(STATUS_PARAMS)}&Body=%FF%FE`;
      expect(accepted(await h.send(signedForm(replaced, { body: escaped }))).params.Body).toBe(
        '\uFFFD\uFFFD',
      );
      const forged = signedForm({ ...STATUS_PARAMS, Body: 'ok' }, { body: raw });
      refused(await h.send(forged), 403);
    });

    it('keeps malformed percent escapes as text, an incomplete sequence as U+FFFD', async () => {
      const params = { ...STATUS_PARAMS, Body: '%ZZ\uFFFD%' };
      const res = await h.send(
        signedForm(params, { body: `${formBody(STATUS_PARAMS)}&Body=%ZZ%E2%82%` }),
      );
      expect(accepted(res).params.Body).toBe('%ZZ\uFFFD%');
    });

    it('checks a JSON delivery over its exact bytes, invalid UTF-8 included', async () => {
      const at = EVENT.indexOf('DELIVERED') + 'DELIVERED'.length; // inside a JSON string
      const bytes = Buffer.concat([
        Buffer.from(EVENT.slice(0, at)),
        Buffer.of(0xff),
        Buffer.from(EVENT.slice(at)),
      ]);
      expect(accepted(await h.send(signedJson(bytes))).json).toMatchObject([
        { data: { messageStatus: 'DELIVERED\uFFFD' } },
      ]);
      const altered = Buffer.from(bytes);
      altered[altered.indexOf(0xff)] = 0xfe; // decodes to the same U+FFFD, but is not what was signed
      refused(await h.send(signedJson(bytes, { sent: altered })), 403);
    });

    it('refuses a raw non-ASCII byte in the request line, and accepts it percent-encoded', async () => {
      refused(await h.send(signedForm(STATUS_PARAMS, { path: '/hooks/status?x=\xff' })), 400);
      accepted(await h.send(signedForm(STATUS_PARAMS, { path: '/hooks/status?x=%FF' })));
    });
  });

  describe('numbers of parameters', () => {
    const size = Object.keys(STATUS_PARAMS).length;

    it('accepts 1,000 signed parameters and refuses 1,001 with 413 on both adapters', async () => {
      accepted(await h.send(signedForm({ ...STATUS_PARAMS, ...filler(1000 - size) })));
      refused(await h.send(signedForm({ ...STATUS_PARAMS, ...filler(1001 - size) })), 413);
      const tags = (n: number) => ({
        ...STATUS_PARAMS,
        Tag: Array.from({ length: n }, (_, i) => `t${i}`),
      });
      accepted(await h.send(signedForm(tags(1000 - size))));
      refused(await h.send(signedForm(tags(1001 - size))), 413);
    });

    it('refuses 60,000 tiny parameters with 413 before checking any signature', async () => {
      const body = Array.from({ length: 60_000 }, (_, i) => `P${i}=`).join('&');
      refused(await h.send(signedForm({}, { body })), 413);
    });

    it('accepts parameter names that mean something to JavaScript or to parsers', async () => {
      const params = {
        ...STATUS_PARAMS,
        constructor: 'a',
        toString: 'b',
        hasOwnProperty: 'c',
        '': 'd',
        'a[b]': 'e',
      };
      const call = accepted(await h.send(signedForm(params, { body: `${formBody(params)}&&&` })));
      expect(call.params).toEqual(params);
    });

    it('answers a key named __proto__ and deeply bracketed keys without a 5xx', async () => {
      const proto = Object.fromEntries([...Object.entries(STATUS_PARAMS), ['__proto__', 'x']]);
      const protoRes = await h.send(signedForm(proto));
      // Fastify refuses it as prototype poisoning before any route runs.
      if (express) expect(accepted(protoRes).params).toEqual(proto);
      else refused(protoRes, 400);
      const deep = await h.send(signedForm({ ...STATUS_PARAMS, ['a' + '[b]'.repeat(40)]: 'x' }));
      // Express's extended parser refuses nesting deeper than 32 before the guard.
      if (express) refused(deep, 400);
      else accepted(deep);
    });
  });
});
