// `nestjs-twilio-webhooks/testing`: sign requests and build realistic payloads in your own tests.
export {
  signTwilioRequest,
  type SignedTwilioRequest,
  type SignTwilioRequestInput,
  type TwilioSigningParams,
} from './sign-twilio-request.js';
export {
  buildTwilioWebhookRequest,
  postTwilioWebhook,
  type TwilioWebhookInput,
  type TwilioWebhookRequest,
  type TwilioWebhookResponse,
} from './post-twilio-webhook.js';
export { twilioFixtures, type TwilioFormFixtureName } from './twilio-fixtures.js';
export type { TwilioFixtureOverrides, TwilioFixtureParams } from './fixtures/fixture-helpers.js';
export type {
  TwilioCloudEventFixture,
  TwilioCloudEventOverrides,
} from './fixtures/cloud-event.fixtures.js';
export { isTwilioSid, twilioSid } from './twilio-sid.js';
