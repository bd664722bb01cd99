export * from './twilio-webhook-options.interface.js';
export * from './resolved-twilio-options.interface.js';
