import { parsePublicUrl, resolveTwilioWebhookOptions } from './twilio-webhook-options.resolver.js';

describe('resolveTwilioWebhookOptions', () => {
  it('refuses to start with validation on and no token, saying what to set', () => {
    expect(() => resolveTwilioWebhookOptions({})).toThrow(/no authToken.*TWILIO_AUTH_TOKEN/s);
    expect(() => resolveTwilioWebhookOptions({ authToken: '' })).toThrow(/no authToken/);
    expect(() => resolveTwilioWebhookOptions({ authToken: [] })).toThrow(/no authToken/);
  });

  it('accepts a resolver instead of a token, and no token when validation is off', () => {
    expect(resolveTwilioWebhookOptions({ resolveAuthToken: () => 'x' }).authTokens).toEqual([]);
    expect(resolveTwilioWebhookOptions({ validateSignature: false }).validateSignature).toBe(false);
  });

  it('refuses malformed tokens', () => {
    expect(() => resolveTwilioWebhookOptions({ authToken: ['a', ''] })).toThrow(/non-empty/);
    expect(() => resolveTwilioWebhookOptions({ authToken: [1 as never] })).toThrow(/non-empty/);
  });

  it('keeps every token, primary first, without duplicates', () => {
    expect(resolveTwilioWebhookOptions({ authToken: ['a', 'b', 'a'] }).authTokens).toEqual([
      'a',
      'b',
    ]);
  });

  it.each([
    ['abc123.ngrok-free.app', /not an absolute URL/],
    ['ftp://example.com', /https or http/],
    ['https://user:pw@example.com', /basicAuth/],
    ['https://example.com/?a=1', /query string or a fragment/],
    ['https://example.com/#x', /query string or a fragment/],
    ['', /non-empty/],
  ])('refuses publicUrl %j', (publicUrl, message) => {
    expect(() => resolveTwilioWebhookOptions({ authToken: 't', publicUrl })).toThrow(message);
  });

  it('splits publicUrl into origin and path prefix, keeping the path as written', () => {
    expect(parsePublicUrl('https://abc.ngrok-free.app')).toEqual({
      origin: 'https://abc.ngrok-free.app',
      pathPrefix: '',
    });
    expect(parsePublicUrl('https://Example.com:8443/api/v1/')).toEqual({
      origin: 'https://example.com:8443',
      pathPrefix: '/api/v1',
    });
  });

  it('checks basicAuth and sharedKeys', () => {
    expect(() =>
      resolveTwilioWebhookOptions({ authToken: 't', basicAuth: { username: 'u', password: '' } }),
    ).toThrow(/basicAuth/);
    expect(() => resolveTwilioWebhookOptions({ authToken: 't', sharedKeys: { k: '' } })).toThrow(
      /sharedKeys\["k"\]/,
    );
    const resolved = resolveTwilioWebhookOptions({
      authToken: 't',
      basicAuth: { username: 'u', password: 'p' },
    });
    expect(resolved.basicAuth).toEqual({ username: 'u', password: 'p', realm: 'Twilio' });
  });

  describe('event bus options', () => {
    const resolve = (extra: Parameters<typeof resolveTwilioWebhookOptions>[0]) =>
      resolveTwilioWebhookOptions({ authToken: 't', ...extra });

    it('defaults to sync dispatch, retries, an in-memory store and a 12 s voice deadline', () => {
      const resolved = resolve({});
      expect(resolved).toMatchObject({
        dispatch: 'sync',
        handlerErrors: 'retry',
        staleEvents: 'dispatch',
        idempotency: { store: 'memory', ttl: 86_400_000, maxEntries: 100_000, lease: 30_000 },
        queue: { attempts: 5, backoff: 1_000, concurrency: 10, name: 'twilio-events' },
        voiceDeadline: { timeout: 12_000 },
      });
      expect(resolved.idempotency.redis).toBeUndefined();
      expect(resolved.queue.redis).toBeUndefined();
      expect(resolved.voiceDeadline?.fallback).toMatch(/<Hangup\/><\/Response>$/);
    });

    it('chooses Redis for the store and the queue when a Redis URL is given', () => {
      const resolved = resolve({ idempotency: { redis: { url: 'redis://localhost:6379' } } });
      expect(resolved.idempotency.store).toBe('redis');
      expect(resolved.idempotency.redis).toEqual({
        url: 'redis://localhost:6379',
        keyPrefix: 'twilio-webhooks:',
      });
      expect(resolved.queue.redis).toEqual(resolved.idempotency.redis);
      const queueOnly = resolve({
        queue: { redis: { url: 'rediss://h:6380', keyPrefix: 'app:' } },
      });
      expect(queueOnly.idempotency.store).toBe('memory');
      expect(queueOnly.queue.redis).toEqual({ url: 'rediss://h:6380', keyPrefix: 'app:' });
    });

    it('accepts a store object and turns the voice fallback into TwiML text', () => {
      const store = { claim() {}, completeHandler() {}, complete() {}, release() {}, advance() {} };
      expect(resolve({ idempotency: { store: store as never } }).idempotency.store).toBe(store);
      const fallback = { toString: () => '<Response><Hangup/></Response>' };
      expect(resolve({ voiceDeadline: { fallback } }).voiceDeadline).toEqual({
        timeout: 12_000,
        fallback: '<Response><Hangup/></Response>',
      });
      expect(resolve({ voiceDeadline: false }).voiceDeadline).toBeUndefined();
    });

    it.each([
      [{ dispatch: 'later' }, /dispatch is "later"; use 'sync' or 'queue'/],
      [{ handlerErrors: 'throw' }, /handlerErrors is "throw"; use 'retry' or 'log'/],
      [{ staleEvents: 'drop' }, /staleEvents .* 'dispatch' or 'skip'/],
      [
        { idempotency: { store: 'redis' } },
        /idempotency.store needs a Redis URL: set idempotency.redis.url/,
      ],
      [
        { idempotency: { store: 'dynamo' } },
        /idempotency.store must be 'memory', 'redis', or an object/,
      ],
      [{ idempotency: { store: { claim() {} } } }, /implementing IdempotencyStore/],
      [
        { idempotency: { redis: { url: 'localhost:6379' } } },
        /idempotency.redis.url .* redis:\/\//,
      ],
      [
        { idempotency: { ttl: 0 } },
        /idempotency.ttl is 0; give a positive whole number of milliseconds/,
      ],
      [{ idempotency: { lease: 1.5 } }, /idempotency.lease/],
      [{ queue: { attempts: -1 } }, /queue.attempts is -1; give a positive whole number/],
      [{ queue: { name: 'a:b' } }, /queue.name .* without ":"/],
      [{ voiceDeadline: { timeout: '12s' } }, /voiceDeadline.timeout/],
      [{ voiceDeadline: { fallback: { a: 1 } } }, /voiceDeadline.fallback is not usable/],
    ])('refuses %j with a message that says what to fix', (extra, message) => {
      expect(() => resolve(extra as never)).toThrow(message);
    });
  });
});
