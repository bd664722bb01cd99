import { Inject, Injectable, Optional } from '@nestjs/common';
import type { TwilioWebhookTarget } from '../connection-overrides/connection-overrides.js';
import type { ResolvedTwilioWebhookOptions } from '../interfaces/resolved-twilio-options.interface.js';
import { TWILIO_WEBHOOK_OPTIONS } from '../twilio-webhook.constants.js';
import type {
  TwilioConfigurationOptions,
  WebhookConfigurationCallOptions,
  WebhookRouteRef,
} from './twilio-configuration-options.interface.js';
import type {
  MessagingServiceWebhooks,
  PhoneNumberConfigurationOptions,
  PhoneNumberWebhooks,
} from './twilio-webhook-targets.interface.js';
import { TwilioRestAccess, type TwilioRestClient } from './twilio-rest-access.js';
import { TWILIO_CONFIGURATION_OPTIONS } from './twilio-webhook-configuration.module-definition.js';
import {
  diffSettings,
  NUMBER_FIELDS,
  sdkParams,
  SERVICE_FIELDS,
  settingsOf,
  type Settings,
  type WebhookConfigurationPlan,
} from './webhook-configuration.plan.js';

/**
 * Points a phone number's or a Messaging Service's webhooks at this app's routes under
 * `publicUrl`, through Twilio's REST API. Every call compares first and writes only what
 * differs; `{ dryRun: true }` shows the change without writing it.
 *
 * @publicApi
 * @example
 * const plan = await configurator.configurePhoneNumber('+14155550100', {
 *   sms: '/twilio/sms',
 *   voice: { path: '/twilio/voice', overrides: { rc: 2, rp: ['ct', '5xx'] } },
 *   statusCallback: '/twilio/status',
 * }, { dryRun: true });
 * console.log(formatWebhookConfigurationPlan(plan));
 */
@Injectable()
export class TwilioWebhookConfigurator {
  private readonly access: TwilioRestAccess;

  constructor(
    @Inject(TWILIO_CONFIGURATION_OPTIONS) options: TwilioConfigurationOptions,
    @Optional() @Inject(TWILIO_WEBHOOK_OPTIONS) webhookOptions?: ResolvedTwilioWebhookOptions,
  ) {
    this.access = new TwilioRestAccess(options, webhookOptions);
  }

  /** The public URL that route paths are joined to. */
  get publicUrl(): string | undefined {
    return this.access.publicUrl;
  }

  /**
   * Configures a phone number, given as E.164 (`+14155550100`) or its `PN…` SID.
   */
  async configurePhoneNumber(
    number: string,
    webhooks: PhoneNumberWebhooks,
    options: PhoneNumberConfigurationOptions = {},
  ): Promise<WebhookConfigurationPlan> {
    const wanted: Settings = {};
    this.want(wanted, 'Sms', webhooks.sms, 'messaging');
    this.want(wanted, 'SmsFallback', webhooks.smsFallback, 'messaging');
    this.want(wanted, 'Voice', webhooks.voice, 'voice');
    this.want(wanted, 'VoiceFallback', webhooks.voiceFallback, 'voice');
    this.want(wanted, 'StatusCallback', webhooks.statusCallback, 'voice', 'StatusCallback');
    const client = await this.access.rest();
    const resource = await this.findNumber(client, number);
    const current = settingsOf(resource, NUMBER_FIELDS);
    const warnings: string[] = [];
    for (const [kind, urlField] of [
      ['Sms', 'SmsUrl'],
      ['Voice', 'VoiceUrl'],
    ] as const) {
      const app = current[`${kind}ApplicationSid`];
      if (!app || wanted[urlField] === undefined) continue;
      if (options.detachApplications) wanted[`${kind}ApplicationSid`] = '';
      else {
        warnings.push(
          `${kind}ApplicationSid ${app} is set: Twilio uses that TwiML App's URLs and ignores ` +
            `${urlField}. Pass detachApplications: true to remove it from the number.`,
        );
      }
    }
    for (const kind of ['Sms', 'Voice']) {
      const primary = wanted[`${kind}Url`] ?? current[`${kind}Url`];
      if (wanted[`${kind}FallbackUrl`] && !primary) {
        // Twilio refuses this with error 21406; say so before writing anything.
        throw new Error(`${kind}FallbackUrl needs a ${kind}Url: give the primary webhook too.`);
      }
    }
    const plan = this.plan(
      'phone-number',
      resource.sid as string,
      String(resource.phoneNumber),
      current,
      wanted,
      warnings,
      options,
    );
    if (!plan.dryRun && plan.changes.length > 0) {
      await client.api.v2010
        .accounts(this.access.accountSid)
        .incomingPhoneNumbers(plan.sid)
        .update(sdkParams(plan));
      return { ...plan, applied: true };
    }
    return plan;
  }

