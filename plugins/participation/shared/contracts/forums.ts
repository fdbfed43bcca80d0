import { z } from 'zod';
import { FORUM_ATTACHMENTS, type AttachableKind } from '../../server/src/domain/forums/attachments';
import {
  MODERATION_ACTIONS,
  type PostModerationAction,
  type SuspensionLiftReason,
  type ThreadModerationAction,
} from '../../server/src/domain/forums/moderation-actions';
import { POST_VISIBILITIES } from '../../server/src/domain/forums/post-visibility';
import { REACTION_KINDS } from '../../server/src/domain/forums/reactions';
import { REPORT_REASONS, type ReportReason } from '../../server/src/domain/forums/report-reasons';
import { instantSchema, paginated, single, writtenLanguageAnswerSchema } from './common';
import type { PortalLanguage } from '../../portal/src/i18n/languages';

export type { ForumAttachment } from '../../server/src/domain/forums/attachments';
export type { ModerationActionKind, SuspensionLiftReason } from '../../server/src/domain/forums/moderation-actions';
export type { PostVisibility } from '../../server/src/domain/forums/post-visibility';
export type { ReactionKind } from '../../server/src/domain/forums/reactions';
export type { ReportReason } from '../../server/src/domain/forums/report-reasons';

export const forumSchema = z.strictObject({
  documentId: z.string(),
  municipalityCode: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  /** What the forum belongs to: the municipality itself (no document id), or a round, dialogue group or consultation. */
  attachedTo: z.strictObject({ kind: z.enum(FORUM_ATTACHMENTS), documentId: z.string().nullable() }),
  language: writtenLanguageAnswerSchema,
});
export type Forum = z.infer<typeof forumSchema>;

export const forumThreadSchema = z.strictObject({
  documentId: z.string(),
  forumDocumentId: z.string(),
  municipalityCode: z.string(),
  title: z.string(),
  authorName: z.string(),
  locked: z.boolean(),
  pinned: z.boolean(),
  postCount: z.number().int().min(0),
  lastPostAt: instantSchema,
  createdAt: instantSchema,
  language: writtenLanguageAnswerSchema,
});
export type ForumThread = z.infer<typeof forumThreadSchema>;

/** How many of each reaction a post has (every kind, zero included). */
export const reactionCountsSchema = z.record(z.enum(REACTION_KINDS), z.number().int().min(0));

export const forumPostSchema = z.strictObject({
  documentId: z.string(),
  threadDocumentId: z.string(),
  /** 1, 2, 3… within the thread; the first post opens the thread. */
  position: z.number().int().min(1),
  /** The post this one answers (nested replies), by position. */
  replyToPosition: z.number().int().min(1).nullable(),
  authorName: z.string(),
  /** Sanitised HTML (paragraphs, emphasis, lists, links); null while the post is hidden. */
  body: z.string().nullable(),
  visibility: z.enum(POST_VISIBILITIES),
  /** Why it is hidden, as the moderator published it (`reports`: hidden after reports, pending review). */
  hidden: z.strictObject({ reason: z.string(), note: z.string().nullable() }).nullable(),
  reactions: reactionCountsSchema,
  createdAt: instantSchema,
  language: writtenLanguageAnswerSchema,
});
export type ForumPost = z.infer<typeof forumPostSchema>;

/** A thread as it is created: with its first post. */
export const createdThreadSchema = forumThreadSchema.extend({ firstPost: forumPostSchema });
/** A thread with the forum it is in. */
export const threadWithForumSchema = forumThreadSchema.extend({ forum: forumSchema });

export const forumListSchema = paginated(forumSchema);
export const forumAnswerSchema = single(forumSchema);
export const threadListSchema = paginated(forumThreadSchema);
export const threadWithForumAnswerSchema = single(threadWithForumSchema);
export const createdThreadAnswerSchema = single(createdThreadSchema);
/** `GET /threads/:threadId/posts?page=&pageSize=`: any page costs the same, however deep. */
export const postListSchema = paginated(forumPostSchema);
export const postAnswerSchema = single(forumPostSchema);
export const reactionCountsAnswerSchema = single(reactionCountsSchema);
export const followingAnswerSchema = single(z.strictObject({ following: z.boolean() }));

export type ListPosts = z.infer<typeof postListSchema>;
export type ListThreads = z.infer<typeof threadListSchema>;
export type ListForums = z.infer<typeof forumListSchema>;
export type ThreadWithForum = z.infer<typeof threadWithForumAnswerSchema>;

export interface ForumInput {
  title: string;
  description?: string;
  attachedTo?: { kind: AttachableKind; documentId: string };
  language?: PortalLanguage | null;
}
/** Body of `POST /forums/:forumId/threads`: the thread and its first post. */
export interface ThreadInput {
  title: string;
  body: string;
  language?: PortalLanguage | null;
}
export interface PostInput {
  body: string;
  replyToPosition?: number;
  language?: PortalLanguage | null;
}
export interface ReportInput {
  reason: ReportReason;
  note?: string;
}
export interface PostModerationInput {
  action: PostModerationAction;
  /** A report reason, or `resolved` once the matter is settled. */
  reason: ReportReason | 'resolved';
  note?: string;
}
export interface ThreadModerationInput {
  action: ThreadModerationAction;
  reason: string;
  note?: string;
}
export interface SuspensionInput {
  userId: number;
  days: number;
  reason: ReportReason;
  note?: string;
}
/** Body of `POST /municipalities/:code/forums/:forumId/suspensions/:userId/lift`. */
export interface SuspensionLiftInput {
  reason: SuspensionLiftReason;
  note?: string;
}

export const reportOutcomeAnswerSchema = single(z.strictObject({ reported: z.literal(true), hiddenPendingReview: z.boolean() }));

/** A post waiting for a moderator: reported or hidden after reports. */
export const moderationQueueItemSchema = z.strictObject({
  post: forumPostSchema.extend({ bodyForModerators: z.string() }),
  threadTitle: z.string(),
  /** The language the thread's title is written in (null: its municipality's). */
  threadLanguage: writtenLanguageAnswerSchema,
  /** Reports since the post was last restored, and those of them from established members (what auto-hide counts). */
  reportCount: z.number().int().min(0),
  countedReportCount: z.number().int().min(0),
  reports: z.array(z.strictObject({ reason: z.enum(REPORT_REASONS), note: z.string().nullable(), at: instantSchema })),
});
export type ModerationQueueItem = z.infer<typeof moderationQueueItemSchema>;
export const moderationQueueAnswerSchema = single(z.array(moderationQueueItemSchema));

/** Public: how many moderation actions of each kind were taken, by reason. */
export const moderationSummarySchema = z.strictObject({
  municipalityCode: z.string(),
  actions: z.array(z.strictObject({ action: z.enum(MODERATION_ACTIONS), reason: z.string(), count: z.number().int().min(1) })),
});
export type ModerationSummary = z.infer<typeof moderationSummarySchema>;
export const moderationSummaryAnswerSchema = single(moderationSummarySchema);

/** A member barred from posting in one forum until `until`, as the workspace lists them. */
export interface ActiveSuspension {
  forumDocumentId: string;
  forumTitle: string;
  /** The language the forum's title is written in (null: its municipality's). */
  forumLanguage: PortalLanguage | null;
  userId: number;
  username: string;
  until: string;
  reason: string;
}

export const suspensionAnswerSchema = single(z.strictObject({ userId: z.number().int(), forumDocumentId: z.string(), until: instantSchema }));
export const liftedSuspensionAnswerSchema = single(z.strictObject({ userId: z.number().int(), forumDocumentId: z.string(), liftedAt: instantSchema }));
