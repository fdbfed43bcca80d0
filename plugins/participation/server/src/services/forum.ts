import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import type { Forum, ForumPost, ForumThread, ReactionKind, RoomEvent } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { mentionedUsernames, postFingerprint, sanitisePostHtml } from '../domain/forums/post-body';
import { REACTION_KINDS } from '../domain/forums/reactions';
import { conflict } from '../utils/conflict';
import { newDocumentColumns } from '../utils/document-row';
import { fieldError } from '../utils/field-error';
import { isUniqueViolation } from '../utils/database-errors';
import { pageWindow, paginationMeta, type PageRequest } from '../utils/pagination';
import { givenFilters } from '../utils/list-filters';
import { accountTables } from '../tables/accounts';
import { forumTables } from '../tables/forum';
import { POST_COLUMNS, toForum, toPost, toThread, type PostRow, type ReactionCountRow, type ThreadRow } from '../tables/forum-rows';
import { getService } from '../utils/get-service';
import type { PortalLanguage } from '../../../portal/src/i18n/languages';

/** What a forum can be attached to, and where that thing lives. */
const ATTACHABLE = { round: UID.round, 'dialogue-group': UID.dialogueGroup, consultation: UID.consultation } as const;

export interface Poster {
  id: number;
  username: string;
  address: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const tables = () => forumTables(strapi);
  const plugin = () => strapi.plugin('participation');
  const config = <T>(path: string): T => plugin().config(path) as T;

  const reactionCounts = async (postIds: string[]) => {
    const counts = new Map<string, Record<ReactionKind, number>>(
      postIds.map((id) => [id, Object.fromEntries(REACTION_KINDS.map((kind) => [kind, 0])) as Record<ReactionKind, number>])
    );
    if (postIds.length === 0) return counts;
    const rows = await knex()(tables().reactions).whereIn('post_document_id', postIds).groupBy('post_document_id', 'kind').select('post_document_id', 'kind').count({ n: '*' });
    for (const row of rows as ReactionCountRow[]) counts.get(row.post_document_id)![row.kind] = Number(row.n);
    return counts;
  };

  const requireForum = async (documentId: string) => {
    const row = await knex()(tables().forums).where({ document_id: documentId }).first();
    if (!row) throw new errors.NotFoundError(`No forum ${documentId}`);
    return row;
  };

  const requireThread = async (documentId: string, db: Knex | Knex.Transaction = knex()) => {
    const row = await db(tables().threads).where({ document_id: documentId }).first();
    if (!row) throw new errors.NotFoundError(`No thread ${documentId}`);
    return row;
  };

  /** Locked threads and suspended members: 403 with the reason, before anything is counted or stored. */
  const requireMayPost = async (thread: ThreadRow | null, forumDocumentId: string, userId: number) => {
    if (thread?.locked) throw new errors.PolicyError('This thread is locked: no new posts.');
    const suspension = await getService(strapi, 'moderation').activeSuspension(forumDocumentId, userId);
    if (suspension) throw new errors.PolicyError(`You are suspended from this forum until ${suspension.until}.`);
  };

  /** The same words from the same person within the window: refused, whatever the thread. */
  const refuseRepeat = async (authorId: number, fingerprint: string) => {
    const hours = config<number>('forum.duplicateWindowHours');
    if (hours === 0) return;
    const since = new Date(Date.now() - hours * 3600_000);
    const repeat = await knex()(tables().posts).where({ author_id: authorId, body_fingerprint: fingerprint }).andWhere('created_at', '>=', since).first('document_id');
    if (repeat) throw conflict('You already posted exactly this text; say something new or edit nothing.', { field: 'data.body' });
  };

  /**
   * Numbers the post within its thread under the thread row's lock, so positions never collide or skip.
   * The post commits like every other write (synchronously on PostgreSQL): once acknowledged, it and its
   * events survive a crash.
   */
  const insertPost = async (trx: Knex.Transaction, thread: ThreadRow, author: Poster, html: string, replyToPosition: number | null, language: PortalLanguage | null) => {
    const now = new Date();
    const [counter] = await trx(tables().threads)
      .where({ document_id: thread.document_id })
      .update({ post_count: trx.raw('?? + 1', ['post_count']), last_post_at: now, updated_at: now })
      .returning(['post_count']);
    const position = Number(counter.post_count);
    if (replyToPosition !== null && replyToPosition >= position) {
      throw fieldError('data.replyToPosition', `thread has no post ${replyToPosition}`);
    }
    const row = {
      ...newDocumentColumns(now),
      thread_document_id: thread.document_id,
      forum_document_id: thread.forum_document_id,
      municipality_code: thread.municipality_code,
      position,
      reply_to_position: replyToPosition,
      author_id: author.id,
      author_name: author.username,
      body: html,
      body_fingerprint: postFingerprint(html),
      visibility: 'visible',
      report_count: 0,
      counted_report_count: 0,
      language,
    };
    await trx(tables().posts).insert(row);
    return row;
  };

