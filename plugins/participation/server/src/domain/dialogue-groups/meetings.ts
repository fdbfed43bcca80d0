/** A meeting is scheduled, then held or cancelled; it is created scheduled or (announced late) cancelled. */
export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const NEW_MEETING_STATUSES = ['scheduled', 'cancelled'] as const satisfies readonly MeetingStatus[];

/** Arrangements a meeting offers so that everyone can take part. */
export const ACCESSIBILITY_ARRANGEMENTS = [
  'step-free-access',
  'sign-language',
  'easy-read-material',
  'captioning',
  'hearing-loop',
  'interpretation',
  'childcare',
  'transport-support',
] as const;
export type AccessibilityArrangement = (typeof ACCESSIBILITY_ARRANGEMENTS)[number];
