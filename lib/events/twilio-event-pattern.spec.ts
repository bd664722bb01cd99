import { compileEventPattern } from './twilio-event-pattern.js';

describe('compileEventPattern', () => {
  it.each([
    ['message.status.delivered', 'message.status.delivered', true],
    ['message.status.delivered', 'message.status.failed', false],
    ['message.status.*', 'message.status.failed', true],
    ['message.status.*', 'message.status', false],
    ['message.*', 'message.status.failed', false],
    ['message.*', 'message.inbound', true],
    ['call.**', 'call.status.in-progress', true],
    ['call.**', 'call.inbound', true],
    ['call.**', 'message.inbound', false],
    ['**', 'stream.com.twilio.messaging.message.delivered', true],
    ['stream.**', 'stream.com.twilio.messaging.message.delivered', true],
    ['stream.*', 'stream.com.twilio.messaging.message.delivered', false],
    ['stream.**.delivered', 'stream.com.twilio.messaging.message.delivered', true],
    ['stream.**.delivered', 'stream.com.twilio.messaging.message.failed', false],
    ['*.status.*', 'recording.status.completed', true],
    ['**.failed', 'message.status.failed', true],
    ['message.**.failed', 'message.failed', true],
  ])('%s against %s: %s', (pattern, name, expected) => {
    expect(compileEventPattern(pattern)(name)).toBe(expected);
  });

  it.each(['', 'message..status', '.message', 'message.'])('refuses the pattern %j', (pattern) => {
    expect(() => compileEventPattern(pattern)).toThrow(/dot-separated segments/);
  });
});
