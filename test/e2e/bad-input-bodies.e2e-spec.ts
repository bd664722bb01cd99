import { gzipSync } from 'node:zlib';
import { ADAPTERS } from '../support/adapters.js';
import type { Params } from '../support/twilio-signing.js';
import { useBadInputApp } from '../fixtures/bad-input/bad-input.harness.js';
import type { RawResponse } from '../fixtures/bad-input/raw-http.js';
import {
  CLOUD_EVENT_BODY as EVENT,
  signedForm,
  signedJson,
  STATUS_PARAMS,
} from '../fixtures/bad-input/signed-request.js';

// Hand-picked bodies: content types and size limits. Where the adapters differ, the comment names
// the layer that answers (see docs/performance.md, "Limits").
const KiB = 1024;
const withBody = (size: number): Params => ({ ...STATUS_PARAMS, Body: 'x'.repeat(size) });
const chunked = (text: string) =>
  Buffer.from(`${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n0\r\n\r\n`);

describe.each(ADAPTERS)('bad input, hand-picked bodies, on %s', (adapter) => {
  const express = adapter === 'express';
  const h = useBadInputApp(adapter);

  const refused = (res: RawResponse, status: number) => h.expectRefused(res, status);
  const accepted = (res: RawResponse) => h.expectAccepted(res);

  describe('content types', () => {
    it('refuses a signed form body sent without a Content-Type', async () => {
      const res = await h.send(signedForm(STATUS_PARAMS, { headers: { 'Content-Type': null } }));
      // Express leaves the body unparsed and the guard finds no signature covering it;
      // Fastify has no parser for a body without a type.
      refused(res, express ? 403 : 415);
    });

    it.each([
      ['text/plain', 403, 403],
      ['multipart/form-data; boundary=x', 403, 415],
      ['application/octet-stream', 403, 415],
      ['application/json', 400, 400],
    ])('refuses a signed form body sent as %s', async (type, onExpress, onFastify) => {
      const res = await h.send(signedForm(STATUS_PARAMS, { headers: { 'Content-Type': type } }));
      refused(res, express ? onExpress : onFastify);
    });

    it('refuses a JSON body without bodySHA256, which no signature covers', async () => {
      const res = await h.send(
        signedForm({}, { headers: { 'Content-Type': 'application/json' }, body: EVENT }),
      );
      refused(res, 403);
    });

    it('takes the form charset Twilio sends and refuses one Express cannot decode', async () => {
      const form = 'application/x-www-form-urlencoded';
      accepted(
        await h.send(
          signedForm(STATUS_PARAMS, { headers: { 'Content-Type': `${form}; charset=iso-8859-1` } }),
        ),
      );
      const utf16 = await h.send(
        signedForm(STATUS_PARAMS, { headers: { 'Content-Type': `${form}; charset=utf-16` } }),
      );
      // Express's body parser refuses charsets other than UTF-8 and latin1; Fastify reads the bytes.
      if (express) refused(utf16, 415);
      else accepted(utf16);
    });

    it.each([
      ['application/json', 204, 204],
      ['application/json; charset=utf-8', 204, 204],
      ['text/plain', 204, 204],
      ['no Content-Type', 204, 415],
      ['application/octet-stream', 204, 415],
    ])('accepts a signed Event Streams delivery sent as %s', async (type, onExpress, onFastify) => {
      const res = await h.send(
        signedJson(EVENT, { contentType: type === 'no Content-Type' ? null : type }),
      );
      const status = express ? onExpress : onFastify;
      if (status === 204) expect(accepted(res).json).toEqual(JSON.parse(EVENT));
      else refused(res, status);
    });

    it('refuses a signed delivery whose JSON does not parse with 400', async () => {
      refused(await h.send(signedJson('[{"specversion":')), 400);
    });
  });

  describe('size limits', () => {
    it('accepts a signed callback of 90 KiB on both adapters', async () => {
      accepted(await h.send(signedForm(withBody(90 * KiB))));
    });

    it("refuses a form body over Express's 100 KiB limit with 413; Fastify's limit is 1 MiB", async () => {
      const res = await h.send(signedForm(withBody(110 * KiB)));
      if (express) refused(res, 413);
      else accepted(res);
    });

    it("refuses a JSON delivery over Express's 100 KiB limit with 413; Fastify's is 1 MiB", async () => {
      const [event] = JSON.parse(EVENT) as Record<string, unknown>[];
      const big = JSON.stringify([{ ...event, data: { note: 'x'.repeat(110 * KiB) } }]);
      const res = await h.send(signedJson(big));
      if (express) refused(res, 413);
      else expect(accepted(res).json).toEqual(JSON.parse(big));
    });

    it.each([
      ['a form', 'application/x-www-form-urlencoded'],
      ['a JSON', 'application/json'],
      ['a text', 'text/plain'],
    ])('refuses %s body over 1 MiB with 413', async (_name, type) => {
      const body = 'x'.repeat(1100 * KiB);
      refused(
        await h.send(signedForm(STATUS_PARAMS, { headers: { 'Content-Type': type }, body })),
        413,
      );
    });

    it('refuses a chunked body over 1 MiB with 413, whatever its type', async () => {
      for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
        const headers = { 'Content-Type': type, 'Transfer-Encoding': 'chunked' };
        refused(
          await h.send(
            signedForm(STATUS_PARAMS, { headers, body: chunked('x'.repeat(1100 * KiB)) }),
          ),
          413,
        );
      }
    });

    it('refuses a body of an unknown type over 1 MiB', async () => {
      const res = await h.send(
        signedForm(STATUS_PARAMS, {
          headers: { 'Content-Type': 'application/x-unknown' },
          body: 'x'.repeat(1100 * KiB),
        }),
      );
      // Express: the guard reads unparsed bodies itself, up to 1 MiB; Fastify: no parser, 415.
      refused(res, express ? 413 : 415);
    });

    it('refuses a gzip bomb without inflating it past the limit', async () => {
      const bomb = gzipSync(Buffer.from('a=' + '0'.repeat(20 * KiB * KiB)));
      const res = await h.send(
        signedForm(STATUS_PARAMS, { headers: { 'Content-Encoding': 'gzip' }, body: bomb }),
      );
      // Express inflates up to its limit, then 413; Fastify does not inflate, so the
      // compressed bytes are parameters nobody signed.
      refused(res, express ? 413 : 403);
    });
  });
});