  /**
   * The post's events, stored in the post's own transaction (the thread's room, followers' and mentioned
   * people's own rooms), so that a post is never stored without them nor they without it. Rooms are
   * taken in one order so that concurrent posts lock their counters alike; broadcast after the commit.
   */
  const stageAnnouncements = async (trx: Knex.Transaction, thread: ForumThread, post: ForumPost, author: Poster, html: string) => {
    const mentioned = mentionedUsernames(html).filter((name) => name !== author.username);
    const mentionedUsers: Array<{ id: number }> = mentioned.length ? await trx(accountTables(strapi).users).whereIn('username', mentioned).select('id') : [];
    const notified = new Set([author.id, ...mentionedUsers.map(({ id }) => id)]);
    const followers: Array<{ user_id: number }> = await trx(tables().follows).where({ thread_document_id: thread.documentId }).select('user_id');
    const announcements = [
      { type: 'forum.post-created' as const, room: `thread:${thread.documentId}` },
      ...mentionedUsers.map(({ id }) => ({ type: 'forum.mentioned' as const, room: `user:${id}` })),
      ...followers.filter(({ user_id: userId }) => !notified.has(userId)).map(({ user_id: userId }) => ({ type: 'forum.followed-thread-posted' as const, room: `user:${userId}` })),
    ].sort((a, b) => (a.room < b.room ? -1 : a.room > b.room ? 1 : 0));
    return getService(strapi, 'events').stageMany(
      trx,
      announcements.map(({ type, room }) => ({ type, room, payload: { thread, post } }))
    );
  };

  const broadcastAll = (staged: RoomEvent[]) => {
    for (const event of staged) getService(strapi, 'events').broadcast(event);
  };

  const noReactions = () => Object.fromEntries(REACTION_KINDS.map((kind) => [kind, 0])) as Record<ReactionKind, number>;

