// A local stand-in for Twilio's REST API (IncomingPhoneNumbers, Messaging Services, Event Streams
// Sinks and Subscriptions). It checks each request as Twilio's API reference documents it: the
// method and path, HTTP Basic credentials (account SID + auth token, or API key + secret), and
// the form fields (names, GET/POST methods, absolute URLs). It is stricter than Twilio in one way:
// a field it does not know is refused, so that a typo cannot pass unnoticed.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import RequestClient from 'twilio/lib/base/RequestClient.js';
import { twilioSid } from '../../lib/testing/twilio-sid.js';

export interface FakeTwilioCredentials {
  accountSid: string;
  authToken: string;
  apiKey?: string;
  apiSecret?: string;
}

/** One request as the fake received it. */
export interface RecordedRequest {
  host: string;
  method: string;
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
  username: string;
}

type Resource = Record<string, unknown>;

const NUMBER_UPDATE_FIELDS = new Set([
  'AccountSid',
  'ApiVersion',
  'FriendlyName',
  'SmsApplicationSid',
  'SmsFallbackMethod',
  'SmsFallbackUrl',
  'SmsMethod',
  'SmsUrl',
  'StatusCallback',
  'StatusCallbackMethod',
  'VoiceApplicationSid',
  'VoiceCallerIdLookup',
  'VoiceFallbackMethod',
  'VoiceFallbackUrl',
  'VoiceMethod',
  'VoiceUrl',
  'EmergencyStatus',
  'EmergencyAddressSid',
  'TrunkSid',
  'VoiceReceiveMode',
  'IdentitySid',
  'AddressSid',
  'BundleSid',
]);
const SERVICE_UPDATE_FIELDS = new Set([
  'FriendlyName',
  'InboundRequestUrl',
  'InboundMethod',
  'FallbackUrl',
  'FallbackMethod',
  'StatusCallback',
  'StickySender',
  'MmsConverter',
  'SmartEncoding',
  'ScanMessageContent',
  'FallbackToLongCode',
  'AreaCodeGeomatch',
  'ValidityPeriod',
  'SynchronousValidation',
  'Usecase',
  'UseInboundWebhookOnNumber',
]);
const METHOD_FIELDS = /Method$/;
const URL_FIELDS = new Set([
  'SmsUrl',
  'SmsFallbackUrl',
  'VoiceUrl',
  'VoiceFallbackUrl',
  'StatusCallback',
  'InboundRequestUrl',
  'FallbackUrl',
]);

class TwilioError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export class FakeTwilioApi {
  readonly requests: RecordedRequest[] = [];
  readonly phoneNumbers = new Map<string, Resource>();
  readonly services = new Map<string, Resource>();
  readonly sinks = new Map<string, Resource>();
  readonly subscriptions = new Map<string, Resource>();
  private server?: Server;

  constructor(readonly credentials: FakeTwilioCredentials) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /**
   * A twilio SDK HTTP client that sends every request here instead of to Twilio, keeping the
   * Twilio host as the first path segment (`/api.twilio.com/2010-04-01/...`).
   */
  httpClient(): RequestClient {
    const origin = () => this.origin;
    return new (class extends RequestClient {
      override request<T>(opts: RequestClient.RequestOptions<T>) {
        const target = new URL(opts.uri);
        return super.request({
          ...opts,
          uri: `${origin()}/${target.host}${target.pathname}${target.search}`,
        });
      }
    })();
  }

  addPhoneNumber(fields: Resource = {}): Resource {
    const sid = twilioSid('PN');
    const number: Resource = {
      sid,
      account_sid: this.credentials.accountSid,
      phone_number: '+14155550100',
      friendly_name: '(415) 555-0100',
      sms_url: '',
      sms_method: 'POST',
      sms_fallback_url: '',
      sms_fallback_method: 'POST',
      sms_application_sid: '',
      voice_url: '',
      voice_method: 'POST',
      voice_fallback_url: '',
      voice_fallback_method: 'POST',
      voice_application_sid: '',
      status_callback: '',
      status_callback_method: 'POST',
      api_version: '2010-04-01',
      ...fields,
    };
    this.phoneNumbers.set(sid, number);
    return number;
  }

  addMessagingService(fields: Resource = {}): Resource {
    const sid = twilioSid('MG');
    const service: Resource = {
      sid,
      account_sid: this.credentials.accountSid,
      friendly_name: 'Notifications',
      inbound_request_url: null,
      inbound_method: 'POST',
      fallback_url: null,
      fallback_method: 'POST',
      status_callback: null,
      use_inbound_webhook_on_number: false,
      ...fields,
    };
    this.services.set(sid, service);
    return service;
  }

