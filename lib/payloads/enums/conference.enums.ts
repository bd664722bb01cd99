// Conference value sets (reference §10). Every list is open: see `OpenEnum`.

/**
 * `StatusCallbackEvent` of a conference status callback.
 * @publicApi
 */
export const CONFERENCE_EVENTS = [
  'conference-start',
  'conference-end',
  'participant-join',
  'participant-leave',
  'participant-mute',
  'participant-unmute',
  'participant-hold',
  'participant-unhold',
  'participant-modify',
  'participant-speech-start',
  'participant-speech-stop',
  'announcement-end',
  'announcement-fail',
] as const;

/** @publicApi */
export type ConferenceEvent = (typeof CONFERENCE_EVENTS)[number];

/**
 * `ReasonConferenceEnded` of a `conference-end` event.
 * @publicApi
 */
export const CONFERENCE_END_REASONS = [
  'conference-ended-via-api',
  'last-participant-kicked',
  'last-participant-left',
  'participant-with-end-conference-on-exit-kicked',
  'participant-with-end-conference-on-exit-left',
] as const;

/** @publicApi */
export type ConferenceEndReason = (typeof CONFERENCE_END_REASONS)[number];

/**
 * `ReasonParticipantLeft` of a `participant-leave` event (Twilio uses underscores here).
 * @publicApi
 */
export const PARTICIPANT_LEFT_REASONS = [
  'conference_ended_via_api',
  'moderator_ended_conference',
  'participant_updated_via_api',
  'participant_hung_up',
  'participant_add_failed',
] as const;

/** @publicApi */
export type ParticipantLeftReason = (typeof PARTICIPANT_LEFT_REASONS)[number];

/**
 * `ParticipantCallStatus` of a `participant-leave` event.
 * @publicApi
 */
export const PARTICIPANT_CALL_STATUSES = [
  'no-answer',
  'busy',
  'in-progress',
  'failed',
  'canceled',
  'completed',
] as const;

/** @publicApi */
export type ParticipantCallStatus = (typeof PARTICIPANT_CALL_STATUSES)[number];