  return {
    requireForum,
    requireThread,
    /** The reaction counts of posts, as every view shows them (public thread, moderation queue, events). */
    reactionCounts,

    async listForums(query: { municipality?: string; attachedKind?: string; attachedTo?: string } & PageRequest) {
      const where = givenFilters(query, { municipality: 'municipality_code', attachedKind: 'attached_kind', attachedTo: 'attached_document_id' });
      const { start, limit } = pageWindow(query);
      const [rows, [{ n }]] = await Promise.all([
        knex()(tables().forums).where(where).orderBy('id', 'asc').offset(start).limit(limit),
        knex()(tables().forums).where(where).count({ n: '*' }),
      ]);
      return { data: rows.map(toForum), meta: { pagination: paginationMeta(query, Number(n)) } };
    },

    async findForum(documentId: string): Promise<Forum> {
      return toForum(await requireForum(documentId));
    },

    async createForum(
      municipalityCode: string,
      input: { title: string; description?: string; attachedTo?: { kind: keyof typeof ATTACHABLE; documentId: string }; language?: PortalLanguage | null },
      userId: number
    ) {
      if (input.attachedTo) {
        const owner = await strapi.documents(ATTACHABLE[input.attachedTo.kind]).findOne({ documentId: input.attachedTo.documentId, fields: ['municipalityCode'] });
        if (!owner) throw fieldError('data.attachedTo.documentId', `no ${input.attachedTo.kind} ${input.attachedTo.documentId}`);
        if (owner.municipalityCode !== municipalityCode) {
          throw fieldError('data.attachedTo.documentId', `the ${input.attachedTo.kind} belongs to municipality ${owner.municipalityCode}`);
        }
      }
      const row = {
        ...newDocumentColumns(),
        municipality_code: municipalityCode,
        title: input.title,
        description: input.description ?? null,
        attached_kind: input.attachedTo?.kind ?? 'municipality',
        attached_document_id: input.attachedTo?.documentId ?? null,
        created_by_user_id: userId,
        language: input.language ?? null,
      };
      try {
        await knex()(tables().forums).insert(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`That ${input.attachedTo!.kind} already has a forum.`, { field: 'data.attachedTo' });
        throw error;
      }
      return toForum(row);
    },

    async listThreads(forumDocumentId: string, page: PageRequest) {
      await requireForum(forumDocumentId);
      const { start, limit } = pageWindow(page);
      const [rows, [{ n }]] = await Promise.all([
        knex()(tables().threads).where({ forum_document_id: forumDocumentId }).orderBy([{ column: 'pinned', order: 'desc' }, { column: 'last_post_at', order: 'desc' }, { column: 'id', order: 'desc' }]).offset(start).limit(limit),
        knex()(tables().threads).where({ forum_document_id: forumDocumentId }).count({ n: '*' }),
      ]);
      return { data: rows.map(toThread), meta: { pagination: paginationMeta(page, Number(n)) } };
    },

    async findThread(documentId: string) {
      const thread = toThread(await requireThread(documentId));
      return { ...thread, forum: toForum(await requireForum(thread.forumDocumentId)) };
    },

    async createThread(forumDocumentId: string, input: { title: string; body: string; language?: PortalLanguage | null }, author: Poster) {
      const forum = await requireForum(forumDocumentId);
      await requireMayPost(null, forumDocumentId, author.id);
      const html = sanitisePostHtml(input.body);
      await refuseRepeat(author.id, postFingerprint(html));
      await getService(strapi, 'rate-limits').consume('post', author.id, author.address);
      const now = new Date();
      const threadRow = {
        ...newDocumentColumns(now),
        forum_document_id: forumDocumentId,
        municipality_code: forum.municipality_code,
        title: input.title,
        author_id: author.id,
        author_name: author.username,
        locked: false,
        pinned: false,
        post_count: 0,
        last_post_at: now,
        language: input.language ?? null,
      };
      const { thread, post, staged } = await knex().transaction(async (trx) => {
        await trx(tables().threads).insert(threadRow);
        const postRow = await insertPost(trx, threadRow, author, html, null, threadRow.language);
        const created = { thread: toThread({ ...threadRow, post_count: 1 }), post: toPost(postRow, noReactions()) };
        return { ...created, staged: await stageAnnouncements(trx, created.thread, created.post, author, html) };
      });
      broadcastAll(staged);
      return { ...thread, firstPost: post };
    },

    /** Page n holds positions (n−1)·size+1 … n·size: an index range read, as cheap on page 400 as on page 1. */
    async listPosts(threadDocumentId: string, page: PageRequest) {
      const { start, limit } = pageWindow(page);
      const [thread, rows] = await Promise.all([
        requireThread(threadDocumentId),
        knex()(tables().posts)
          .where({ thread_document_id: threadDocumentId })
          .andWhere('position', '>', start)
          .andWhere('position', '<=', start + limit)
          .orderBy('position', 'asc')
          .select(POST_COLUMNS),
      ]);
      const reactions = await reactionCounts(rows.map((row: PostRow) => row.document_id));
      return {
        data: rows.map((row: PostRow) => toPost(row, reactions.get(row.document_id)!)),
        meta: { pagination: paginationMeta(page, Number(thread.post_count)) },
      };
    },

    async createPost(threadDocumentId: string, input: { body: string; replyToPosition?: number; language?: PortalLanguage | null }, author: Poster) {
      const current = await requireThread(threadDocumentId);
      await requireMayPost(current, current.forum_document_id, author.id);
      const html = sanitisePostHtml(input.body);
      await refuseRepeat(author.id, postFingerprint(html));
      await getService(strapi, 'rate-limits').consume('post', author.id, author.address);
      const { post, staged } = await knex().transaction(async (trx) => {
        // Re-read inside the transaction: a lock that landed meanwhile still refuses the post.
        const locked = await trx(tables().threads).where({ document_id: threadDocumentId }).first('locked');
        if (locked?.locked) throw new errors.PolicyError('This thread is locked: no new posts.');
        const inserted = toPost(await insertPost(trx, current, author, html, input.replyToPosition ?? null, input.language ?? null), noReactions());
        const thread = toThread(await requireThread(threadDocumentId, trx));
        return { post: inserted, staged: await stageAnnouncements(trx, thread, inserted, author, html) };
      });
      broadcastAll(staged);
      return post;
    },

    async react(postDocumentId: string, kind: ReactionKind, userId: number, on: boolean) {
      const post = await knex()(tables().posts).where({ document_id: postDocumentId }).first('document_id', 'visibility');
      if (!post) throw new errors.NotFoundError(`No post ${postDocumentId}`);
      if (on) {
        await knex()(tables().reactions)
          .insert({ ...newDocumentColumns(), post_document_id: postDocumentId, user_id: userId, kind })
          .onConflict(['post_document_id', 'user_id', 'kind'])
          .ignore();
      } else {
        await knex()(tables().reactions).where({ post_document_id: postDocumentId, user_id: userId, kind }).delete();
      }
      return (await reactionCounts([postDocumentId])).get(postDocumentId)!;
    },

    async follow(threadDocumentId: string, userId: number, on: boolean) {
      await requireThread(threadDocumentId);
      if (on) {
        await knex()(tables().follows).insert({ ...newDocumentColumns(), thread_document_id: threadDocumentId, user_id: userId }).onConflict(['thread_document_id', 'user_id']).ignore();
      } else {
        await knex()(tables().follows).where({ thread_document_id: threadDocumentId, user_id: userId }).delete();
      }
      return { following: on };
    },

    /** Where a post sits: its thread and position (a form acting on one post returns to it). */
    async locatePost(postDocumentId: string) {
      const row = await knex()(tables().posts).where({ document_id: postDocumentId }).first('thread_document_id', 'forum_document_id', 'position', 'author_id');
      if (!row) throw new errors.NotFoundError(`No post ${postDocumentId}`);
      return { threadDocumentId: row.thread_document_id as string, forumDocumentId: row.forum_document_id as string, position: Number(row.position), authorId: Number(row.author_id) };
    },
    /** Posts of a thread at the given positions, as the public sees them: what replies answer when it is on another page. */
    async postsAt(threadDocumentId: string, positions: number[]) {
      if (positions.length === 0) return [];
      const rows = await knex()(tables().posts).where({ thread_document_id: threadDocumentId }).whereIn('position', positions).select(POST_COLUMNS);
      return rows.map((row: PostRow) => toPost(row, noReactions()));
    },
    /** What one signed-in reader has done in a thread: whether they follow it, and their reactions to the given posts. */
    async readerState(threadDocumentId: string, postDocumentIds: string[], userId: number) {
      const [follow, reactions] = await Promise.all([
        knex()(tables().follows).where({ thread_document_id: threadDocumentId, user_id: userId }).first('id'),
        postDocumentIds.length ? knex()(tables().reactions).whereIn('post_document_id', postDocumentIds).andWhere({ user_id: userId }).select('post_document_id', 'kind') : [],
      ]);
      const reacted = new Map<string, ReactionKind[]>();
      for (const row of reactions as Array<{ post_document_id: string; kind: ReactionKind }>) reacted.set(row.post_document_id, [...(reacted.get(row.post_document_id) ?? []), row.kind]);
      return { following: Boolean(follow), reacted };
    },
    /** A person's latest visible posts, each with its thread's title: where a mention of them leads. */
    async recentPostsBy(username: string, limit: number) {
      // By the account's id, which the posts' author index starts with; the name may be anyone's guess.
      const author = await knex()(accountTables(strapi).users).where({ username }).first('id');
      if (!author) return [];
      const rows = await knex()(`${tables().posts} as p`)
        .join(`${tables().threads} as t`, 't.document_id', 'p.thread_document_id')
        .where({ 'p.author_id': author.id, 'p.visibility': 'visible' })
        .orderBy('p.id', 'desc')
        .limit(limit)
        .select(POST_COLUMNS.map((column) => `p.${column}`).concat('t.title as thread_title', 't.language as thread_language', 't.municipality_code'));
      return rows.map((row: PostRow & { thread_title: string; thread_language: PortalLanguage | null; municipality_code: string }) => ({
        post: toPost(row, noReactions()),
        thread: { title: row.thread_title, language: row.thread_language ?? null, municipalityCode: row.municipality_code },
      }));
    },
    /** Distinct people who posted in a forum within a period, for its disaggregated statistics. */
    async posterIds(forumDocumentId: string, period: { start: Date; end: Date }): Promise<number[]> {
      await requireForum(forumDocumentId);
      const rows = await knex()(tables().posts)
        .where({ forum_document_id: forumDocumentId })
        .andWhere('created_at', '>=', period.start)
        .andWhere('created_at', '<', period.end)
        .distinct('author_id');
      return rows.map((row: { author_id: number }) => Number(row.author_id));
    },
  };
};
