import { Inject, Injectable, Optional } from '@nestjs/common';
import { assertNoConnectionOverrides } from '../connection-overrides/connection-overrides.js';
import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import { TWILIO_WEBHOOK_OPTIONS } from '../twilio-webhook.constants.js';
import type {
  TwilioConfigurationOptions,
  WebhookConfigurationCallOptions,
} from './twilio-configuration-options.interface.js';
import { TwilioRestAccess } from './twilio-rest-access.js';
import { TWILIO_CONFIGURATION_OPTIONS } from './twilio-webhook-configuration.module-definition.js';

/**
 * An event type to subscribe to, with an optional schema version (the latest when omitted).
 * @publicApi
 */
export type EventStreamsType = string | { type: string; schemaVersion?: number };

/**
 * A webhook Sink for a route of this app.
 * @publicApi
 */
export interface EventStreamsSinkOptions {
  /** A route path of this app (joined to `publicUrl`) or an absolute URL, without a #fragment. */
  route: string;
  /** @default 'nestjs-twilio-webhooks: <url>' */
  description?: string;
  /**
   * Ask Twilio to send several events per request (a JSON array).
   * @default false
   */
  batchEvents?: boolean;
}

/**
 * @publicApi
 */
export interface EventStreamsSubscriptionOptions {
  sinkSid: string;
  types: readonly EventStreamsType[];
  /** @default 'nestjs-twilio-webhooks: <types>' */
  description?: string;
}

/**
 * What `setup()` did, or would do.
 * @publicApi
 */
export interface EventStreamsSetupResult {
  readonly destination: string;
  /** The Sink's SID; `undefined` in a dry run that would create one. */
  readonly sinkSid?: string;
  /** Whether a Sink with this destination already existed and was reused. */
  readonly reusedSink: boolean;
  readonly subscriptionSid?: string;
  readonly types: readonly { type: string; schema_version?: number }[];
  readonly dryRun: boolean;
}

/**
 * Sets up Event Streams for this app: a webhook Sink whose destination is one of its routes
 * (`@TwilioEventStream()`), and Subscriptions for chosen event types. Event Streams sinks take
 * no connection overrides, so a URL with a #fragment is refused.
 *
 * @publicApi
 * @example
 * await eventStreams.setup({
 *   route: '/twilio/events',
 *   types: ['com.twilio.messaging.message.delivered', 'com.twilio.messaging.message.failed'],
 * });
 */
@Injectable()
export class TwilioEventStreamsSetup {
  private readonly access: TwilioRestAccess;

  constructor(
    @Inject(TWILIO_CONFIGURATION_OPTIONS) options: TwilioConfigurationOptions,
    @Optional() @Inject(TWILIO_WEBHOOK_OPTIONS) webhookOptions?: ResolvedTwilioWebhookOptions,
  ) {
    this.access = new TwilioRestAccess(options, webhookOptions);
  }

  /** The Sink destination of a route: `publicUrl` + path, or the URL given. */
  destinationOf(route: string): string {
    const url = /^https?:\/\//i.test(route) ? route : this.access.urlOf(route);
    assertNoConnectionOverrides(url, 'event-streams');
    return url;
  }

  /** Creates a webhook Sink (POST, JSON CloudEvents) for a route. Returns its SID. */
  async createWebhookSink(options: EventStreamsSinkOptions): Promise<string> {
    const destination = this.destinationOf(options.route);
    const client = await this.access.rest();
    const sink = await client.events.v1.sinks.create({
      description: options.description ?? `nestjs-twilio-webhooks: ${destination}`,
      sinkType: 'webhook',
      sinkConfiguration: {
        destination,
        method: 'POST',
        batch_events: options.batchEvents ?? false,
      },
    });
    return sink.sid;
  }

  /** The SID of an existing webhook Sink with this destination, if any. */
  async findWebhookSink(route: string): Promise<string | undefined> {
    const destination = this.destinationOf(route);
    const client = await this.access.rest();
    const sinks = await client.events.v1.sinks.list();
    const match = sinks.find(
      (sink) =>
        sink.sinkType === 'webhook' &&
        (sink.sinkConfiguration as { destination?: unknown } | undefined)?.destination ===
          destination,
    );
    return match?.sid;
  }

  /** Subscribes a Sink to event types. Returns the Subscription's SID. */
  async subscribe(options: EventStreamsSubscriptionOptions): Promise<string> {
    const types = toTypes(options.types);
    const client = await this.access.rest();
    const subscription = await client.events.v1.subscriptions.create({
      description:
        options.description ??
        `nestjs-twilio-webhooks: ${types.map((t) => t.type).join(', ')}`.slice(0, 255),
      sinkSid: options.sinkSid,
      types,
    });
    return subscription.sid;
  }

  /**
   * A Sink for the route (reusing one with the same destination) and a Subscription to the
   * types. With `dryRun`, only looks.
   */
  async setup(
    options: EventStreamsSinkOptions & { types: readonly EventStreamsType[] },
    call: WebhookConfigurationCallOptions = {},
  ): Promise<EventStreamsSetupResult> {
    const destination = this.destinationOf(options.route);
    const types = toTypes(options.types);
    const existing = await this.findWebhookSink(destination);
    const dryRun = call.dryRun === true;
    if (dryRun)
      return { destination, sinkSid: existing, reusedSink: existing !== undefined, types, dryRun };
    const sinkSid = existing ?? (await this.createWebhookSink({ ...options, route: destination }));
    const subscriptionSid = await this.subscribe({ sinkSid, types: options.types });
    return {
      destination,
      sinkSid,
      reusedSink: existing !== undefined,
      subscriptionSid,
      types,
      dryRun,
    };
  }
}

function toTypes(types: readonly EventStreamsType[]): { type: string; schema_version?: number }[] {
  if (types.length === 0) throw new TypeError('Subscribe to at least one event type.');
  return types.map((item) => {
    const { type, schemaVersion } =
      typeof item === 'string' ? { type: item, schemaVersion: undefined } : item;
    if (!/^com\.twilio\.[a-z0-9.-]+$/i.test(type)) {
      throw new TypeError(`"${type}" is not an Event Streams type (com.twilio.…).`);
    }
    return schemaVersion === undefined ? { type } : { type, schema_version: schemaVersion };
  });
}
