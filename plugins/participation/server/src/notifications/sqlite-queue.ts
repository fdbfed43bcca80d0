import type { Knex } from 'knex';
import { CLAIM_MS, retryDelayMs } from '../domain/notifications/delivery';
import { NOTIFICATION_TABLES } from '../tables/notifications';
import type { MailBatchHandler, MailJob, NotificationQueue, QueueSettings } from './queue';

interface JobRow {
  id: number;
  data: string;
  attempts: number;
}

/**
 * The queue on SQLite: a table of jobs with when each may run. A job is claimed for a while
 * (`locked_until_ms`) before it is handled, deleted once handled, and on failure given back with a
 * later `run_at_ms`; a process that dies mid-job leaves the claim to expire, and the job runs again.
 */
export const sqliteQueue = (knex: () => Knex, settings: QueueSettings, log: (message: string) => void): NotificationQueue => {
  const table = NOTIFICATION_TABLES.jobs;
  let handler: MailBatchHandler | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  const claim = async (): Promise<JobRow[]> => {
    const now = Date.now();
    const due: JobRow[] = await knex()(table)
      .where('run_at_ms', '<=', now)
      .andWhere((free) => free.whereNull('locked_until_ms').orWhere('locked_until_ms', '<', now))
      .orderBy('run_at_ms', 'asc')
      .limit(settings.batchSize)
      .select('id', 'data', 'attempts');
    if (due.length === 0) return [];
    // One statement: another process that read the same rows claims none of them.
    const claimed = await knex()(table)
      .whereIn('id', due.map(({ id }) => id))
      .andWhere((free) => free.whereNull('locked_until_ms').orWhere('locked_until_ms', '<', now))
      .update({ locked_until_ms: now + CLAIM_MS });
    return claimed === due.length ? due : [];
  };

  const giveBack = async (row: JobRow, error: unknown) => {
    const attempts = row.attempts + 1;
    log(`notification job ${row.id} failed (attempt ${attempts}): ${error}`);
    if (attempts > settings.retryLimit) {
      await knex()(table).where({ id: row.id }).delete();
      return;
    }
    await knex()(table)
      .where({ id: row.id })
      .update({ attempts, run_at_ms: Date.now() + retryDelayMs(attempts, settings.retryBaseSeconds * 1000), locked_until_ms: null, last_error: String(error).slice(0, 500) });
  };

  const handleBatch = async (rows: JobRow[]) => {
    let outcomes: Array<PromiseSettledResult<void>>;
    try {
      outcomes = await handler!(rows.map((row) => JSON.parse(row.data) as MailJob));
    } catch (error) {
      outcomes = rows.map(() => ({ status: 'rejected', reason: error }));
    }
    const done = rows.filter((_, index) => outcomes[index].status === 'fulfilled');
    if (done.length) await knex()(table).whereIn('id', done.map(({ id }) => id)).delete();
    for (const [index, row] of rows.entries()) {
      const outcome = outcomes[index];
      if (outcome.status === 'rejected') await giveBack(row, outcome.reason);
    }
  };

  const drain = async () => {
    for (let batch = await claim(); batch.length > 0 && handler; batch = await claim()) await handleBatch(batch);
  };

  const tick = () => {
    if (!handler) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error) => log(`notification queue: ${error}`))
      .finally(() => {
        running = null;
        if (again && handler) {
          again = false;
          tick();
        }
      });
  };

  return {
    async enqueue(trx, jobs) {
      if (jobs.length === 0) return;
      const now = Date.now();
      const rows = jobs.map(({ key, data, startAfter }) => ({ job_key: key, data: JSON.stringify(data), run_at_ms: startAfter ? startAfter.getTime() : now, attempts: 0 }));
      // SQLite takes at most 32,766 bound values a statement: slices of 500 rows.
      for (let start = 0; start < rows.length; start += 500) await trx(table).insert(rows.slice(start, start + 500)).onConflict(['job_key']).ignore();
    },
    async start(handle) {
      if (!handle) return;
      handler = handle;
      timer = setInterval(tick, settings.pollingIntervalSeconds * 1000);
      timer.unref();
      tick();
    },
    async stop() {
      handler = null;
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
    wake: tick,
  };
};
