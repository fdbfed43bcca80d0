/**
 * The notifications' tables (made by a migration, no content types), owned by services/notifications.ts.
 * A notification row is both what the portal's notifications page lists and the durable record of the
 * mail still owed: it is written in the transaction of the event that caused it, and its idempotency key
 * (one per cause and recipient) keeps a cause from notifying anyone twice.
 */
export const NOTIFICATION_TABLES = {
  notifications: 'participation_notifications',
  /** The queue on SQLite (on PostgreSQL pg-boss keeps its own, in its own schema). */
  jobs: 'participation_notification_jobs',
  /** Kinds a person turned off, per channel ('email' or 'portal'); absent means on. */
  optOuts: 'participation_notification_opt_outs',
  /** The language a person's mails are written in. */
  preferences: 'participation_notification_preferences',
  /** When a batched scope (a thread) last mailed a person: at most one mail per scope per hour. */
  windows: 'participation_notification_windows',
  /** Rounds a person follows (phase changes, published results). */
  roundFollows: 'participation_round_follows',
} as const;

export interface NotificationRow {
  id: number | string;
  user_id: number;
  kind: string;
  scope: string | null;
  idempotency_key: string;
  payload: string;
  created_at_ms: number | string;
  read_at_ms: number | string | null;
  mail_state: 'pending' | 'sending' | 'sent' | 'off';
  mail_claimed_until_ms: number | string | null;
  mailed_at_ms: number | string | null;
}
