export * from './inject-twilio-webhook-options.decorator.js';
export * from './on-twilio-event.decorator.js';
export * from './twilio-payload.decorator.js';
export * from './twilio-route-kind.js';
export * from './twilio-route.decorator.js';
export * from './twilio-routes.decorator.js';
