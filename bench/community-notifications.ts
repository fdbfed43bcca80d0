/**
 * The notifications' fan-out and sending, measured on a booted app on PostgreSQL (pg-boss queue):
 * 1,000 followers of a thread; one post into it queues a notification and a mail for each (measured as the
 * whole post, which also stores the post's real-time events, and as the notifications' part alone); then
 * the worker hands the queued mails to SMTP, measured from its start until the SMTP server has them all.
 */
import os from 'os';
import type { Core } from '@strapi/strapi';
import { createBenchUsers } from './bench-users';
import { newDocumentColumns } from '../plugins/participation/server/src/utils/document-row';
import type { SmtpProcess } from './smtp-process';

export interface NotificationFigures {
  followers: number;
  runs: number;
  /** The post as the API writes it, with its events and the followers' notifications, median ms. */
  post_with_fanout_ms: number;
  /** The notifications' own part: rows and queued jobs for every follower in one transaction, median ms. */
  fanout_queued_ms: number;
  mails: number;
  mails_per_s: number;
  /** Mails the SMTP server received more than once (idempotency): must be 0. */
  duplicate_mails: number;
  worker_batch_size: number;
  load_average: number[];
}

/** The run's size from the environment: BENCH_FOLLOWERS, BENCH_RUNS, BENCH_BATCH. */
export const notificationSettings = () => ({
  followers: Number(process.env.BENCH_FOLLOWERS ?? 1000),
  runs: Number(process.env.BENCH_RUNS ?? 3),
  batchSize: Number(process.env.BENCH_BATCH ?? 50),
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const measureNotifications = async (
  strapi: Core.Strapi,
  smtp: SmtpProcess,
  { followers = 1000, runs = 3, batchSize = 50 } = {}
): Promise<NotificationFigures> => {
  const knex = strapi.db.connection;
  const service = (name: string) => strapi.plugin('participation').service(name);
  const notifications = service('notifications');
  // Queued while no worker runs, so that the fan-out is measured alone and the sending from a full queue.
  await notifications.stop();
  await strapi.documents('plugin::participation.municipality').create({ data: { code: 'NTF', name: 'Bench', country: 'AL', defaultLocale: 'sq', currency: 'ALL' } as never });
  const forum = await service('forum').createForum('NTF', { title: 'Bench forum' }, 0);
  const people = await createBenchUsers(strapi, followers + 1, 'follower');
  const poster = { id: people[followers], username: `follower${followers}`, address: 'bench' };
  const followerIds = people.slice(0, followers);

  const postTimes: number[] = [];
  const fanoutTimes: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const thread = await service('forum').createThread(forum.documentId, { title: `Thread ${run}`, body: `<p>Opening ${run}</p>` }, poster);
    await knex('participation_thread_follows').insert(followerIds.map((userId) => ({ ...newDocumentColumns(), thread_document_id: thread.documentId, user_id: userId })));
    let started = process.hrtime.bigint();
    await service('forum').createPost(thread.documentId, { body: `<p>News for ${followers} followers (${run})</p>` }, poster);
    postTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
    // The same fan-out alone, as its own cause (a second notification each, mailed in the same batch window).
    started = process.hrtime.bigint();
    await knex.transaction((trx) =>
      notifications.notify(trx, followerIds, { topic: 'thread-post', title: `Thread ${run}`, path: `/threads/${thread.documentId}` }, `bench:${run}`, `thread:${thread.documentId}`)
    );
    fanoutTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
  }

  // Each follower is owed one mail per thread (the second notification waits for the hour's window).
  const expected = followers * runs;
  strapi.config.set('plugin::participation.notifications.batchSize', batchSize);
  strapi.config.set('plugin::participation.notifications.pollingIntervalSeconds', 0.5);
  const before = await smtp.count();
  const started = process.hrtime.bigint();
  await notifications.start();
  for (let arrived = 0; arrived < expected; arrived = (await smtp.count()) - before) {
    if (Number(process.hrtime.bigint() - started) / 1e9 > 300) throw new Error(`only ${arrived} of ${expected} mails after 300 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const received = (await smtp.mails()).slice(before);
  const distinct = new Set(received.map((mail) => `${mail.to.join(',')}\u0000${mail.subject}`));
  return {
    followers,
    runs,
    post_with_fanout_ms: Math.round(median(postTimes) * 10) / 10,
    fanout_queued_ms: Math.round(median(fanoutTimes) * 10) / 10,
    mails: received.length,
    mails_per_s: Math.round(expected / seconds),
    duplicate_mails: received.length - distinct.size,
    worker_batch_size: batchSize,
    load_average: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
};
