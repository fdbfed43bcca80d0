/**
 * Every moderation step the log records. `auto-hide` is the system's (enough reports hide a post until a
 * moderator looks); the others are a moderator's, each on one kind of target.
 */
export const POST_MODERATION_ACTIONS = ['hide', 'restore'] as const;
export type PostModerationAction = (typeof POST_MODERATION_ACTIONS)[number];

export const THREAD_MODERATION_ACTIONS = ['lock', 'unlock', 'pin', 'unpin'] as const;
export type ThreadModerationAction = (typeof THREAD_MODERATION_ACTIONS)[number];

export const MEMBER_MODERATION_ACTIONS = ['suspend', 'lift-suspension'] as const;
export type MemberModerationAction = (typeof MEMBER_MODERATION_ACTIONS)[number];

export const MODERATION_ACTIONS = ['auto-hide', ...POST_MODERATION_ACTIONS, ...THREAD_MODERATION_ACTIONS, ...MEMBER_MODERATION_ACTIONS] as const;
export type ModerationActionKind = (typeof MODERATION_ACTIONS)[number];

export const MODERATION_TARGET_KINDS = ['post', 'thread', 'member'] as const;
export type ModerationTargetKind = (typeof MODERATION_TARGET_KINDS)[number];

/** Why a suspension ends before its time. */
export const SUSPENSION_LIFT_REASONS = ['appeal-upheld', 'issued-in-error', 'resolved'] as const;
export type SuspensionLiftReason = (typeof SUSPENSION_LIFT_REASONS)[number];
