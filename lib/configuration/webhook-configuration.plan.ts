/**
 * One setting that a configuration call changes, named as in Twilio's REST API.
 * @publicApi
 */
export interface WebhookSettingChange {
  /** e.g. `SmsUrl`, `VoiceMethod`, `InboundRequestUrl`. */
  readonly field: string;
  /** The current value (`''` when unset). */
  readonly from: string;
  readonly to: string;
}

/**
 * What a configuration call does, or did: the settings that differ, those already right, and
 * anything that would keep Twilio from using them.
 * @publicApi
 */
export interface WebhookConfigurationPlan {
  readonly resource: 'phone-number' | 'messaging-service';
  readonly sid: string;
  /** The phone number, or the service's friendly name. */
  readonly name: string;
  readonly changes: readonly WebhookSettingChange[];
  /** Fields asked for that already have the wanted value. */
  readonly unchanged: readonly string[];
  readonly warnings: readonly string[];
  /** `true` once the changes were written. */
  readonly applied: boolean;
  readonly dryRun: boolean;
}

/** Settings by REST field name (`SmsUrl`, …). */
export type Settings = Record<string, string>;

/** The webhook settings of an IncomingPhoneNumber, as named in the REST API. */
export const NUMBER_FIELDS = [
  'SmsUrl',
  'SmsMethod',
  'SmsFallbackUrl',
  'SmsFallbackMethod',
  'VoiceUrl',
  'VoiceMethod',
  'VoiceFallbackUrl',
  'VoiceFallbackMethod',
  'StatusCallback',
  'StatusCallbackMethod',
  'SmsApplicationSid',
  'VoiceApplicationSid',
];
/** The webhook settings of a Messaging Service. */
export const SERVICE_FIELDS = [
  'InboundRequestUrl',
  'InboundMethod',
  'FallbackUrl',
  'FallbackMethod',
  'StatusCallback',
];

/** The settings whose wanted value differs from the current one. */
export function diffSettings(
  current: Readonly<Record<string, string | null | undefined>>,
  wanted: Readonly<Record<string, string>>,
): { changes: WebhookSettingChange[]; unchanged: string[] } {
  const changes: WebhookSettingChange[] = [];
  const unchanged: string[] = [];
  for (const [field, to] of Object.entries(wanted)) {
    const from = current[field] ?? '';
    if (from === to) unchanged.push(field);
    else changes.push({ field, from, to });
  }
  return { changes, unchanged };
}

/**
 * The plan as text for a terminal or a log: one line per change, then warnings.
 * @publicApi
 * @example
 * console.log(formatWebhookConfigurationPlan(await configurator.configurePhoneNumber(n, hooks, { dryRun: true })));
 */
export function formatWebhookConfigurationPlan(plan: WebhookConfigurationPlan): string {
  const what = plan.resource === 'phone-number' ? 'Phone number' : 'Messaging Service';
  const state =
    plan.changes.length === 0
      ? 'already configured'
      : plan.dryRun
        ? `${plan.changes.length} change(s), dry run: nothing written`
        : `${plan.changes.length} change(s) written`;
  const lines = [`${what} ${plan.name} (${plan.sid}): ${state}`];
  const width = Math.max(0, ...plan.changes.map((change) => change.field.length));
  for (const change of plan.changes) {
    lines.push(
      `  ${change.field.padEnd(width)}  ${change.from || '(unset)'} -> ${change.to || '(unset)'}`,
    );
  }
  if (plan.unchanged.length > 0) lines.push(`  unchanged: ${plan.unchanged.join(', ')}`);
  for (const warning of plan.warnings) lines.push(`  warning: ${warning}`);
  return lines.join('\n');
}

/** Current values of the given REST fields, from the SDK's camelCase instance. */
export function settingsOf(instance: Record<string, unknown>, fields: readonly string[]): Settings {
  const settings: Settings = {};
  for (const field of fields) {
    const value = instance[camel(field)];
    settings[field] = typeof value === 'string' ? value : '';
  }
  return settings;
}

/** The SDK's update parameters for the changed fields. */
export function sdkParams(plan: WebhookConfigurationPlan): Record<string, string> {
  return Object.fromEntries(plan.changes.map((change) => [camel(change.field), change.to]));
}

function camel(field: string): string {
  return field.charAt(0).toLowerCase() + field.slice(1);
}
