import type { Forum, ForumPost, ForumThread, ReactionKind } from '../../../shared/contracts';

/**
 * How the forum's rows read as the API shows them: one definition for the forum's own views and for
 * moderation's, which shows the same posts (with their reaction counts from the forum service).
 */

const iso = (value: unknown) => new Date(value as string).toISOString();

export const toForum = (row: Record<string, any>): Forum => ({
  documentId: row.document_id,
  municipalityCode: row.municipality_code,
  title: row.title,
  description: row.description ?? null,
  attachedTo: { kind: row.attached_kind, documentId: row.attached_document_id ?? null },
});

export const toThread = (row: Record<string, any>): ForumThread => ({
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
});

/** A post as the public sees it: a post not visible shows why, never its text. */
export const toPost = (row: Record<string, any>, reactions: Record<ReactionKind, number>): ForumPost => {
  const visible = row.visibility === 'visible';
  return {
    documentId: row.document_id,
    threadDocumentId: row.thread_document_id,
    position: Number(row.position),
    replyToPosition: row.reply_to_position === null ? null : Number(row.reply_to_position),
    authorName: row.author_name,
    body: visible ? row.body : null,
    visibility: row.visibility,
    hidden: visible ? null : { reason: row.hidden_reason ?? 'reports', note: row.hidden_note ?? null },
    reactions,
    createdAt: iso(row.created_at),
  };
};

/** The columns `toPost` reads. */
export const POST_COLUMNS = [
  'document_id', 'thread_document_id', 'position', 'reply_to_position', 'author_name', 'body', 'visibility', 'hidden_reason', 'hidden_note', 'created_at',
];
