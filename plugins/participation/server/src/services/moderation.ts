import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import type { ActiveSuspension, ModerationActionKind, ModerationQueueItem, ModerationSummary, ReportReason } from '../../../shared/contracts';
import { conflict } from '../utils/conflict';
import { newDocumentColumns } from '../utils/document-row';
import { isUniqueViolation } from '../utils/database-errors';
import { fieldError } from '../utils/field-error';
import { isCountedReporter, type CountedReporterRule } from '../domain/forums/counted-reporter';
import { accountTables } from '../tables/accounts';
import { forumTables } from '../tables/forum';
import { POST_COLUMNS, toPost, type PostRow, type ThreadRow } from '../tables/forum-rows';
import { moderationTables, type ModerationActionCountRow, type PostReportRow } from '../tables/moderation';
import type { StoredBigInt, StoredTime } from '../tables/column-values';
import { getService } from '../utils/get-service';
import type { PortalLanguage } from '../../../portal/src/i18n/languages';

/** Who reports a post: the account, and the address its rate limit also counts. */
interface Reporter {
  id: number;
  address: string;
}

/** A moderator's decision on posts: hide with a report reason, or restore (`resolved` once settled). */
interface PostModerationInput {
  action: 'hide' | 'restore';
  reason: string;
  note?: string;
}

interface LoggedAction {
  municipalityCode: string;
  forumDocumentId: string;
  action: ModerationActionKind;
  targetKind: 'post' | 'thread' | 'member';
  targetDocumentId: string;
  reason: string;
  note?: string | null;
  moderatorId: number | null;
}

