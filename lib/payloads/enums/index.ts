export * from './call.enums.js';
export * from './conference.enums.js';
export * from './conversations.enums.js';
export * from './debugger.enums.js';
export * from './message.enums.js';
export * from './open-enum.js';
export * from './recording.enums.js';
