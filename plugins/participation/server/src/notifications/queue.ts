import type { Knex } from 'knex';

/** One mail owed: the notification whose mail it is (batched notifications go in the mail of the first). */
export interface MailJob {
  notificationId: number;
}

export interface QueuedJob {
  /** The idempotency key: notification and recipient; the same key twice is queued once. */
  key: string;
  data: MailJob;
  startAfter?: Date;
}

/**
 * Handles jobs a batch at a time, so that what they share (their rows, their people, their settings) is
 * read once: the outcome of each job at its index, a rejected one retried later.
 */
export type MailBatchHandler = (jobs: MailJob[]) => Promise<Array<PromiseSettledResult<void>>>;

export interface QueueSettings {
  /** The first retry waits this long; each later one twice the one before. */
  retryBaseSeconds: number;
  retryLimit: number;
  /** Jobs taken at a time and handled together; a full batch fetches the next at once, without waiting for the poll. */
  batchSize: number;
  pollingIntervalSeconds: number;
}

/**
 * The durable queue the notifications' mails wait in: pg-boss on PostgreSQL (pg-boss-queue.ts), a table
 * on SQLite (sqlite-queue.ts). `enqueue` writes in the caller's transaction, so a job exists exactly when
 * what caused it committed; the handler runs after that commit, and a job whose handler throws is tried
 * again later, waiting longer each time.
 */
export interface NotificationQueue {
  enqueue(trx: Knex | Knex.Transaction, jobs: QueuedJob[]): Promise<void>;
  /** Readies the queue (pg-boss makes its schema), and with a handler starts taking jobs. */
  start(handle: MailBatchHandler | null): Promise<void>;
  /** Takes no more jobs and waits for those being handled. */
  stop(): Promise<void>;
  /** A job was just committed: look now rather than at the next poll. */
  wake(): void;
}
