export {
  exploreTwilioRoutes,
  type TwilioRouteExplorerOptions,
  type TwilioWebhookRoute,
} from './twilio-route.explorer.js';
export { logTwilioWebhookRoutes, TwilioWebhookRouteLogger } from './twilio-webhook-route.logger.js';
