import PgBoss from 'pg-boss';
import type { Knex } from 'knex';
import type { MailJob, NotificationQueue, QueueSettings } from './queue';

const QUEUE = 'participation-notification-mail';
/** pg-boss's own tables live apart from Strapi's. */
export const PG_BOSS_SCHEMA = 'participation_queue';

interface PgConnection {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}
interface KnexClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

/**
 * pg-boss's statements run through knex's pool, or inside a knex transaction on that transaction's own
 * connection (knex hands a transaction's connection out of `acquireConnection` and ignores its release):
 * so a job is inserted in the same transaction as the notification it sends.
 */
const executorOf = (knex: Knex | Knex.Transaction): PgBoss.Db => ({
  async executeSql(text, values) {
    const client = knex.client as unknown as KnexClient;
    const connection = await client.acquireConnection();
    try {
      return await connection.query(text, values);
    } finally {
      await client.releaseConnection(connection);
    }
  },
});

/** The queue on PostgreSQL: pg-boss, its retries with exponential backoff, its expiry of jobs a dead process held. */
export const pgBossQueue = (knex: () => Knex, settings: QueueSettings, log: (message: string) => void): NotificationQueue => {
  let boss: PgBoss | null = null;
  let workerId: string | null = null;
  let idleInserter: PgBoss | null = null;
  return {
    async enqueue(trx, jobs) {
      if (jobs.length === 0) return;
      // A job may be queued while this instance's worker is not running (a write during boot, or a
      // worker turned off): a boss just for inserting needs no start, only the schema, which the first start made.
      const inserter = boss ?? (idleInserter ??= new PgBoss({ db: executorOf(knex()), schema: PG_BOSS_SCHEMA }));
      await inserter.insert(
        jobs.map(({ key, data, startAfter }) => ({ name: QUEUE, data, singletonKey: key, startAfter })),
        { db: executorOf(trx) }
      );
    },
    async start(handle) {
      boss = new PgBoss({ db: executorOf(knex()), schema: PG_BOSS_SCHEMA, supervise: true, schedule: false });
      boss.on('error', (error) => log(`pg-boss: ${error}`));
      await boss.start();
      const queueOptions = { name: QUEUE, retryLimit: settings.retryLimit, retryDelay: settings.retryBaseSeconds, retryBackoff: true, expireInSeconds: 300 };
      await boss.createQueue(QUEUE, queueOptions);
      // An existing queue keeps what it was made with unless told: the settings may have changed since.
      await boss.updateQueue(QUEUE, queueOptions);
      if (!handle) return;
      workerId = await boss.work<MailJob>(QUEUE, { batchSize: settings.batchSize, pollingIntervalSeconds: settings.pollingIntervalSeconds }, async (jobs) => {
        // Strapi's pool leaves jsonb unparsed (its PostgreSQL dialect turns the parser off): the job's data arrives as text.
        const outcomes = await handle(jobs.map((job) => (typeof job.data === 'string' ? (JSON.parse(job.data) as MailJob) : job.data)));
        const failed = jobs.filter((job, index) => {
          const outcome = outcomes[index];
          if (outcome.status === 'rejected') log(`notification job ${job.id} failed: ${outcome.reason}`);
          return outcome.status === 'rejected';
        });
        // The rest complete when this returns; the failed go back to be retried after their backoff.
        if (failed.length) await boss!.fail(QUEUE, failed.map((job) => job.id));
        // pg-boss waits out the polling interval after each batch unless notified: a full batch means more
        // are waiting, and sending would otherwise be capped at batchSize per interval.
        if (jobs.length === settings.batchSize && workerId) boss?.notifyWorker(workerId);
      });
    },
    async stop() {
      const stopping = boss;
      boss = null;
      workerId = null;
      if (stopping) await stopping.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
    wake() {
      if (boss && workerId) boss.notifyWorker(workerId);
    },
  };
};
