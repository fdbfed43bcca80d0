/**
 * `npm run bench:forum`: a thread of 10,000 posts on PostgreSQL, read over HTTP at its first page and
 * at its last (deep) page, and posting into it by many members at once. The app runs in this process,
 * the load generator (bench/http-load.ts) in another.
 * Last line: { first_page_p99_ms, deep_page_p99_ms, posts_per_s, ... }.
 */
import { createBenchUsers } from './bench-users';
import { runMain, withPostgresApp } from './postgres-app';
import { runLoad } from './run-load';
import { seedLongThread } from './long-thread';

const POSTS = 10_000;
const PAGE_SIZE = 25;
/** One reader measures what a page costs; eight show how it queues when many read at once. */
const READER_COUNTS = [1, 8];
const WRITERS = Number(process.env.BENCH_WRITERS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MEMBERS = 3000;

// Every writer posts from 127.0.0.1: the per-address limit would stop the benchmark, not a person.
const main = () =>
  withPostgresApp({ PARTICIPATION_FORUM_POSTS_PER_MINUTE_PER_ADDRESS: '1000000' }, async (app) => {
    const { strapi } = app;
    const knex = strapi.db.connection;
    await strapi.documents('plugin::participation.municipality').create({ data: { code: 'BEN', name: 'Bench', country: 'AL', defaultLocale: 'sq', currency: 'ALL' } });
    const forums = strapi.plugin('participation').service('forum');
    const forum = await forums.createForum('BEN', { title: 'Bench forum' }, 0);
    const members = await createBenchUsers(strapi, MEMBERS);
    const thread = await seedLongThread(strapi, {
      forumDocumentId: forum.documentId,
      members,
      posts: POSTS,
      replyGap: 3,
      body: (position) => `<p>Post number ${position} about the <em>park lights</em>, with a <a href="https://example.org">link</a>.</p>`,
    });

    const lastPage = Math.ceil(POSTS / PAGE_SIZE);
    const read = async (page: number, readers: number) => {
      const result = await runLoad({
        url: app.baseUrl,
        method: 'GET',
        concurrency: readers,
        seconds: SECONDS,
        requests: [{ path: `/api/participation/threads/${thread.documentId}/posts?page=${page}&pageSize=${PAGE_SIZE}`, headers: {} }],
      });
      console.log(JSON.stringify({ run: `page ${page} of ${lastPage}, ${readers} reader(s)`, ...result }));
      return result;
    };
    const pages = [];
    for (const readers of READER_COUNTS) pages.push({ readers, first: await read(1, readers), deep: await read(lastPage, readers) });
    const [single, crowded] = pages;

    const jwt = strapi.plugin('users-permissions').service('jwt');
    const requests = members.flatMap((id, i) =>
      [0, 1].map((round) => ({
        path: `/api/participation/threads/${thread.documentId}/posts`,
        headers: { authorization: `Bearer ${jwt.issue({ id })}` },
        body: { data: { body: `<p>Member ${i} adds point ${round}: the lights near the school matter most.</p>` } },
      }))
    );
    const posting = await runLoad({ url: app.baseUrl, method: 'POST', concurrency: WRITERS, seconds: SECONDS, requests });
    console.log(JSON.stringify({ run: `posting, ${WRITERS} writers into one thread`, ...posting }));
    const { post_count: total } = await knex('participation_forum_threads').where({ document_id: thread.documentId }).first('post_count');

    console.log(
      JSON.stringify({
        posts_in_thread: Number(total),
        writers: WRITERS,
        seconds: SECONDS,
        first_page_p50_ms: single.first.p50_ms,
        first_page_p99_ms: single.first.p99_ms,
        deep_page_p50_ms: single.deep.p50_ms,
        deep_page_p99_ms: single.deep.p99_ms,
        with_8_readers: {
          first_page_p50_ms: crowded.first.p50_ms,
          first_page_p99_ms: crowded.first.p99_ms,
          deep_page_p50_ms: crowded.deep.p50_ms,
          deep_page_p99_ms: crowded.deep.p99_ms,
          pages_per_s: { first: crowded.first.per_s, deep: crowded.deep.per_s },
        },
        posts_per_s: posting.per_s,
        post_p50_ms: posting.p50_ms,
        post_p99_ms: posting.p99_ms,
        post_statuses: posting.statuses,
      })
    );
  });

runMain(main);
