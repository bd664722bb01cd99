export type { TwilioDeadLetter } from './twilio-event-queue.interface.js';
export { TwilioDeadLetters } from './twilio-dead-letters.service.js';