/**
 * Reports, the moderators' decisions and suspensions. Every decision is written to an append-only
 * log in the same transaction as its effect; the public sees counts per action and reason.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const tables = () => moderationTables(strapi);
  // The forum's posts (visibility, report counters) and threads (locked, pinned) change here, each with the log entry that records why.
  const postsTable = () => forumTables(strapi).posts;
  const threadsTable = () => forumTables(strapi).threads;
  const plugin = () => strapi.plugin('participation');

  const log = (trx: Knex | Knex.Transaction, entry: LoggedAction) =>
    trx(tables().actions).insert({
      ...newDocumentColumns(),
      municipality_code: entry.municipalityCode,
      forum_document_id: entry.forumDocumentId,
      action: entry.action,
      target_kind: entry.targetKind,
      target_document_id: entry.targetDocumentId,
      reason: entry.reason,
      note: entry.note ?? null,
      moderator_id: entry.moderatorId,
    });

  /** Posts are moderated in the municipality whose forum they are in; elsewhere they do not exist. */
  const requirePostIn = async (municipalityCode: string | null, postDocumentId: string, db: Knex | Knex.Transaction = knex()) => {
    const post = await db(postsTable()).where({ document_id: postDocumentId }).first();
    if (!post || (municipalityCode !== null && post.municipality_code !== municipalityCode)) {
      throw new errors.NotFoundError(`No post ${postDocumentId}${municipalityCode ? ` in ${municipalityCode}` : ''}`);
    }
    return post;
  };

  /** A post as the public view shows it, with the same reaction counts (one definition: the forum's). */
  const publicPost = async (post: PostRow) => toPost(post, (await getService(strapi, 'forum').reactionCounts([post.document_id])).get(post.document_id)!);

  const publishPostChange = async (post: PostRow) => {
    const thread = await knex()(threadsTable()).where({ document_id: post.thread_document_id }).first('document_id');
    await getService(strapi, 'events').publish('forum.post-moderated', `thread:${thread.document_id}`, { post: await publicPost(post) });
  };

  /** Whether a member's reports count towards auto-hide: account age and visible posts (see domain/forums/counted-reporter). */
  const countsTowardsHiding = async (userId: number) => {
    const rule = plugin().config('forum.countedReporters') as CountedReporterRule;
    const [account, posts] = await Promise.all([
      knex()(accountTables(strapi).users).where({ id: userId }).first('created_at'),
      // Enough to decide: counting stops at the threshold.
      rule.minVisiblePosts === 0 ? [] : knex()(postsTable()).where({ author_id: userId, visibility: 'visible' }).limit(rule.minVisiblePosts).select('id'),
    ]);
    return isCountedReporter({ accountCreatedAt: new Date(account.created_at), visiblePosts: posts.length }, rule, new Date());
  };

  /**
   * Several posts hidden or restored at once (the workspace's checkboxes), all or none: a post outside
   * the municipality refuses the whole step before anything is written.
   */
  const moderatePosts = async (municipalityCode: string, postDocumentIds: readonly string[], input: PostModerationInput, moderatorId: number) => {
    const change =
      input.action === 'hide'
        ? { visibility: 'hidden', hidden_reason: input.reason, hidden_note: input.note ?? null }
        : // Restored: earlier reports no longer count towards hiding it again.
          { visibility: 'visible', hidden_reason: null, hidden_note: null, report_count: 0, counted_report_count: 0 };
    const updated = await knex().transaction(async (trx) => {
      const posts: Array<PostRow & { forum_document_id: string }> = [];
      for (const postDocumentId of new Set(postDocumentIds)) posts.push(await requirePostIn(municipalityCode, postDocumentId, trx));
      for (const post of posts) {
        await trx(postsTable()).where({ document_id: post.document_id }).update(change);
        await log(trx, { municipalityCode, forumDocumentId: post.forum_document_id, action: input.action, targetKind: 'post', targetDocumentId: post.document_id, reason: input.reason, note: input.note, moderatorId });
      }
      return posts.map((post) => ({ ...post, ...change }));
    });
    for (const post of updated) await publishPostChange(post);
    return Promise.all(updated.map((post) => publicPost(post)));
  };

  return {
    async activeSuspension(forumDocumentId: string, userId: number) {
      const row = await knex()(tables().suspensions).where({ forum_document_id: forumDocumentId, user_id: userId }).whereNull('lifted_at').andWhere('until', '>', new Date()).orderBy('until', 'desc').first('until');
      return row ? { until: new Date(row.until).toISOString() } : null;
    },

    /**
     * One report per person and post. Every report is recorded; those of established members
     * (`forum.countedReporters`) also count towards `forum.reportsToHide`, which hides the post until a
     * moderator decides. An author cannot report their own post.
     */
    async report(postDocumentId: string, input: { reason: ReportReason; note?: string }, reporter: Reporter) {
      const post = await requirePostIn(null, postDocumentId);
      if (Number(post.author_id) === reporter.id) throw fieldError('postId', 'you cannot report your own post');
      await getService(strapi, 'rate-limits').consume('report', reporter.id, reporter.address);
      const threshold = plugin().config('forum.reportsToHide') as number;
      const counted = await countsTowardsHiding(reporter.id);
      let autoHidden = false;
      try {
        await knex().transaction(async (trx) => {
          await trx(tables().reports).insert({
            ...newDocumentColumns(),
            post_document_id: postDocumentId,
            municipality_code: post.municipality_code,
            reporter_id: reporter.id,
            reason: input.reason,
            note: input.note ?? null,
          });
          const increment = (column: string) => trx.raw('?? + 1', [column]);
          const [counter] = await trx(postsTable())
            .where({ document_id: postDocumentId })
            .update(counted ? { report_count: increment('report_count'), counted_report_count: increment('counted_report_count') } : { report_count: increment('report_count') })
            .returning(['counted_report_count', 'visibility']);
          if (counted && Number(counter.counted_report_count) >= threshold && counter.visibility === 'visible') {
            await trx(postsTable()).where({ document_id: postDocumentId }).update({ visibility: 'pending-review', hidden_reason: 'reports', hidden_note: null });
            await log(trx, { municipalityCode: post.municipality_code, forumDocumentId: post.forum_document_id, action: 'auto-hide', targetKind: 'post', targetDocumentId: postDocumentId, reason: 'reports', moderatorId: null });
            autoHidden = true;
          }
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('You have already reported this post.');
        throw error;
      }
      await getService(strapi, 'events').publish('forum.post-reported', `moderation:${post.municipality_code}`, { postDocumentId, threadDocumentId: post.thread_document_id, reason: input.reason, autoHidden });
      if (autoHidden) await publishPostChange(await requirePostIn(null, postDocumentId));
      return { reported: true as const, hiddenPendingReview: autoHidden };
    },

    async moderatePost(municipalityCode: string, postDocumentId: string, input: PostModerationInput, moderatorId: number) {
      const [updated] = await moderatePosts(municipalityCode, [postDocumentId], input, moderatorId);
      return updated;
    },

    moderatePosts,

    async moderateThread(municipalityCode: string, threadDocumentId: string, input: { action: 'lock' | 'unlock' | 'pin' | 'unpin'; reason: string; note?: string }, moderatorId: number) {
      const change = { lock: { locked: true }, unlock: { locked: false }, pin: { pinned: true }, unpin: { pinned: false } }[input.action];
      await knex().transaction(async (trx) => {
        const thread = await trx(threadsTable()).where({ document_id: threadDocumentId, municipality_code: municipalityCode }).first();
        if (!thread) throw new errors.NotFoundError(`No thread ${threadDocumentId} in ${municipalityCode}`);
        await trx(threadsTable()).where({ document_id: threadDocumentId }).update(change);
        await log(trx, { municipalityCode, forumDocumentId: thread.forum_document_id, action: input.action, targetKind: 'thread', targetDocumentId: threadDocumentId, reason: input.reason, note: input.note, moderatorId });
      });
      const thread = await getService(strapi, 'forum').findThread(threadDocumentId);
      await getService(strapi, 'events').publish('forum.thread-changed', `thread:${threadDocumentId}`, { thread });
      return thread;
    },

    async suspend(municipalityCode: string, forumDocumentId: string, input: { userId: number; days: number; reason: string; note?: string }, moderatorId: number) {
      const forum = await getService(strapi, 'forum').requireForum(forumDocumentId);
      if (forum.municipality_code !== municipalityCode) throw new errors.NotFoundError(`No forum ${forumDocumentId} in ${municipalityCode}`);
      // A moderator suspending themselves would silence their own moderation record.
      if (input.userId === moderatorId) throw fieldError('data.userId', 'a moderator cannot suspend themselves');
      const member = await knex()(accountTables(strapi).users).where({ id: input.userId }).first('id');
      if (!member) throw fieldError('data.userId', `no member ${input.userId}`);
      const until = new Date(Date.now() + input.days * 86_400_000);
      await knex().transaction(async (trx) => {
        await trx(tables().suspensions).insert({ ...newDocumentColumns(), forum_document_id: forumDocumentId, user_id: input.userId, until, reason: input.reason, moderator_id: moderatorId });
        await log(trx, { municipalityCode, forumDocumentId, action: 'suspend', targetKind: 'member', targetDocumentId: String(input.userId), reason: input.reason, note: input.note, moderatorId });
      });
      return { userId: input.userId, forumDocumentId, until: until.toISOString() };
    },

    /** Ends a member's suspensions in a forum now; the suspension stays on record with when and by whom. */
    async liftSuspension(municipalityCode: string, forumDocumentId: string, userId: number, input: { reason: string; note?: string }, moderatorId: number) {
      const forum = await getService(strapi, 'forum').requireForum(forumDocumentId);
      if (forum.municipality_code !== municipalityCode) throw new errors.NotFoundError(`No forum ${forumDocumentId} in ${municipalityCode}`);
      // Another moderator suspended them: lifting it is for someone else to decide.
      if (userId === moderatorId) throw fieldError('userId', 'a moderator cannot lift their own suspension');
      const now = new Date();
      const lifted = await knex().transaction(async (trx) => {
        const count = await trx(tables().suspensions)
          .where({ forum_document_id: forumDocumentId, user_id: userId })
          .whereNull('lifted_at')
          .andWhere('until', '>', now)
          .update({ lifted_at: now, lifted_by_id: moderatorId, updated_at: now });
        if (count === 0) return false;
        await log(trx, { municipalityCode, forumDocumentId, action: 'lift-suspension', targetKind: 'member', targetDocumentId: String(userId), reason: input.reason, note: input.note, moderatorId });
        return true;
      });
      if (!lifted) throw new errors.NotFoundError(`Member ${userId} is not suspended in forum ${forumDocumentId}`);
      return { userId, forumDocumentId, liftedAt: now.toISOString() };
    },

    /**
     * The members suspended now from a forum of the municipality, with the latest end when there are
     * several: what a moderator may lift. Ordered by when they end.
     */
    async activeSuspensionsIn(municipalityCode: string): Promise<ActiveSuspension[]> {
      const forums = forumTables(strapi).forums;
      const users = accountTables(strapi).users;
      const rows: Array<{ forum_document_id: string; forum_title: string; forum_language: PortalLanguage | null; user_id: StoredBigInt; username: string; until: StoredTime; reason: string }> = await knex()(`${tables().suspensions} as s`)
        .join(`${forums} as f`, 'f.document_id', 's.forum_document_id')
        .join(`${users} as u`, 'u.id', 's.user_id')
        .where('f.municipality_code', municipalityCode)
        .whereNull('s.lifted_at')
        .andWhere('s.until', '>', new Date())
        .orderBy('s.until', 'desc')
        .limit(500)
        .select('s.forum_document_id', 'f.title as forum_title', 'f.language as forum_language', 's.user_id', 'u.username', 's.until', 's.reason');
      const latest = new Map<string, ActiveSuspension>();
      for (const row of rows) {
        const key = `${row.forum_document_id}/${row.user_id}`;
        if (latest.has(key)) continue;
        latest.set(key, { forumDocumentId: row.forum_document_id, forumTitle: row.forum_title, forumLanguage: row.forum_language ?? null, userId: Number(row.user_id), username: row.username, until: new Date(row.until).toISOString(), reason: row.reason });
      }
      return [...latest.values()].reverse();
    },

    /** Reported or hidden-after-reports posts, oldest report first; moderators see the hidden text. */
    async queue(municipalityCode: string): Promise<ModerationQueueItem[]> {
      const posts: Array<PostRow & { report_count: StoredBigInt; counted_report_count: StoredBigInt }> = await knex()(postsTable())
        .where({ municipality_code: municipalityCode })
        .andWhere((where) => where.where('report_count', '>', 0).orWhere({ visibility: 'pending-review' }))
        .orderBy('id', 'asc')
        .limit(100)
        .select([...POST_COLUMNS, 'report_count', 'counted_report_count']);
      const ids = posts.map((post) => post.document_id);
      const [reports, threads, reactions] = await Promise.all([
        ids.length ? knex()(tables().reports).whereIn('post_document_id', ids).orderBy('id', 'asc').select('post_document_id', 'reason', 'note', 'created_at') : [],
        ids.length ? knex()(threadsTable()).whereIn('document_id', posts.map((post) => post.thread_document_id)).select('document_id', 'title', 'language') : [],
        getService(strapi, 'forum').reactionCounts(ids),
      ]);
      const titles = new Map(threads.map((thread: Pick<ThreadRow, 'document_id' | 'title' | 'language'>) => [thread.document_id, thread]));
      return posts.map((row) => ({
        post: { ...toPost(row, reactions.get(row.document_id)!), bodyForModerators: row.body },
        threadTitle: titles.get(row.thread_document_id)?.title ?? '',
        threadLanguage: titles.get(row.thread_document_id)?.language ?? null,
        reportCount: Number(row.report_count),
        countedReportCount: Number(row.counted_report_count),
        reports: reports
          .filter((report: PostReportRow) => report.post_document_id === row.document_id)
          .map((report: PostReportRow) => ({ reason: report.reason, note: report.note ?? null, at: new Date(report.created_at).toISOString() })),
      }));
    },

    /** Public, so an unknown municipality is named as such rather than answered with no actions. */
    async summary(municipalityCode: string): Promise<ModerationSummary> {
      await getService(strapi, 'municipality').requireByCode(municipalityCode, 'municipalityCode');
      // knex types a grouped count's rows by the count alone.
      const rows = (await knex()(tables().actions).where({ municipality_code: municipalityCode }).groupBy('action', 'reason').select('action', 'reason').count({ n: '*' }).orderBy([{ column: 'action' }, { column: 'reason' }])) as ModerationActionCountRow[];
      return { municipalityCode, actions: rows.map((row) => ({ action: row.action, reason: row.reason, count: Number(row.n) })) };
    },
  };
};
