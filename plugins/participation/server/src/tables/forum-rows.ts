import type { Forum, ForumAttachment, ForumPost, ForumThread, PostVisibility, ReactionKind } from '../../../shared/contracts';
import type { StoredBigInt, StoredBoolean, StoredTime } from './column-values';
import type { PortalLanguage } from '../../../portal/src/i18n/languages';

/**
 * How the forum's rows read as the API shows them: one definition for the forum's own views and for
 * moderation's, which shows the same posts (with their reaction counts from the forum service).
 */

const iso = (value: StoredTime) => new Date(value).toISOString();

// The rows as knex reads and writes them, with the columns the API shows. Enumerations are plain text
// columns that only the forum's services write; the mappers take them as the values those write.

export interface ForumRow {
  document_id: string;
  municipality_code: string;
  title: string;
  description: string | null;
  attached_kind: string;
  attached_document_id: string | null;
  language: PortalLanguage | null;
}

export interface ThreadRow {
  document_id: string;
  forum_document_id: string;
  municipality_code: string;
  title: string;
  author_name: string;
  locked: StoredBoolean;
  pinned: StoredBoolean;
  post_count: StoredBigInt;
  last_post_at: StoredTime;
  created_at: StoredTime;
  language: PortalLanguage | null;
}

export interface PostRow {
  document_id: string;
  thread_document_id: string;
  position: number;
  reply_to_position: number | null;
  author_name: string;
  body: string;
  visibility: string;
  /** Absent from a row just inserted (a new post is visible). */
  hidden_reason?: string | null;
  hidden_note?: string | null;
  created_at: StoredTime;
  language: PortalLanguage | null;
}

export const toForum = (row: ForumRow): Forum => ({
  documentId: row.document_id,
  municipalityCode: row.municipality_code,
  title: row.title,
  description: row.description ?? null,
  attachedTo: { kind: row.attached_kind as ForumAttachment, documentId: row.attached_document_id ?? null },
  language: row.language ?? null,
});

export const toThread = (row: ThreadRow): ForumThread => ({
  documentId: row.document_id,
  forumDocumentId: row.forum_document_id,
  municipalityCode: row.municipality_code,
  title: row.title,
  authorName: row.author_name,
  locked: Boolean(row.locked),
  pinned: Boolean(row.pinned),
  postCount: Number(row.post_count),
  lastPostAt: iso(row.last_post_at),
  createdAt: iso(row.created_at),
  language: row.language ?? null,
});

/** A post's reactions of one kind, counted. */
export interface ReactionCountRow {
  post_document_id: string;
  kind: ReactionKind;
  n: StoredBigInt;
}

/** A post as the public sees it: a post not visible shows why, never its text. */
export const toPost = (row: PostRow, reactions: Record<ReactionKind, number>): ForumPost => {
  const visible = row.visibility === 'visible';
  return {
    documentId: row.document_id,
    threadDocumentId: row.thread_document_id,
    position: Number(row.position),
    replyToPosition: row.reply_to_position === null ? null : Number(row.reply_to_position),
    authorName: row.author_name,
    body: visible ? row.body : null,
    visibility: row.visibility as PostVisibility,
    hidden: visible ? null : { reason: row.hidden_reason ?? 'reports', note: row.hidden_note ?? null },
    reactions,
    createdAt: iso(row.created_at),
    language: row.language ?? null,
  };
};

/** The columns `toPost` reads. */
export const POST_COLUMNS = [
  'document_id', 'thread_document_id', 'position', 'reply_to_position', 'author_name', 'body', 'visibility', 'hidden_reason', 'hidden_note', 'created_at', 'language',
];
