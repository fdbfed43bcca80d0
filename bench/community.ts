/**
 * `npm run bench:community`: the portal's community pages under load on PostgreSQL, in production mode.
 * A thread of 10,000 posts read as a portal page (its first, a deep and its last page of 25) by 8
 * concurrent readers asking for brotli; then 32 people posting at once through the portal's post form,
 * each into one of 32 threads, every answer a 303 after the post's commit (synchronous on PostgreSQL),
 * counted back from the table. The app runs in this process, the load generator (bench/http-load.ts)
 * in another.
 * Last, 1,000 followers of one thread are notified of a post (bench/community-notifications.ts), mails
 * going to an SMTP server in a process of its own.
 * Last line: { thread_first_p99_ms, thread_deep_p99_ms, thread_last_p99_ms, posts_per_s, fanout_queued_ms,
 * mails_per_s, … }; each step
 * below adds its own figures to that object.
 */
import { COOKIES } from '../plugins/participation/portal/src/http/cookies';
import { createBenchUsers } from './bench-users';
import { runMain, withPostgresApp } from './postgres-app';
import { runLoad, type LoadResult } from './run-load';
import { seedLongThread } from './long-thread';
import { forumTables } from '../plugins/participation/server/src/tables/forum';
import { getService } from '../plugins/participation/server/src/utils/get-service';
import { portalSessions } from '../plugins/participation/portal/src/session/portal-sessions';
import { csrf } from '../plugins/participation/portal/src/session/csrf';
import { measureNotifications, notificationSettings } from './community-notifications';
import { startSmtpProcess, type SmtpProcess } from './smtp-process';

const POSTS = 10_000;
const READERS = 8;
const WRITERS = 32;
const THREADS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Each page is read for this long first, uncounted: figures are for a warm server. */
const WARMUP_SECONDS = 2;
/** One account per post: the per-person limit (6 a minute) is the forum's, not what this measures. */
const POSTERS = Number(process.env.BENCH_POSTERS ?? 4000);
const BROTLI = { 'accept-encoding': 'br, gzip' };

const main = async () => {
  const smtp = await startSmtpProcess();
  try {
    await measureCommunity(smtp);
  } finally {
    await smtp.close();
  }
};

const measureCommunity = (smtp: SmtpProcess) =>
  // Every writer posts from 127.0.0.1: the per-address limit would stop the benchmark, not a person.
  withPostgresApp({ NODE_ENV: 'production', PARTICIPATION_CHECK_RESPONSES: 'false', PARTICIPATION_FORUM_POSTS_PER_MINUTE_PER_ADDRESS: '1000000' }, async (app) => {
    // Only now that NODE_ENV is production: this loads React, which picks its build when first loaded,
    // and the app's compiled portal shares that module (a static import here served React's development build).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only once the environment is set
    const { POSTS_PER_PAGE } = require('../plugins/participation/portal/src/routes/forums') as typeof import('../plugins/participation/portal/src/routes/forums');
    const { strapi } = app;
    const knex = strapi.db.connection;
    const tables = forumTables(strapi);
    const forums = getService(strapi, 'forum');
    await strapi.documents('plugin::participation.municipality').create({ data: { code: 'BEN', name: 'Bench', country: 'AL', defaultLocale: 'sq', currency: 'ALL' } });
    const forum = await forums.createForum('BEN', { title: 'Bench forum' }, 0);
    const members = await createBenchUsers(strapi, POSTERS);
    const figures: Record<string, unknown> = { posts_in_thread: POSTS, readers: READERS, writers: WRITERS, threads: THREADS, seconds: SECONDS };

    const thread = await seedLongThread(strapi, {
      forumDocumentId: forum.documentId,
      members,
      posts: POSTS,
      // Some replies answer a post on an earlier page, which the page then reads as well.
      replyGap: 30,
      body: (position) => `<p>Post number ${position} about the <em>park lights</em>, with a <a href="https://example.org">link</a> and @bench${position % 50}.</p>`,
    });

    const lastPage = Math.ceil(POSTS / POSTS_PER_PAGE);
    const readPage = async (name: string, page: number) => {
      const path = `/en/threads/${thread.documentId}?page=${page}`;
      const load = await runLoad({ url: app.baseUrl, method: 'GET', concurrency: READERS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, requests: [{ path, headers: BROTLI }] });
      console.log(JSON.stringify({ page: name, path, ...load }));
      if (Object.keys(load.statuses).some((status) => status !== '200')) throw new Error(`${path}: ${JSON.stringify(load.statuses)}`);
      return load;
    };
    const pages: Record<string, LoadResult> = {
      first: await readPage('first', 1),
      deep: await readPage('deep', Math.floor(lastPage / 2)),
      last: await readPage('last', lastPage),
    };
    for (const [name, load] of Object.entries(pages)) Object.assign(figures, { [`thread_${name}_p50_ms`]: load.p50_ms, [`thread_${name}_p99_ms`]: load.p99_ms });

    // 32 threads, and a portal session per poster as signing in makes it, with its form's CSRF token.
    const threads: string[] = [];
    for (let i = 0; i < THREADS; i += 1) {
      threads.push((await forums.createThread(forum.documentId, { title: `Thread ${i}`, body: `<p>Thread ${i} opens</p>` }, { id: members[i], username: `bench${i}`, address: 'setup' })).documentId);
    }
    const sessions = portalSessions(strapi);
    const tokens = csrf((strapi.config.get('server.app.keys') as string[])[0]);
    const requests = [];
    for (const [i, id] of members.entries()) {
      const secret = await sessions.begin(id);
      const { digest } = (await sessions.find(secret))!;
      requests.push({
        path: `/en/threads/${threads[i % THREADS]}/posts`,
        headers: { cookie: `${COOKIES.session}=${secret}`, ...BROTLI },
        body: new URLSearchParams({ csrf: tokens.tokenFor(digest), body: `Member ${i} says: the lights near the school matter most.\n\nAnd the bins.` }).toString(),
      });
    }
    const before = Number((await knex(tables.posts).whereIn('thread_document_id', threads).count({ n: '*' }))[0].n);
    const posting = await runLoad({ url: app.baseUrl, method: 'POST', concurrency: WRITERS, seconds: SECONDS, requests });
    console.log(JSON.stringify({ run: `posting through the portal's form, ${WRITERS} people into ${THREADS} threads`, ...posting }));
    const stored = Number((await knex(tables.posts).whereIn('thread_document_id', threads).count({ n: '*' }))[0].n) - before;
    // Each 303 was sent after its post committed: every one of them is in the table.
    const acknowledged = posting.statuses['303'] ?? 0;
    Object.assign(figures, {
      posts_per_s: posting.per_s,
      post_p50_ms: posting.p50_ms,
      post_p99_ms: posting.p99_ms,
      post_statuses: posting.statuses,
      posts_acknowledged: acknowledged,
      posts_stored: stored,
      every_post_durable: stored >= acknowledged,
    });

    // 1,000 followers of one thread: one post's fan-out queued, then the mails handed to SMTP.
    const notified = await measureNotifications(strapi, smtp, notificationSettings());
    console.log(JSON.stringify({ run: `notifications to ${notified.followers} followers of one thread`, ...notified }));
    Object.assign(figures, { fanout_queued_ms: notified.fanout_queued_ms, mails_per_s: notified.mails_per_s, duplicate_mails: notified.duplicate_mails });

    console.log(JSON.stringify(figures));
  });

runMain(main);
