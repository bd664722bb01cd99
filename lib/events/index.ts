export type { TwilioEventContext } from './twilio-event-context.interface.js';
export type { TwilioEventName, TwilioEventPattern } from './twilio-event-name.js';
export type { TwilioEventPayload, TwilioEventPayloads } from './twilio-event-payloads.js';
export { TwilioEventBus, type TwilioEmitOptions } from './twilio-event-bus.js';
export { TwilioEventBusyError, TwilioHandlerError } from './twilio-event.errors.js';
export type { TwilioEventHandlerInfo } from './twilio-handler.registry.js';
