/** A meeting is scheduled, then held (its minutes published) or cancelled. */
export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** What organisers may set; `held` comes only with the minutes. */
export const SETTABLE_MEETING_STATUSES = ['scheduled', 'cancelled'] as const satisfies readonly MeetingStatus[];
