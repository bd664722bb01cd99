import { ADAPTERS } from '../support/adapters.js';
import { signForm } from '../support/twilio-signing.js';
import { BAD_INPUT_ORIGIN, BAD_INPUT_TOKEN } from '../fixtures/bad-input/bad-input.app.js';
import { useBadInputApp } from '../fixtures/bad-input/bad-input.harness.js';
import type { RawResponse } from '../fixtures/bad-input/raw-http.js';
import { FORM_TYPE, signedForm, STATUS_PARAMS } from '../fixtures/bad-input/signed-request.js';

// Hand-picked headers and HTTP framing: missing, duplicated, oversized and odd values. Node's
// HTTP parser answers several of these (400, 431) before either adapter sees the request.
const SIGNATURE = signForm(BAD_INPUT_TOKEN, `${BAD_INPUT_ORIGIN}/hooks/status`, STATUS_PARAMS);

describe.each(ADAPTERS)('bad input, hand-picked headers, on %s', (adapter) => {
  const h = useBadInputApp(adapter);

  const refused = (res: RawResponse, status: number) => h.expectRefused(res, status);
  const accepted = (res: RawResponse) => void h.expectAccepted(res);
  const withSignature = (value: string | Buffer | null) =>
    signedForm(STATUS_PARAMS, { headers: { 'X-Twilio-Signature': value } });

  describe('X-Twilio-Signature', () => {
    it('refuses a request without it, or with it empty, with 403', async () => {
      refused(await h.send(withSignature(null)), 403);
      refused(await h.send(withSignature('')), 403);
      refused(await h.send(withSignature('   ')), 403);
    });

    it('accepts the genuine value with surrounding whitespace, which HTTP ignores', async () => {
      accepted(await h.send(withSignature(`  ${SIGNATURE}\t`)));
    });

    it('refuses it sent twice, even twice genuine: Node joins the values', async () => {
      const twice = signedForm(STATUS_PARAMS, { extra: [['X-Twilio-Signature', SIGNATURE]] });
      refused(await h.send(twice), 403);
      const forgedFirst = signedForm(STATUS_PARAMS, {
        headers: { 'X-Twilio-Signature': 'A'.repeat(28) },
        extra: [['X-Twilio-Signature', SIGNATURE]],
      });
      refused(await h.send(forgedFirst), 403);
    });

    it('refuses control characters with 400 and high bytes with 403', async () => {
      refused(await h.send(withSignature(Buffer.from([0x61, 0x00, 0x62]))), 400);
      refused(await h.send(withSignature(Buffer.from([0x61, 0x1b, 0x62]))), 400);
      refused(await h.send(withSignature(Buffer.from([0xff, 0xfe, 0x80]))), 403);
      refused(await h.send(withSignature(Buffer.from(`${SIGNATURE}\u00e9`, 'latin1'))), 403);
    });

    it("refuses a value past Node's 16 KiB header limit with 431", async () => {
      refused(await h.send(withSignature('A'.repeat(20_000))), 431);
    });
  });

  describe('other headers', () => {
    it('uses the first Content-Type when two are sent, as Node keeps only that one', async () => {
      const formFirst = signedForm(STATUS_PARAMS, { extra: [['Content-Type', 'text/plain']] });
      accepted(await h.send(formFirst));
      const textFirst = signedForm(STATUS_PARAMS, {
        headers: { 'Content-Type': 'text/plain' },
        extra: [['Content-Type', FORM_TYPE]],
      });
      refused(await h.send(textFirst), 403);
    });

    it('refuses two different Content-Length headers with 400', async () => {
      refused(await h.send(signedForm(STATUS_PARAMS, { extra: [['Content-Length', '3']] })), 400);
    });

    it('refuses Content-Length with Transfer-Encoding, and broken chunking, with 400', async () => {
      const smuggled = signedForm(STATUS_PARAMS, {
        headers: { 'Transfer-Encoding': 'chunked' },
        extra: [['Content-Length', '5']],
        body: '0\r\n\r\n',
      });
      refused(await h.send(smuggled), 400);
      const broken = signedForm(STATUS_PARAMS, {
        headers: { 'Transfer-Encoding': 'chunked' },
        body: 'zz\r\nabc\r\n0\r\n\r\n',
      });
      refused(await h.send(broken), 400);
    });

    it('needs Host on HTTP/1.1 (400) but not on HTTP/1.0; with publicUrl its value does not matter', async () => {
      refused(await h.send(signedForm(STATUS_PARAMS, { headers: { Host: null } })), 400);
      accepted(
        await h.send(signedForm(STATUS_PARAMS, { headers: { Host: null }, version: '1.0' })),
      );
      accepted(await h.send(signedForm(STATUS_PARAMS, { extra: [['Host', 'evil.example']] })));
      accepted(
        await h.send(
          signedForm(STATUS_PARAMS, { headers: { Host: Buffer.from([0xff, 0x20, 0x7e]) } }),
        ),
      );
    });

    it('handles a repeated or odd idempotency token once', async () => {
      const repeated = signedForm(STATUS_PARAMS, {
        extra: [
          ['I-Twilio-Idempotency-Token', 'idem-1'],
          ['I-Twilio-Idempotency-Token', 'idem-2'],
        ],
      });
      accepted(await h.send(repeated));
      const odd = signedForm(STATUS_PARAMS, {
        extra: [['I-Twilio-Idempotency-Token', Buffer.from('\u00ff\t"\\{}', 'latin1')]],
      });
      accepted(await h.send(odd));
    });
  });

  describe('methods and paths', () => {
    it('answers other methods on a webhook route with 404 and runs nothing', async () => {
      for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
        const req = signedForm(STATUS_PARAMS).toString('latin1').replace(/^POST/, method);
        refused(await h.send(Buffer.from(req, 'latin1')), 404);
      }
    });

    it('refuses a path with a broken percent escape without a 5xx', async () => {
      const res = await h.send(signedForm(STATUS_PARAMS, { path: '/hooks/status%' }));
      // Express finds no route for it; Fastify refuses the URL itself.
      refused(res, adapter === 'express' ? 404 : 400);
    });
  });
});
