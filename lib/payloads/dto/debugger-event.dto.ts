import { DEBUGGER_LEVELS, type DebuggerLevel } from '../enums/debugger.enums.js';
import type { OpenEnum } from '../enums/open-enum.js';
import { TwilioField } from '../fields/twilio-field.decorator.js';

/**
 * The `Payload` of a Debugger event, parsed from its JSON (reference §11). Keys are snake_case as
 * Twilio sends them; product-specific keys vary.
 * @publicApi
 */
export interface DebuggerEventPayload {
  /** Resource involved, e.g. a `CA…` call. */
  readonly resource_sid?: string;
  /** Service involved, or `null`. */
  readonly service_sid?: string | null;
  /** Twilio error code as text, e.g. `"11200"`. */
  readonly error_code?: string;
  /** Product-specific details (`msg`, `sourceComponent`, `httpResponse`, `url`, …). */
  readonly more_info?: Record<string, unknown>;
  /** The webhook request and response involved, when a webhook failed. */
  readonly webhook?: {
    readonly type?: string;
    readonly request?: {
      readonly method?: string;
      readonly url?: string;
      readonly headers?: Record<string, unknown>;
      readonly parameters?: Record<string, unknown>;
    };
    readonly response?: {
      readonly status_code?: number | string | null;
      readonly headers?: Record<string, unknown>;
      readonly body?: string | null;
    };
  };
  readonly [key: string]: unknown;
}

/**
 * A Debugger ("Console alert") webhook (reference §11).
 * @publicApi
 * @example
 * @OnTwilioEvent('debugger.error')
 * alert(event: DebuggerEvent) { this.page(event.Payload.error_code, event.Payload.more_info); }
 */
export class DebuggerEvent {
  /** This debugger event (`NO…`). */
  @TwilioField('sid', { required: true, prefixes: ['NO'] }) readonly Sid!: string;
  /** Account that produced the event. */
  @TwilioField('sid', { required: true, prefixes: ['AC'] }) readonly AccountSid!: string;
  /** Parent account of a subaccount; Twilio may send it empty (kept `''`). */
  @TwilioField('sid', { prefixes: ['AC'] }) readonly ParentAccountSid?: string;
  /** When the event occurred (ISO 8601 on the wire). */
  @TwilioField('date') readonly Timestamp!: Date;
  /** `Error` or `Warning` per the docs; Twilio's own example sends `ERROR`. Kept as sent. */
  @TwilioField('enum', { values: DEBUGGER_LEVELS, ignoreCase: true })
  readonly Level!: OpenEnum<DebuggerLevel>;
  /** `application/json`. */
  @TwilioField('string') readonly PayloadType!: string;
  /** Event details, parsed from the JSON text Twilio sends. */
  @TwilioField('json', { required: true }) readonly Payload!: DebuggerEventPayload;
}
