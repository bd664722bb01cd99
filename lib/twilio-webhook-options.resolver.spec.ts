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
    expect(resolveTwilioWebhookOptions({ authToken: ['a', 'b', 'a'] }).authTokens).toEqual(['a', 'b']);
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
});