  /**
   * Configures a Messaging Service (`MG…`): its inbound, fallback and status callback URLs.
   */
  async configureMessagingService(
    serviceSid: string,
    webhooks: MessagingServiceWebhooks,
    options: WebhookConfigurationCallOptions = {},
  ): Promise<WebhookConfigurationPlan> {
    if (!/^MG[0-9a-fA-F]{32}$/.test(serviceSid)) {
      throw new TypeError(
        `"${serviceSid}" is not a Messaging Service SID (MG followed by 32 hex digits).`,
      );
    }
    const wanted: Settings = {};
    this.want(wanted, 'Inbound', webhooks.inbound, 'messaging', 'InboundRequestUrl');
    this.want(wanted, 'Fallback', webhooks.fallback, 'messaging');
    const status = this.access.resolve(webhooks.statusCallback, 'messaging');
    if (status) {
      if (status.method !== 'POST')
        throw new TypeError('A Messaging Service status callback is always POST.');
      wanted.StatusCallback = status.url;
    }
    const client = await this.access.rest();
    const service = (await client.messaging.v1.services(serviceSid).fetch()) as unknown as Record<
      string,
      unknown
    >;
    const warnings: string[] = [];
    if (service.useInboundWebhookOnNumber === true && wanted.InboundRequestUrl !== undefined) {
      warnings.push(
        "UseInboundWebhookOnNumber is on: Twilio sends incoming messages to each number's own " +
          'SmsUrl and ignores InboundRequestUrl.',
      );
    }
    const current = settingsOf(service, SERVICE_FIELDS);
    const plan = this.plan(
      'messaging-service',
      serviceSid,
      String(service.friendlyName ?? serviceSid),
      current,
      wanted,
      warnings,
      options,
    );
    if (!plan.dryRun && plan.changes.length > 0) {
      await client.messaging.v1.services(serviceSid).update(sdkParams(plan));
      return { ...plan, applied: true };
    }
    return plan;
  }

  /** Adds `<prefix>Url` and `<prefix>Method` (or the given URL field) for a route reference. */
  private want(
    wanted: Settings,
    prefix: string,
    ref: WebhookRouteRef | undefined,
    target: TwilioWebhookTarget,
    urlField = `${prefix}Url`,
  ): void {
    const resolved = this.access.resolve(ref, target);
    if (!resolved) return;
    wanted[urlField] = resolved.url;
    if (resolved.url !== '') wanted[`${prefix}Method`] = resolved.method;
  }

  private plan(
    resource: WebhookConfigurationPlan['resource'],
    sid: string,
    name: string,
    current: Settings,
    wanted: Settings,
    warnings: string[],
    options: WebhookConfigurationCallOptions,
  ): WebhookConfigurationPlan {
    for (const [field, url] of Object.entries(wanted)) {
      if (
        /Url$|^StatusCallback$/.test(field) &&
        /^https?:\/\/(localhost|127\.|\[::1\])/i.test(url)
      ) {
        warnings.push(
          `${field} ${url} is a local address that Twilio cannot reach: use a tunnel's URL.`,
        );
      }
    }
    const { changes, unchanged } = diffSettings(current, wanted);
    return {
      resource,
      sid,
      name,
      changes,
      unchanged,
      warnings,
      applied: false,
      dryRun: options.dryRun === true,
    };
  }

  private async findNumber(
    client: TwilioRestClient,
    number: string,
  ): Promise<Record<string, unknown>> {
    const numbers = client.api.v2010.accounts(this.access.accountSid).incomingPhoneNumbers;
    if (/^PN[0-9a-fA-F]{32}$/.test(number)) {
      return (await numbers(number).fetch()) as unknown as Record<string, unknown>;
    }
    if (!/^\+\d{6,15}$/.test(number)) {
      throw new TypeError(
        `"${number}" is neither an E.164 phone number (+14155550100) nor a PN… SID.`,
      );
    }
    const found = await numbers.list({ phoneNumber: number, limit: 2 });
    if (found.length !== 1) {
      throw new Error(`No phone number ${number} in account ${this.access.accountSid}.`);
    }
    return found[0] as unknown as Record<string, unknown>;
  }
}
