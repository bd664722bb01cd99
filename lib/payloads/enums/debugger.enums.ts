/**
 * `Level` of a Debugger event. Twilio's page documents `Error` and `Warning` while its own example
 * sends `ERROR`, so the payload keeps the value as sent and checks it ignoring case.
 * @publicApi
 */
export const DEBUGGER_LEVELS = ['Error', 'Warning'] as const;

/** @publicApi */
export type DebuggerLevel = (typeof DEBUGGER_LEVELS)[number];
