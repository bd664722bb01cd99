// Messaging value sets (reference §1, §2, §14.1). Every list is open: see `OpenEnum`.

/**
 * `MessageStatus` (and `SmsStatus`) values: those a status callback carries, the initial ones that
 * never produce a callback (`accepted`, `scheduled`), the inbound ones and the deprecated
 * `partially_delivered`.
 * @publicApi
 */
export const MESSAGE_STATUSES = [
  'accepted',
  'scheduled',
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  'undelivered',
  'failed',
  'canceled',
  'receiving',
  'received',
  'partially_delivered',
] as const;

/** @publicApi */
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * `EventType` of a message status callback on WhatsApp and RCS (`READ` is documented, the others
 * observed).
 * @publicApi
 */
export const MESSAGE_EVENT_TYPES = ['READ', 'DELIVERED', 'UNDELIVERED'] as const;

/** @publicApi */
export type MessageEventType = (typeof MESSAGE_EVENT_TYPES)[number];

/**
 * `ButtonType` of a tapped WhatsApp or RCS button.
 * @publicApi
 */
export const BUTTON_TYPES = ['REPLY', 'ACTION'] as const;

/** @publicApi */
export type ButtonType = (typeof BUTTON_TYPES)[number];

/**
 * `OptOutType`: the keyword class Advanced Opt-Out matched.
 * @publicApi
 */
export const OPT_OUT_TYPES = ['STOP', 'START', 'HELP'] as const;

/** @publicApi */
export type OptOutType = (typeof OPT_OUT_TYPES)[number];
