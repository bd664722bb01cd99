// Only the TwiML builders are loaded, not the whole `twilio` SDK (its REST clients are large).
import MessagingResponse from 'twilio/lib/twiml/MessagingResponse.js';
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';

export { MessagingResponse, VoiceResponse };
export * from './twiml-reply.js';
export { TwilioReplyInterceptor } from './twilio-reply.interceptor.js';
export { TwilioRouteResponder } from './twilio-route.responder.js';
