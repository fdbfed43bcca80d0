/** Why a member reports a post; moderators hide and suspend for the same reasons. */
export const REPORT_REASONS = ['spam', 'abuse', 'hate-speech', 'personal-data', 'misinformation', 'off-topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** `pending-review`: hidden automatically after enough reports, until a moderator decides. */
export const POST_VISIBILITIES = ['visible', 'pending-review', 'hidden'] as const;
export type PostVisibility = (typeof POST_VISIBILITIES)[number];

export const POST_MODERATION_ACTIONS = ['hide', 'restore'] as const;
/** Why a moderator hides or restores a post: a report reason, or `resolved` once the matter is settled. */
export const POST_MODERATION_REASONS = [...REPORT_REASONS, 'resolved'] as const;
export const THREAD_MODERATION_ACTIONS = ['lock', 'unlock', 'pin', 'unpin'] as const;

/** Every action the append-only moderation log records (`auto-hide`: enough counted reports). */
export const MODERATION_ACTIONS = ['auto-hide', ...POST_MODERATION_ACTIONS, ...THREAD_MODERATION_ACTIONS, 'suspend', 'lift-suspension'] as const;
export type ModerationActionKind = (typeof MODERATION_ACTIONS)[number];

/** Why a moderator lifts a suspension before it ends. */
export const SUSPENSION_LIFT_REASONS = ['appeal-upheld', 'issued-in-error', 'resolved'] as const;
export type SuspensionLiftReason = (typeof SUSPENSION_LIFT_REASONS)[number];
