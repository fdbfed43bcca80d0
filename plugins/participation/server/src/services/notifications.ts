import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Meeting, RoomEvent } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { mentionedUsernames } from '../domain/forums/post-body';
import { CLAIM_MS, BATCH_WINDOW_MS, nextMailAt } from '../domain/notifications/delivery';
import { notificationPaths, TOPIC_KIND, NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind, type NotificationPayload } from '../domain/notifications/kinds';
import { readUnsubscribeToken, signUnsubscribeToken } from '../domain/notifications/unsubscribe-token';
import { NOTIFICATION_TABLES as T, type NotificationRow } from '../tables/notifications';
import { accountTables } from '../tables/accounts';
import { forumTables } from '../tables/forum';
import { tableOf } from '../tables/metadata';
import { isPostgres } from '../utils/database-client';
import { getService } from '../utils/get-service';
import { pgBossQueue } from '../notifications/pg-boss-queue';
import { sqliteQueue } from '../notifications/sqlite-queue';
import type { MailJob, NotificationQueue, QueueSettings } from '../notifications/queue';
import { notificationMail } from '../../../portal/src/mail/notification-mail';
import { isPortalLanguage, type PortalLanguage } from '../../../portal/src/i18n/languages';
import type { PortalConfig } from '../../../portal/src';

type Db = Knex | Knex.Transaction;

export interface NotificationsConfig extends QueueSettings {
  /** Off: nothing is queued or sent (the portal's list still fills). */
  worker: boolean;
  /** How often meetings starting within a day are looked for, to remind those registered. */
  reminderScanMinutes: number;
}

/** The page size a notification's link into a thread assumes (the thread page's). */
const THREAD_PAGE_SIZE = 25;

const readPayload = (row: Pick<NotificationRow, 'payload'>) => JSON.parse(row.payload) as NotificationPayload;

