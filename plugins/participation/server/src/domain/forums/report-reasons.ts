/** Why a member reports a post; moderators give the same reasons when they hide one. */
export const REPORT_REASONS = ['spam', 'abuse', 'hate-speech', 'personal-data', 'misinformation', 'off-topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
