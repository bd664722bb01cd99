/**
 * A documented value set that stays open: Twilio adds values without notice, so a payload field
 * typed `OpenEnum<MessageStatus>` may hold a value the list does not name yet. Editors still
 * suggest the documented values.
 * @publicApi
 */
export type OpenEnum<T extends string> = T | (string & {});

/**
 * Whether a value is one of the documented values of an enum list.
 * @publicApi
 * @example
 * if (isKnownValue(MESSAGE_STATUSES, status.MessageStatus)) { ... } // narrowed to MessageStatus
 */
export function isKnownValue<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