  /** Requests that changed something (POST), for "nothing was written" assertions. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const [, host, ...rest] = url.pathname.split('/');
    const recorded: RecordedRequest = {
      host,
      method: req.method ?? 'GET',
      path: `/${rest.join('/')}`,
      query: url.searchParams,
      form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      username: '',
    };
    this.requests.push(recorded);
    try {
      recorded.username = this.authenticate(req.headers.authorization);
      if (
        recorded.method === 'POST' &&
        !(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
      ) {
        throw new TwilioError(400, 20001, 'Twilio expects form-encoded parameters');
      }
      const [status, body] = this.route(recorded);
      this.send(res, status, body);
    } catch (error) {
      const e = error instanceof TwilioError ? error : new TwilioError(500, 20500, String(error));
      this.send(res, e.status, {
        code: e.code,
        message: e.message,
        more_info: `https://www.twilio.com/docs/errors/${e.code}`,
        status: e.status,
      });
    }
  }

  private authenticate(header: string | undefined): string {
    const decoded = header?.startsWith('Basic ')
      ? Buffer.from(header.slice(6), 'base64').toString()
      : '';
    const [user, pass] = [
      decoded.slice(0, decoded.indexOf(':')),
      decoded.slice(decoded.indexOf(':') + 1),
    ];
    const { accountSid, authToken, apiKey, apiSecret } = this.credentials;
    if (
      (user === accountSid && pass === authToken) ||
      (apiKey && user === apiKey && pass === apiSecret)
    ) {
      return user;
    }
    throw new TwilioError(401, 20003, 'Authenticate');
  }

  private route(r: RecordedRequest): [number, unknown] {
    const account = this.credentials.accountSid;
    if (r.host === 'api.twilio.com') {
      const list = `/2010-04-01/Accounts/${account}/IncomingPhoneNumbers.json`;
      if (r.method === 'GET' && r.path === list) return [200, this.listNumbers(r.query)];
      const one = new RegExp(
        `^/2010-04-01/Accounts/${account}/IncomingPhoneNumbers/(PN[0-9a-f]{32})\\.json$`,
      ).exec(r.path);
      if (one) {
        const number = this.phoneNumbers.get(one[1]);
        if (!number)
          throw new TwilioError(404, 20404, `The requested resource ${r.path} was not found`);
        if (r.method === 'GET') return [200, number];
        if (r.method === 'POST')
          return [200, this.update(number, r.form, NUMBER_UPDATE_FIELDS, true)];
      }
    }
    if (r.host === 'messaging.twilio.com') {
      const one = /^\/v1\/Services\/(MG[0-9a-f]{32})$/.exec(r.path);
      const service = one && this.services.get(one[1]);
      if (one && !service)
        throw new TwilioError(404, 20404, `The requested resource ${r.path} was not found`);
      if (service && r.method === 'GET') return [200, service];
      if (service && r.method === 'POST')
        return [200, this.update(service, r.form, SERVICE_UPDATE_FIELDS, false)];
    }
    if (r.host === 'events.twilio.com') {
      if (r.path === '/v1/Sinks' && r.method === 'GET')
        return [200, page('sinks', [...this.sinks.values()])];
      if (r.path === '/v1/Sinks' && r.method === 'POST') return [201, this.createSink(r.form)];
      if (r.path === '/v1/Subscriptions' && r.method === 'GET') {
        const sinkSid = r.query.get('SinkSid');
        const all = [...this.subscriptions.values()].filter(
          (s) => !sinkSid || s.sink_sid === sinkSid,
        );
        return [200, page('subscriptions', all)];
      }
      if (r.path === '/v1/Subscriptions' && r.method === 'POST')
        return [201, this.createSubscription(r.form)];
    }
    throw new TwilioError(
      404,
      20404,
      `The requested resource ${r.method} ${r.host}${r.path} was not found`,
    );
  }

  private listNumbers(query: URLSearchParams): unknown {
    const wanted = query.get('PhoneNumber');
    const numbers = [...this.phoneNumbers.values()].filter(
      (n) => !wanted || n.phone_number === wanted,
    );
    return {
      incoming_phone_numbers: numbers,
      page: 0,
      page_size: Number(query.get('PageSize') ?? 50),
      start: 0,
      end: Math.max(0, numbers.length - 1),
      uri: '/2010-04-01/Accounts/IncomingPhoneNumbers.json',
      first_page_uri: '/2010-04-01/Accounts/IncomingPhoneNumbers.json?Page=0',
      next_page_uri: null,
      previous_page_uri: null,
    };
  }

  /** Applies an update the way the API does, after checking every field. */
  private update(
    resource: Resource,
    form: URLSearchParams,
    allowed: ReadonlySet<string>,
    number: boolean,
  ): Resource {
    const changes: Resource = {};
    for (const [field, value] of form) {
      if (!allowed.has(field)) throw new TwilioError(400, 20001, `Unknown parameter ${field}`);
      if (METHOD_FIELDS.test(field) && value !== 'GET' && value !== 'POST') {
        throw new TwilioError(400, 20001, `${field} must be GET or POST`);
      }
      if (URL_FIELDS.has(field) && value !== '' && !/^https?:\/\/[^/\s]+/i.test(value)) {
        throw new TwilioError(400, 21502, `${field} is not a valid URL`);
      }
      changes[snake(field)] = value;
    }
    const next = { ...resource, ...changes };
    // Twilio: error 21406, a fallback URL needs a primary URL.
    if (number && next.sms_fallback_url && !next.sms_url) {
      throw new TwilioError(400, 21406, 'Cannot set SmsFallbackUrl without setting SmsUrl');
    }
    Object.assign(resource, changes);
    return resource;
  }

