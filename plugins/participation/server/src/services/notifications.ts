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
import { recipientsQuery, type Recipients } from '../notifications/recipients';
import { rawRows } from '../utils/raw-rows';
import { notificationMail } from '../../../portal/src/mail/notification-mail';
import { isPortalLanguage, type PortalLanguage } from '../../../portal/src/i18n/languages';
import { languageOfItem } from '../../../portal/src/i18n/content-language';
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

/** Mails sent as one: a person's mails in one thread (scope) are told together, any other mail alone. */
const mailGroupKey = (row: Pick<NotificationRow, 'user_id' | 'scope'> & Partial<Pick<NotificationRow, 'id'>>) => (row.scope ? `${row.user_id}\u0000${row.scope}` : `notification:${row.id}`);

/** A mail's recipient as a batch reads them once. */
interface MailPerson {
  email: string;
  username: string;
  blocked: boolean;
  lang: PortalLanguage;
  /** Kinds whose mails the person turned off. */
  kindsOff: Set<string>;
}

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
   * twice), and its mail queued in the same transaction. The rows are written by one INSERT … SELECT from
   * the recipients' query (a thread's thousand followers are one statement, not a thousand), and their
   * mails by one insert into the queue. Returns how many were new.
   */
  const notify = async (trx: Db, recipients: Recipients, payload: NotificationPayload, cause: string, scope: string | null = null) => {
    const inserted = rawRows<{ id: number | string; user_id: number | string }>(
      await trx.raw(
        `insert into ?? (user_id, kind, scope, idempotency_key, payload, created_at_ms, mail_state)
         select distinct recipient.user_id, cast(? as text), cast(? as text), cast(? as text) || cast(recipient.user_id as text), cast(? as text), cast(? as bigint), 'pending'
         from ? as recipient
         where true
         on conflict (idempotency_key) do nothing
         returning id, user_id`,
        [T.notifications, TOPIC_KIND[payload.topic], scope, `${cause}:`, JSON.stringify(payload), Date.now(), recipientsQuery(trx, recipients)]
      )
    );
    if (inserted.length === 0) return 0;
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

  /** What a notification keeps of the item it is about to mark its title's language. */
  const writtenIn = (item: { language?: PortalLanguage | null; municipalityCode: string }) => ({ language: item.language ?? null, municipalityCode: item.municipalityCode });

  const registrants = (trx: Db, meetingDocumentId: string) => trx(tableOf(strapi, UID.meetingRegistration)).where({ meeting_document_id: meetingDocumentId }).select('user_id');

  const roundFollowers = (trx: Db, roundDocumentId: string) => trx(T.roundFollows).where({ round_document_id: roundDocumentId }).select('user_id');

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
        await notify(trx, [Number(answered.author_id)], { topic: 'reply', title: thread.title, ...writtenIn(thread), path, author: post.authorName }, `reply:${post.documentId}`);
      }
    }
    const names = mentionedUsernames(post.body ?? '');
    if (names.length) {
      const mentioned = (await trx(accountTables(strapi).users).whereIn('username', names).select('id')).map((row: { id: number }) => Number(row.id)).filter((id: number) => !told.has(id));
      mentioned.forEach((id: number) => told.add(id));
      await notify(trx, mentioned, { topic: 'mention', title: thread.title, ...writtenIn(thread), path, author: post.authorName }, `mention:${post.documentId}`);
    }
    const followers = trx(forumTables(strapi).follows).where({ thread_document_id: thread.documentId }).whereNotIn('user_id', [...told]).select('user_id');
    await notify(trx, followers, { topic: 'thread-post', title: thread.title, ...writtenIn(thread), path, author: post.authorName }, `post:${post.documentId}`, `thread:${thread.documentId}`);
  };

  /** A meeting changed or its minutes are out: those registered hear of it (none yet when it is first scheduled). */
  const fromMeeting = async (trx: Db, type: 'meeting.scheduled' | 'meeting.minutes-published', meeting: Meeting, cause: string) => {
    const topic = type === 'meeting.scheduled' ? 'meeting-changed' : 'meeting-minutes';
    return notify(trx, registrants(trx, meeting.documentId), { topic, title: meeting.title, ...writtenIn(meeting), path: notificationPaths.meeting(meeting.documentId), startsAt: meeting.startsAt }, cause);
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
        const row = await trx(tableOf(strapi, UID.proposal)).where({ document_id: proposal.documentId }).first('author_id', 'language', 'municipality_code');
        if (row?.author_id) await notify(trx, [Number(row.author_id)], { topic: 'proposal-status', title: proposal.title, ...writtenIn({ language: row.language, municipalityCode: row.municipality_code }), path: notificationPaths.proposal(proposal.documentId), status: to }, cause);
        return;
      }
      case 'round.phase-changed': {
        const { round, to } = (event as RoomEvent<'round.phase-changed'>).payload;
        return notify(trx, roundFollowers(trx, round.documentId), { topic: 'round-phase', title: round.title, ...writtenIn(round), path: notificationPaths.round(round.documentId), phase: to }, cause);
      }
      case 'round.result-published': {
        const { roundDocumentId } = (event as RoomEvent<'round.result-published'>).payload;
        const round = await trx(tableOf(strapi, UID.round)).where({ document_id: roundDocumentId }).first('title', 'language', 'municipality_code');
        const written = round ? writtenIn({ language: round.language, municipalityCode: round.municipality_code }) : {};
        return notify(trx, roundFollowers(trx, roundDocumentId), { topic: 'round-results', title: round?.title ?? '', ...written, path: `${notificationPaths.round(roundDocumentId)}/results` }, cause);
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
      .select('document_id', 'title', 'language', 'municipality_code', 'starts_at');
    for (const meeting of meetings) {
      const startsAt = new Date(meeting.starts_at).toISOString();
      await knex().transaction((trx) =>
        notify(trx, registrants(trx, meeting.document_id), { topic: 'meeting-tomorrow', title: meeting.title, ...writtenIn({ language: meeting.language, municipalityCode: meeting.municipality_code }), path: notificationPaths.meeting(meeting.document_id), startsAt }, `meeting-tomorrow:${meeting.document_id}:${startsAt}`)
      );
    }
  };

  const portalUrl = (lang: PortalLanguage, path: string) => {
    const server = String(strapi.config.get('server.absoluteUrl')).replace(/\/+$/, '');
    const basePath = (strapi.plugin('participation').config('portal') as PortalConfig).basePath.replace(/\/+$/, '');
    return `${server}${basePath}/${lang}${path}`;
  };

  /** What a batch's mails need of their people, read once for the batch: address, name, language, kinds turned off. */
  const peopleOf = async (userIds: number[]) => {
    const [users, preferences, optOuts] = await Promise.all([
      knex()(accountTables(strapi).users).whereIn('id', userIds).select('id', 'email', 'username', 'blocked'),
      knex()(T.preferences).whereIn('user_id', userIds).select('user_id', 'language'),
      knex()(T.optOuts).whereIn('user_id', userIds).where({ channel: 'email' }).select('user_id', 'kind'),
    ]);
    const defaultLanguage = (strapi.plugin('participation').config('portal') as PortalConfig).defaultLanguage;
    const languages = new Map<number, string>(preferences.map((row: { user_id: number; language: string }) => [Number(row.user_id), row.language]));
    const people = new Map<number, MailPerson>();
    for (const user of users as Array<{ id: number; email: string; username: string; blocked: boolean | null }>) {
      const language = languages.get(Number(user.id));
      people.set(Number(user.id), { email: user.email, username: user.username, blocked: Boolean(user.blocked), lang: isPortalLanguage(language) ? language : defaultLanguage, kindsOff: new Set() });
    }
    for (const row of optOuts as Array<{ user_id: number; kind: string }>) people.get(Number(row.user_id))?.kindsOff.add(row.kind);
    return people;
  };

  /** The current windows of these scoped mails' people and scopes (made at zero where there was none yet). */
  const windowsOf = async (leaders: NotificationRow[]) => {
    const previous = new Map<string, number>();
    if (leaders.length === 0) return previous;
    await knex()(T.windows)
      .insert(leaders.map((row) => ({ user_id: row.user_id, scope: row.scope!, last_mailed_at_ms: 0 })))
      .onConflict(['user_id', 'scope'])
      .ignore();
    const rows = await knex()(T.windows)
      .whereIn('user_id', [...new Set(leaders.map((row) => row.user_id))])
      .whereIn('scope', [...new Set(leaders.map((row) => row.scope!))])
      .select('user_id', 'scope', 'last_mailed_at_ms');
    for (const row of rows as Array<{ user_id: number; scope: string; last_mailed_at_ms: number | string }>) previous.set(mailGroupKey(row), Number(row.last_mailed_at_ms));
    return previous;
  };

  /**
   * A batched scope (a thread) mails a person at most once an hour: the window row is taken in one
   * conditional update, so two workers cannot both send; otherwise the mail is queued for the window's end.
   */
  const takeWindow = async (row: NotificationRow, previous: number): Promise<{ taken: true; previous: number } | { taken: false; retryAt: number }> => {
    const now = Date.now();
    const at = nextMailAt(previous || null, now, BATCH_WINDOW_MS);
    if (at > now) return { taken: false, retryAt: at };
    const taken = await knex()(T.windows).where({ user_id: row.user_id, scope: row.scope!, last_mailed_at_ms: previous }).update({ last_mailed_at_ms: now });
    return taken === 1 ? { taken: true, previous } : { taken: false, retryAt: now + BATCH_WINDOW_MS };
  };

  /**
   * Claims, in one statement, the mails of these groups (pending, or claimed by a sender that has since
   * died): a scoped group claims every mail of its person and scope, so one mail tells them all.
   */
  const claim = async (leaders: NotificationRow[]) => {
    const now = Date.now();
    const until = now + CLAIM_MS;
    const ofTheseGroups = (query: Knex.QueryBuilder) =>
      query.where((groups) => {
        for (const row of leaders) groups.orWhere(row.scope ? { user_id: row.user_id, scope: row.scope } : { id: row.id });
      });
    await ofTheseGroups(knex()(T.notifications))
      .andWhere((free) => free.where('mail_state', 'pending').orWhere((stale) => stale.where('mail_state', 'sending').andWhere('mail_claimed_until_ms', '<', now)))
      .update({ mail_state: 'sending', mail_claimed_until_ms: until });
    const claimed = (await ofTheseGroups(knex()(T.notifications)).andWhere({ mail_state: 'sending', mail_claimed_until_ms: until }).orderBy('id', 'asc')) as NotificationRow[];
    const byGroup = new Map<string, NotificationRow[]>();
    for (const row of claimed) byGroup.set(mailGroupKey(row), [...(byGroup.get(mailGroupKey(row)) ?? []), row]);
    return byGroup;
  };

  /**
   * Sends the mails of a batch of jobs. What the jobs share is read once (their rows, people, settings and
   * windows; the claims in one statement), then each mail is handed to SMTP concurrently (the transport
   * keeps a pool of connections) and marked sent as soon as the server took it. Jobs of one person's
   * mails in one thread share one mail. A mail whose send fails gives its claim and window back, and its
   * jobs are rejected to be retried; the others are unaffected.
   */
  const deliverAll = async (jobs: MailJob[]): Promise<Array<PromiseSettledResult<void>>> => {
    const rows = (await knex()(T.notifications).whereIn('id', [...new Set(jobs.map((job) => job.notificationId))])) as NotificationRow[];
    const groups = new Map<string, NotificationRow[]>();
    for (const row of rows.filter(({ mail_state }) => mail_state === 'pending' || mail_state === 'sending')) {
      groups.set(mailGroupKey(row), [...(groups.get(mailGroupKey(row)) ?? []), row]);
    }
    const people = await peopleOf([...new Set([...groups.values()].map(([leader]) => Number(leader.user_id)))]);
    const outcomes = new Map<string, Promise<void>>();
    // Outcomes are read together at the end: one that fails meanwhile must not count as unhandled.
    const settleLater = (key: string, outcome: Promise<unknown>) => {
      const done = outcome.then(() => undefined);
      done.catch(() => undefined);
      outcomes.set(key, done);
    };
    const turnOff = (group: NotificationRow[]) => knex()(T.notifications).whereIn('id', group.map(({ id }) => id)).where({ mail_state: 'pending' }).update({ mail_state: 'off' });
    const going: NotificationRow[] = [];
    for (const [key, group] of groups) {
      const person = people.get(Number(group[0].user_id));
      if (!person || person.blocked || person.kindsOff.has(group[0].kind)) settleLater(key, turnOff(group));
      else going.push(group[0]);
    }

    const windows = await windowsOf(going.filter((row) => row.scope));
    const attempts = await Promise.all(going.map(async (row) => ({ row, window: row.scope ? await takeWindow(row, windows.get(mailGroupKey(row)) ?? 0) : null })));
    const deferred = attempts.flatMap(({ row, window }) => (window && !window.taken ? [{ key: `mail:${row.id}:at:${window.retryAt}`, data: { notificationId: Number(row.id) }, startAfter: new Date(window.retryAt) }] : []));
    const deferring = queueOf().enqueue(knex(), deferred);
    for (const job of deferred) settleLater(mailGroupKey(rows.find((row) => Number(row.id) === job.data.notificationId)!), deferring);

    const sending = attempts.filter(({ window }) => !window || window.taken);
    const claimed = sending.length ? await claim(sending.map(({ row }) => row)) : new Map<string, NotificationRow[]>();
    const secretKey = secret();
    const host = new URL(String(strapi.config.get('server.absoluteUrl'))).hostname;
    for (const { row, window } of sending) {
      const mails = claimed.get(mailGroupKey(row)) ?? [];
      const person = people.get(Number(row.user_id))!;
      const giveBack = async () => {
        if (mails.length) await knex()(T.notifications).whereIn('id', mails.map(({ id }) => id)).update({ mail_state: 'pending', mail_claimed_until_ms: null });
        if (window?.taken) await knex()(T.windows).where({ user_id: row.user_id, scope: row.scope! }).update({ last_mailed_at_ms: window.previous });
      };
      const send = async () => {
        // Another sender holds them all: it sends, and this window is not spent.
        if (mails.length === 0) return giveBack();
        const kind = row.kind as NotificationKind;
        const payloads = mails.map(readPayload);
        const { language = null, municipalityCode } = payloads[0];
        const mail = notificationMail({
          lang: person.lang,
          username: person.username,
          kind,
          payloads,
          // A municipality gone since costs the mark, not the mail.
          titleLanguage: municipalityCode === undefined ? undefined : await languageOfItem(strapi, { language, municipalityCode }).catch(() => undefined),
          portalUrl: (path) => portalUrl(person.lang, path),
          unsubscribeUrl: portalUrl(person.lang, `/unsubscribe/${signUnsubscribeToken(secretKey, Number(row.user_id), kind)}`),
        });
        try {
          await strapi.plugin('email').service('email').send({ to: person.email, ...mail, messageId: `<notification-${mails[0].id}@${host}>` });
        } catch (error) {
          await giveBack();
          throw error;
        }
        await knex()(T.notifications).whereIn('id', mails.map(({ id }) => id)).update({ mail_state: 'sent', mailed_at_ms: Date.now(), mail_claimed_until_ms: null });
      };
      settleLater(mailGroupKey(row), send());
    }

    const byId = new Map(rows.map((row) => [Number(row.id), row]));
    return Promise.allSettled(
      jobs.map((job) => {
        const row = byId.get(job.notificationId);
        // A row gone, already sent or turned off: nothing is owed.
        return (row && outcomes.get(mailGroupKey(row))) ?? Promise.resolve();
      })
    );
  };

  /** One job's mail (the queue hands batches to `deliverAll`): throws when its send failed. */
  const deliver = async (job: MailJob) => {
    const [outcome] = await deliverAll([job]);
    if (outcome.status === 'rejected') throw outcome.reason;
  };

  return {
    fromEvent,
    notify,

    /** A meeting outside any dialogue group has no room to announce in: its registrants are told directly. */
    async meetingAnnounced(type: 'meeting.scheduled' | 'meeting.minutes-published', meeting: Meeting) {
      await knex().transaction((trx) => fromMeeting(trx, type, meeting, `${type}:${meeting.documentId}:${Date.now()}`));
    },

    /** A consultation's summary is out: everyone who answered online hears of it, in the summary's transaction. */
    async consultationSummarised(trx: Db, consultation: { documentId: string; title: string; language: PortalLanguage | null; municipalityCode: string }) {
      const respondents = trx(tableOf(strapi, UID.consultationInput)).where({ consultation_document_id: consultation.documentId }).whereNotNull('user_id').select('user_id');
      await notify(trx, respondents, { topic: 'consultation-summary', title: consultation.title, ...writtenIn(consultation), path: notificationPaths.consultation(consultation.documentId) }, `consultation-summary:${consultation.documentId}`);
    },

    remindOfMeetings,
    deliver,
    deliverAll,

    async start() {
      // An instance that sends nothing still readies the queue that its writes fill.
      await queueOf().start(config().worker ? deliverAll : null);
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