/**
 * Notifications by e-mail and in the portal. Causes are turned into notification rows and queued mails
 * inside the transaction that stores the cause's real-time event (services/events.ts calls `fromEvent`
 * from `stage`), so one commits exactly when the other does; the queue's worker sends after the commit.
 * A mail is claimed on its row before it is handed to SMTP and marked sent after, so neither a crash nor
 * a second worker sends it twice; a failed send gives the claim back and the queue retries with backoff.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const config = () => strapi.plugin('participation').config('notifications') as NotificationsConfig;
  const log = (message: string) => strapi.log.warn(`participation notifications: ${message}`);
  let queue: NotificationQueue | null = null;
  const queueOf = () => (queue ??= (isPostgres(knex()) ? pgBossQueue : sqliteQueue)(knex, config(), log));
  let reminderTimer: NodeJS.Timeout | null = null;

  const secret = () => {
    const keys = strapi.config.get('server.app.keys') as string[] | undefined;
    if (!keys?.length) throw new Error('APP_KEYS is not set: unsubscribe links cannot be signed');
    return `participation-unsubscribe:${keys[0]}`;
  };

  /**
   * One notification for each recipient, keyed by cause and recipient (a cause seen twice notifies no one
   * twice), and its mail queued in the same transaction. Returns how many were new.
   */
  const notify = async (trx: Db, userIds: Iterable<number>, payload: NotificationPayload, cause: string, scope: string | null = null) => {
    const recipients = [...new Set(userIds)];
    if (recipients.length === 0) return 0;
    const now = Date.now();
    const rows = recipients.map((userId) => ({
      user_id: userId,
      kind: TOPIC_KIND[payload.topic],
      scope,
      idempotency_key: `${cause}:${userId}`,
      payload: JSON.stringify(payload),
      created_at_ms: now,
      mail_state: 'pending',
    }));
    const inserted: Array<{ id: number | string; user_id: number | string }> = [];
    // Slices keep SQLite under its limit of bound values a statement.
    for (let start = 0; start < rows.length; start += 500) {
      inserted.push(...(await trx(T.notifications).insert(rows.slice(start, start + 500)).onConflict(['idempotency_key']).ignore().returning(['id', 'user_id'])));
    }
    await queueOf().enqueue(trx, inserted.map(({ id }) => ({ key: `mail:${id}`, data: { notificationId: Number(id) } })));
    const announce = () => {
      queue?.wake();
      // An open notifications page hears of it (live news only: the page itself reads the table).
      const emittedAt = new Date().toISOString();
      for (const { user_id: userId } of inserted) {
        getService(strapi, 'realtime').broadcast({ room: `user:${userId}`, sequence: 0, type: 'notification.created', payload: { kind: TOPIC_KIND[payload.topic] }, emittedAt });
      }
    };
    const committed = (trx as Knex.Transaction).executionPromise;
    if (committed) committed.then(announce, () => undefined);
    else announce();
    return inserted.length;
  };

  const registrants = async (trx: Db, meetingDocumentId: string) =>
    (await trx(tableOf(strapi, UID.meetingRegistration)).where({ meeting_document_id: meetingDocumentId }).select('user_id')).map((row: { user_id: number }) => Number(row.user_id));

  const roundFollowers = async (trx: Db, roundDocumentId: string) =>
    (await trx(T.roundFollows).where({ round_document_id: roundDocumentId }).select('user_id')).map((row: { user_id: number }) => Number(row.user_id));

  /** A post: a reply to its author, a mention to each named, and (batched per thread) a note to every other follower. */
  const fromPost = async (trx: Db, { thread, post }: RoomEvent<'forum.post-created'>['payload']) => {
    const posts = forumTables(strapi).posts;
    const author = await trx(posts).where({ document_id: post.documentId }).first('author_id');
    const authorId = Number(author.author_id);
    const path = notificationPaths.post(thread.documentId, post.position, THREAD_PAGE_SIZE);
    const told = new Set([authorId]);
    if (post.replyToPosition !== null) {
      const answered = await trx(posts).where({ thread_document_id: thread.documentId, position: post.replyToPosition }).first('author_id');
      if (answered && !told.has(Number(answered.author_id))) {
        told.add(Number(answered.author_id));
        await notify(trx, [Number(answered.author_id)], { topic: 'reply', title: thread.title, path, author: post.authorName }, `reply:${post.documentId}`);
      }
    }
    const names = mentionedUsernames(post.body ?? '');
    if (names.length) {
      const mentioned = (await trx(accountTables(strapi).users).whereIn('username', names).select('id')).map((row: { id: number }) => Number(row.id)).filter((id: number) => !told.has(id));
      mentioned.forEach((id: number) => told.add(id));
      await notify(trx, mentioned, { topic: 'mention', title: thread.title, path, author: post.authorName }, `mention:${post.documentId}`);
    }
    const followers = (await trx(forumTables(strapi).follows).where({ thread_document_id: thread.documentId }).select('user_id'))
      .map((row: { user_id: number }) => Number(row.user_id))
      .filter((id: number) => !told.has(id));
    await notify(trx, followers, { topic: 'thread-post', title: thread.title, path, author: post.authorName }, `post:${post.documentId}`, `thread:${thread.documentId}`);
  };

  /** A meeting changed or its minutes are out: those registered hear of it (none yet when it is first scheduled). */
  const fromMeeting = async (trx: Db, type: 'meeting.scheduled' | 'meeting.minutes-published', meeting: Meeting, cause: string) => {
    const topic = type === 'meeting.scheduled' ? 'meeting-changed' : 'meeting-minutes';
    return notify(trx, await registrants(trx, meeting.documentId), { topic, title: meeting.title, path: notificationPaths.meeting(meeting.documentId), startsAt: meeting.startsAt }, cause);
  };

  const fromEvent = async (trx: Db, event: RoomEvent) => {
    const cause = `${event.room}#${event.sequence}`;
    switch (event.type) {
      case 'forum.post-created':
        return fromPost(trx, (event as RoomEvent<'forum.post-created'>).payload);
      case 'proposal.status-changed': {
        // Published to the proposal's room and its round's: notify once, from the proposal's.
        if (!event.room.startsWith('proposal:')) return;
        const { proposal, to } = (event as RoomEvent<'proposal.status-changed'>).payload;
        const row = await trx(tableOf(strapi, UID.proposal)).where({ document_id: proposal.documentId }).first('author_id');
        if (row?.author_id) await notify(trx, [Number(row.author_id)], { topic: 'proposal-status', title: proposal.title, path: notificationPaths.proposal(proposal.documentId), status: to }, cause);
        return;
      }
      case 'round.phase-changed': {
        const { round, to } = (event as RoomEvent<'round.phase-changed'>).payload;
        return notify(trx, await roundFollowers(trx, round.documentId), { topic: 'round-phase', title: round.title, path: notificationPaths.round(round.documentId), phase: to }, cause);
      }
      case 'round.result-published': {
        const { roundDocumentId } = (event as RoomEvent<'round.result-published'>).payload;
        const round = await trx(tableOf(strapi, UID.round)).where({ document_id: roundDocumentId }).first('title');
        return notify(trx, await roundFollowers(trx, roundDocumentId), { topic: 'round-results', title: round?.title ?? '', path: `${notificationPaths.round(roundDocumentId)}/results` }, cause);
      }
      case 'meeting.scheduled':
      case 'meeting.minutes-published':
        return fromMeeting(trx, event.type, (event as RoomEvent<'meeting.scheduled'>).payload.meeting, cause);
      default:
        return;
    }
  };

  /** Those registered for a meeting that starts within a day are reminded once (again if it is moved). */
  const remindOfMeetings = async () => {
    const now = new Date();
    const meetings = await knex()(tableOf(strapi, UID.meeting))
      .where({ status: 'scheduled' })
      .andWhere('starts_at', '>', now)
      .andWhere('starts_at', '<=', new Date(now.getTime() + 24 * 3600_000))
      .select('document_id', 'title', 'starts_at');
    for (const meeting of meetings) {
      const startsAt = new Date(meeting.starts_at).toISOString();
      await knex().transaction(async (trx) =>
        notify(trx, await registrants(trx, meeting.document_id), { topic: 'meeting-tomorrow', title: meeting.title, path: notificationPaths.meeting(meeting.document_id), startsAt }, `meeting-tomorrow:${meeting.document_id}:${startsAt}`)
      );
    }
  };

  const portalUrl = (lang: PortalLanguage, path: string) => {
    const server = String(strapi.config.get('server.absoluteUrl')).replace(/\/+$/, '');
    const basePath = (strapi.plugin('participation').config('portal') as PortalConfig).basePath.replace(/\/+$/, '');
    return `${server}${basePath}/${lang}${path}`;
  };

  const languageOf = async (userId: number): Promise<PortalLanguage> => {
    const row = await knex()(T.preferences).where({ user_id: userId }).first('language');
    return isPortalLanguage(row?.language) ? row.language : (strapi.plugin('participation').config('portal') as PortalConfig).defaultLanguage;
  };

  const isOff = async (db: Db, userId: number, kind: string, channel: NotificationChannel) => Boolean(await db(T.optOuts).where({ user_id: userId, kind, channel }).first('kind'));

  /** Claims the mails of these rows (pending, or claimed by a sender that has since died): the ids it got. */
  const claim = async (where: (query: Knex.QueryBuilder) => Knex.QueryBuilder) => {
    const now = Date.now();
    const until = now + CLAIM_MS;
    await where(knex()(T.notifications))
      .andWhere((free) => free.where('mail_state', 'pending').orWhere((stale) => stale.where('mail_state', 'sending').andWhere('mail_claimed_until_ms', '<', now)))
      .update({ mail_state: 'sending', mail_claimed_until_ms: until });
    return (await where(knex()(T.notifications)).andWhere({ mail_state: 'sending', mail_claimed_until_ms: until }).orderBy('id', 'asc')) as NotificationRow[];
  };

  /**
   * A batched scope (a thread) mails a person at most once an hour: the window row is taken in one
   * conditional update, so two workers cannot both send; otherwise the mail is queued for the window's end.
   */
  const takeWindow = async (row: NotificationRow): Promise<{ taken: true; previous: number } | { taken: false; retryAt: number }> => {
    const now = Date.now();
    const key = { user_id: row.user_id, scope: row.scope! };
    await knex()(T.windows).insert({ ...key, last_mailed_at_ms: 0 }).onConflict(['user_id', 'scope']).ignore();
    const current = await knex()(T.windows).where(key).first('last_mailed_at_ms');
    const previous = Number(current.last_mailed_at_ms);
    const at = nextMailAt(previous || null, now, BATCH_WINDOW_MS);
    if (at > now) return { taken: false, retryAt: at };
    const taken = await knex()(T.windows).where({ ...key, last_mailed_at_ms: previous }).update({ last_mailed_at_ms: now });
    return taken === 1 ? { taken: true, previous } : { taken: false, retryAt: now + BATCH_WINDOW_MS };
  };

  const deliver = async ({ notificationId }: MailJob) => {
    const row = (await knex()(T.notifications).where({ id: notificationId }).first()) as NotificationRow | undefined;
    if (!row || row.mail_state === 'sent' || row.mail_state === 'off') return;
    if (await isOff(knex(), row.user_id, row.kind, 'email')) {
      await knex()(T.notifications).where({ id: row.id }).whereIn('mail_state', ['pending']).update({ mail_state: 'off' });
      return;
    }
    let window: { previous: number } | null = null;
    if (row.scope) {
      const attempt = await takeWindow(row);
      if (!attempt.taken) {
        await queueOf().enqueue(knex(), [{ key: `mail:${row.id}:at:${attempt.retryAt}`, data: { notificationId: Number(row.id) }, startAfter: new Date(attempt.retryAt) }]);
        return;
      }
      window = attempt;
    }
    const claimed = await claim((query) => (row.scope ? query.where({ user_id: row.user_id, scope: row.scope }) : query.where({ id: row.id })));
    const giveBack = async () => {
      await knex()(T.notifications).whereIn('id', claimed.map(({ id }) => id)).update({ mail_state: 'pending', mail_claimed_until_ms: null });
      if (window) await knex()(T.windows).where({ user_id: row.user_id, scope: row.scope }).update({ last_mailed_at_ms: window.previous });
    };
    if (claimed.length === 0) return giveBack();
    const user = await knex()(accountTables(strapi).users).where({ id: row.user_id }).first('email', 'username', 'blocked');
    if (!user || user.blocked) {
      await knex()(T.notifications).whereIn('id', claimed.map(({ id }) => id)).update({ mail_state: 'off' });
      return;
    }
    const lang = await languageOf(row.user_id);
    const kind = row.kind as NotificationKind;
    const mail = notificationMail({
      lang,
      username: user.username,
      kind,
      payloads: claimed.map(readPayload),
      portalUrl: (path) => portalUrl(lang, path),
      unsubscribeUrl: portalUrl(lang, `/unsubscribe/${signUnsubscribeToken(secret(), row.user_id, kind)}`),
    });
    const host = new URL(String(strapi.config.get('server.absoluteUrl'))).hostname;
    try {
      await strapi.plugin('email').service('email').send({ to: user.email, ...mail, messageId: `<notification-${claimed[0].id}@${host}>` });
    } catch (error) {
      await giveBack();
      throw error;
    }
    await knex()(T.notifications).whereIn('id', claimed.map(({ id }) => id)).update({ mail_state: 'sent', mailed_at_ms: Date.now(), mail_claimed_until_ms: null });
  };

  return {
    fromEvent,
    notify,

    /** A meeting outside any dialogue group has no room to announce in: its registrants are told directly. */
    async meetingAnnounced(type: 'meeting.scheduled' | 'meeting.minutes-published', meeting: Meeting) {
      await knex().transaction((trx) => fromMeeting(trx, type, meeting, `${type}:${meeting.documentId}:${Date.now()}`));
    },

    /** A consultation's summary is out: everyone who answered online hears of it, in the summary's transaction. */
    async consultationSummarised(trx: Db, consultation: { documentId: string; title: string }) {
      const rows = await trx(tableOf(strapi, UID.consultationInput)).where({ consultation_document_id: consultation.documentId }).whereNotNull('user_id').distinct('user_id');
      await notify(trx, rows.map((row: { user_id: number }) => Number(row.user_id)), { topic: 'consultation-summary', title: consultation.title, path: notificationPaths.consultation(consultation.documentId) }, `consultation-summary:${consultation.documentId}`);
    },

    remindOfMeetings,
    deliver,

    async start() {
      // An instance that sends nothing still readies the queue that its writes fill.
      await queueOf().start(config().worker ? deliver : null);
      if (!config().worker) return;
      const scan = () => remindOfMeetings().catch((error) => log(`meeting reminders: ${error}`));
      reminderTimer = setInterval(scan, config().reminderScanMinutes * 60_000);
      reminderTimer.unref();
      void scan();
    },

    async stop() {
      if (reminderTimer) clearInterval(reminderTimer);
      reminderTimer = null;
      await queue?.stop();
      // A later start reads the settings afresh.
      queue = null;
    },

    /** The person's notifications, newest first, without the kinds they turned off in the portal. */
    async list(userId: number, { before, limit }: { before?: number; limit: number }) {
      const hidden = (await knex()(T.optOuts).where({ user_id: userId, channel: 'portal' }).select('kind')).map((row: { kind: string }) => row.kind);
      const query = knex()(T.notifications).where({ user_id: userId }).orderBy('id', 'desc').limit(limit + 1);
      if (hidden.length) query.whereNotIn('kind', hidden);
      if (before) query.andWhere('id', '<', before);
      const rows = (await query) as NotificationRow[];
      return {
        items: rows.slice(0, limit).map((row) => ({ id: Number(row.id), kind: row.kind as NotificationKind, payload: readPayload(row), createdAt: new Date(Number(row.created_at_ms)), read: row.read_at_ms !== null })),
        more: rows.length > limit,
      };
    },

    async unreadCount(userId: number) {
      const [{ n }] = await knex()(T.notifications).where({ user_id: userId }).whereNull('read_at_ms').count({ n: '*' });
      return Number(n);
    },

    /** Marks one notification (or, without an id, all) of this person read. */
    async markRead(userId: number, id?: number) {
      const query = knex()(T.notifications).where({ user_id: userId }).whereNull('read_at_ms');
      if (id !== undefined) query.andWhere({ id });
      await query.update({ read_at_ms: Date.now() });
    },

    async settings(userId: number) {
      const off = await knex()(T.optOuts).where({ user_id: userId }).select('kind', 'channel');
      const isOn = (kind: NotificationKind, channel: NotificationChannel) => !off.some((row: { kind: string; channel: string }) => row.kind === kind && row.channel === channel);
      return {
        language: (await knex()(T.preferences).where({ user_id: userId }).first('language'))?.language as PortalLanguage | undefined,
        kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, email: isOn(kind, 'email'), portal: isOn(kind, 'portal') })),
      };
    },

    /** Saves the whole settings form: the language of mails and each kind's channels. */
    async saveSettings(userId: number, input: { language: PortalLanguage; on: Array<{ kind: NotificationKind; channel: NotificationChannel }> }) {
      await knex().transaction(async (trx) => {
        await trx(T.preferences).insert({ user_id: userId, language: input.language }).onConflict(['user_id']).merge();
        await trx(T.optOuts).where({ user_id: userId }).delete();
        const off = NOTIFICATION_KINDS.flatMap((kind) =>
          (['email', 'portal'] as const).filter((channel) => !input.on.some((on) => on.kind === kind && on.channel === channel)).map((channel) => ({ user_id: userId, kind, channel }))
        );
        if (off.length) await trx(T.optOuts).insert(off);
      });
    },

    /** The person's language for mails, kept the first time they use the portal signed in (settings may change it). */
    async rememberLanguage(userId: number, language: PortalLanguage) {
      await knex()(T.preferences).insert({ user_id: userId, language }).onConflict(['user_id']).ignore();
    },

    /** What a one-click unsubscribe token names, or null for a forged or mangled one. */
    readUnsubscribe: (token: string) => readUnsubscribeToken(secret(), token),

    async unsubscribe(token: string) {
      const named = readUnsubscribeToken(secret(), token);
      if (!named) return null;
      await knex()(T.optOuts).insert({ user_id: named.userId, kind: named.kind, channel: 'email' }).onConflict(['user_id', 'kind', 'channel']).ignore();
      return named;
    },

    async followRound(roundDocumentId: string, userId: number, on: boolean) {
      if (on) await knex()(T.roundFollows).insert({ round_document_id: roundDocumentId, user_id: userId, created_at_ms: Date.now() }).onConflict(['round_document_id', 'user_id']).ignore();
      else await knex()(T.roundFollows).where({ round_document_id: roundDocumentId, user_id: userId }).delete();
    },

    async followsRound(roundDocumentId: string, userId: number) {
      return Boolean(await knex()(T.roundFollows).where({ round_document_id: roundDocumentId, user_id: userId }).first('user_id'));
    },
  };
};
