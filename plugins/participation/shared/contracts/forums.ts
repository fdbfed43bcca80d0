import type { Paginated, Single } from './common';
import type { ModerationActionKind, ModerationTargetKind, PostModerationAction, SuspensionLiftReason, ThreadModerationAction } from '../../server/src/domain/forums/moderation-actions';
import type { ForumAttachment } from '../../server/src/domain/forums/attachments';
import type { ReactionKind } from '../../server/src/domain/forums/reactions';
import type { ReportReason } from '../../server/src/domain/forums/report-reasons';
import type { PostVisibility } from '../../server/src/domain/forums/post-visibility';

export type { ForumAttachment };
export type { ReactionKind };
export type { ReportReason };
/** `pending-review`: hidden automatically after enough reports, until a moderator decides. */
export type { PostVisibility };
export type { ModerationActionKind, ModerationTargetKind, PostModerationAction, ThreadModerationAction };

export interface Forum {
  documentId: string;
  municipalityCode: string;
  title: string;
  description: string | null;
  /** What the forum belongs to: the municipality itself, or a round, dialogue group or consultation. */
  attachedTo: { kind: ForumAttachment; documentId: string | null };
}

export interface ForumThread {
  documentId: string;
  forumDocumentId: string;
  municipalityCode: string;
  title: string;
  authorName: string;
  locked: boolean;
  pinned: boolean;
  postCount: number;
  lastPostAt: string;
  createdAt: string;
}

export interface ForumPost {
  documentId: string;
  threadDocumentId: string;
  /** 1, 2, 3… within the thread; the first post opens the thread. */
  position: number;
  /** The post this one answers (nested replies), by position. */
  replyToPosition: number | null;
  authorName: string;
  /** Sanitised HTML (paragraphs, emphasis, lists, links); null while the post is hidden. */
  body: string | null;
  visibility: PostVisibility;
  /** Why it is hidden, as the moderator published it. */
  hidden: { reason: string; note: string | null } | null;
  reactions: Record<ReactionKind, number>;
  createdAt: string;
}

/** `GET /threads/:threadId/posts?page=&pageSize=`: any page costs the same, however deep. */
export type ListPosts = Paginated<ForumPost>;
export type ListThreads = Paginated<ForumThread>;
export type ListForums = Paginated<Forum>;
export type ThreadWithForum = Single<ForumThread & { forum: Forum }>;

export interface ForumInput {
  title: string;
  description?: string;
  attachedTo?: { kind: Exclude<ForumAttachment, 'municipality'>; documentId: string };
}
/** Body of `POST /forums/:forumId/threads`: the thread and its first post. */
export interface ThreadInput {
  title: string;
  body: string;
}
export interface PostInput {
  body: string;
  replyToPosition?: number;
}
export interface ReportInput {
  reason: ReportReason;
  note?: string;
}
export interface PostModerationInput {
  action: PostModerationAction;
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
/** Why a moderator lifts a suspension before it ends. */
export type { SuspensionLiftReason };
/** Body of `POST /municipalities/:code/forums/:forumId/suspensions/:userId/lift`. */
export interface SuspensionLiftInput {
  reason: SuspensionLiftReason;
  note?: string;
}

/** A post waiting for a moderator: reported or hidden after reports. */
export interface ModerationQueueItem {
  post: ForumPost & { bodyForModerators: string };
  threadTitle: string;
  /** Reports since the post was last restored, and those of them from established members (what auto-hide counts). */
  reportCount: number;
  countedReportCount: number;
  reports: Array<{ reason: ReportReason; note: string | null; at: string }>;
}

/** Public: how many moderation actions of each kind were taken, by reason. */
export interface ModerationSummary {
  municipalityCode: string;
  actions: Array<{ action: ModerationActionKind; reason: string; count: number }>;
}
