import type { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';

/**
 * Without TWILIO_AUTH_TOKEN the sample makes a development token, so it runs with no Twilio
 * account. A real deployment sets the account's Auth Token instead.
 */
export function ensureAuthToken(logger: Logger): { value: string; generated: boolean } {
  const existing = process.env.TWILIO_AUTH_TOKEN;
  if (existing) return { value: existing, generated: false };
  const value = randomBytes(16).toString('hex');
  process.env.TWILIO_AUTH_TOKEN = value;
  logger.warn(
    `TWILIO_AUTH_TOKEN is not set: using the development token ${value}. ` +
      `Set TWILIO_AUTH_TOKEN (and TWILIO_WEBHOOK_PUBLIC_URL for a tunnel) to take real Twilio traffic.`,
  );
  return { value, generated: true };
}

/** Prints curl commands: one signed exactly as Twilio would sign it, one forged. */
export function printTryItCommands(logger: Logger, token: string, port: number): void {
  const url = `http://localhost:${port}/twilio/sms`;
  const params = {
    AccountSid: 'AC' + randomBytes(16).toString('hex'),
    MessageSid: 'SM' + randomBytes(16).toString('hex'),
    From: '+14155550100',
    To: '+14155550199',
    Body: 'Hello from curl',
    NumMedia: '0',
    NumSegments: '1',
    SmsStatus: 'received',
    ApiVersion: '2010-04-01',
  };
  const body = new URLSearchParams(params).toString();
  const signature = getExpectedTwilioSignature(token, url, params);
  const curl = (sig: string) =>
    `curl -i ${url} -H 'Content-Type: application/x-www-form-urlencoded' ` +
    `-H 'X-Twilio-Signature: ${sig}' --data '${body}'`;
  logger.log(
    `Send a correctly signed SMS webhook (expect 200 and TwiML):\n\n  ${curl(signature)}\n`,
  );
  logger.log(`Send a forged one (expect 403):\n\n  ${curl('forged' + signature.slice(6))}\n`);
}
