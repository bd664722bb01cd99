// Recording and transcription value sets (reference §7, §9, §14.3). Every list is open.

/**
 * `RecordingStatus` of a recording status callback. Sources disagree (`<Record>` names
 * `completed|failed`, the others `in-progress|completed|absent`), so all four are listed.
 * @publicApi
 */
export const RECORDING_STATUSES = ['in-progress', 'completed', 'absent', 'failed'] as const;

/** @publicApi */
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];

/**
 * `RecordingSource`: how the recording was created.
 * @publicApi
 */
export const RECORDING_SOURCES = [
  'OutboundAPI',
  'DialVerb',
  'Conference',
  'RecordVerb',
  'StartCallRecordingAPI',
  'StartConferenceRecordingAPI',
  'Trunking',
] as const;

/** @publicApi */
export type RecordingSource = (typeof RECORDING_SOURCES)[number];

/**
 * `RecordingTrack`: which audio track was recorded.
 * @publicApi
 */
export const RECORDING_TRACKS = ['inbound', 'outbound', 'both'] as const;

/** @publicApi */
export type RecordingTrack = (typeof RECORDING_TRACKS)[number];

/**
 * `TranscriptionStatus` of a `<Record transcribe>` callback.
 * @publicApi
 */
export const TRANSCRIPTION_STATUSES = ['completed', 'failed'] as const;

/** @publicApi */
export type TranscriptionStatus = (typeof TRANSCRIPTION_STATUSES)[number];
