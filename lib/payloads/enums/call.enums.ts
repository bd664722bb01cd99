// Voice value sets (reference §3, §4, §8, §14.2). Every list is open: see `OpenEnum`.

/**
 * `CallStatus` values. `initiated` appears in webhooks though not in the REST `Call.status` enum.
 * @publicApi
 */
export const CALL_STATUSES = [
  'queued',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
] as const;

/** @publicApi */
export type CallStatus = (typeof CALL_STATUSES)[number];

/**
 * `Direction` of a call leg: who created it. The trunking values come from Elastic SIP Trunking.
 * @publicApi
 */
export const CALL_DIRECTIONS = [
  'inbound',
  'outbound-api',
  'outbound-dial',
  'trunking-terminating',
  'trunking-originating',
] as const;

/** @publicApi */
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/**
 * `DialCallStatus`: the outcome of a `<Dial>` (`answered` is used when dialing a conference).
 * @publicApi
 */
export const DIAL_CALL_STATUSES = [
  'completed',
  'answered',
  'busy',
  'no-answer',
  'failed',
  'canceled',
] as const;

/** @publicApi */
export type DialCallStatus = (typeof DIAL_CALL_STATUSES)[number];

/**
 * `AnsweredBy`: the answering machine detection verdict.
 * @publicApi
 */
export const ANSWERED_BY_VALUES = [
  'human',
  'machine_start',
  'machine_end_beep',
  'machine_end_silence',
  'machine_end_other',
  'fax',
  'unknown',
] as const;

/** @publicApi */
export type AnsweredBy = (typeof ANSWERED_BY_VALUES)[number];
