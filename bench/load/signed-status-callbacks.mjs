// Realistic message status callbacks, each for a distinct message (so that idempotency never turns
// the run into duplicate short-circuits), signed by the twilio SDK as Twilio signs them.
import { randomUUID } from 'node:crypto';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { AUTH_TOKEN, PUBLIC_URL, STATUS_PATH } from './bench-server.mjs';

const ACCOUNT_SID = 'AC' + '3f9a1c'.repeat(5) + '0b';
const SERVICE_SID = 'MG' + '7e2d4a'.repeat(5) + '91';
const STATUSES = ['sent', 'delivered', 'delivered', 'delivered', 'undelivered', 'failed'];

/** The parameters of status callback number `n`, in the order Twilio sends them. */
export function statusCallbackParams(n) {
  const status = STATUSES[n % STATUSES.length];
  const sid = 'SM' + n.toString(16).padStart(32, '0');
  const params = {
    SmsSid: sid,
    SmsStatus: status,
    MessageStatus: status,
    To: '+1415555' + String(n % 10_000).padStart(4, '0'),
    MessagingServiceSid: SERVICE_SID,
    MessageSid: sid,
    AccountSid: ACCOUNT_SID,
    From: '+14155550100',
    ApiVersion: '2010-04-01',
  };
  if (status === 'delivered') params.RawDlrDoneDate = '2603011042';
  if (status === 'failed' || status === 'undelivered') params.ErrorCode = '30003';
  return params;
}

/** `count` signed requests (headers and body), ready for autocannon. */
export function signedStatusCallbacks(count) {
  const url = PUBLIC_URL + STATUS_PATH;
  return Array.from({ length: count }, (_, n) => {
    const params = statusCallbackParams(n);
    return {
      body: new URLSearchParams(params).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
        'x-twilio-signature': getExpectedTwilioSignature(AUTH_TOKEN, url, params),
        'i-twilio-idempotency-token': randomUUID(),
        'user-agent': 'TwilioProxy/1.1',
        accept: '*/*',
      },
    };
  });
}