  private createSink(form: URLSearchParams): Resource {
    for (const field of form.keys()) {
      if (!['Description', 'SinkConfiguration', 'SinkType'].includes(field)) {
        throw new TwilioError(400, 20001, `Unknown parameter ${field}`);
      }
    }
    const description = form.get('Description');
    const type = form.get('SinkType');
    if (!description) throw new TwilioError(400, 20001, 'Missing required parameter Description');
    if (!type || !['kinesis', 'webhook', 'segment', 'email'].includes(type)) {
      throw new TwilioError(400, 20001, 'SinkType must be kinesis, webhook, segment or email');
    }
    let config: Record<string, unknown>;
    try {
      config = JSON.parse(form.get('SinkConfiguration') ?? '');
    } catch {
      throw new TwilioError(400, 20001, 'SinkConfiguration must be JSON');
    }
    if (type === 'webhook') {
      if (
        typeof config.destination !== 'string' ||
        !/^https?:\/\/[^/\s]+/.test(config.destination)
      ) {
        throw new TwilioError(400, 20001, 'sink_configuration.destination must be a URL');
      }
      if (config.method !== 'POST' && config.method !== 'GET') {
        throw new TwilioError(400, 20001, 'sink_configuration.method must be POST or GET');
      }
      if (config.batch_events !== undefined && typeof config.batch_events !== 'boolean') {
        throw new TwilioError(400, 20001, 'sink_configuration.batch_events must be a boolean');
      }
    }
    const sid = twilioSid('DG');
    const sink = {
      sid,
      description,
      sink_type: type,
      sink_configuration: config,
      status: 'active',
      url: `https://events.twilio.com/v1/Sinks/${sid}`,
    };
    this.sinks.set(sid, sink);
    return sink;
  }

  private createSubscription(form: URLSearchParams): Resource {
    for (const field of form.keys()) {
      if (!['Description', 'SinkSid', 'Types'].includes(field)) {
        throw new TwilioError(400, 20001, `Unknown parameter ${field}`);
      }
    }
    const sinkSid = form.get('SinkSid') ?? '';
    if (!form.get('Description'))
      throw new TwilioError(400, 20001, 'Missing required parameter Description');
    if (!this.sinks.has(sinkSid))
      throw new TwilioError(400, 20001, `Sink ${sinkSid} does not exist or is not active`);
    const types = form.getAll('Types').map((text) => {
      let item: { type?: unknown; schema_version?: unknown };
      try {
        item = JSON.parse(text);
      } catch {
        throw new TwilioError(400, 20001, 'Each Types entry must be a JSON object');
      }
      if (typeof item.type !== 'string' || !item.type.startsWith('com.twilio.')) {
        throw new TwilioError(400, 20001, `Unknown event type ${String(item.type)}`);
      }
      if (item.schema_version !== undefined && !Number.isInteger(item.schema_version)) {
        throw new TwilioError(400, 20001, 'schema_version must be an integer');
      }
      return item;
    });
    if (types.length === 0) throw new TwilioError(400, 20001, 'Missing required parameter Types');
    const sid = twilioSid('DF');
    const subscription = {
      sid,
      sink_sid: sinkSid,
      description: form.get('Description'),
      types,
      account_sid: this.credentials.accountSid,
    };
    this.subscriptions.set(sid, subscription);
    return subscription;
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

function snake(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

function page(key: string, items: unknown[]): unknown {
  return {
    [key]: items,
    meta: {
      page: 0,
      page_size: 50,
      first_page_url: '',
      previous_page_url: null,
      url: '',
      next_page_url: null,
      key,
    },
  };
}
