/**
 * When a notification's mail may go, and when a failed send is tried again: plain rules the queue and the
 * sender follow on either database.
 */

/** A thread mails a follower at most once in this long; posts in between are told in that one mail. */
export const BATCH_WINDOW_MS = 3600_000;

/** How long a sender holds a claimed mail before another may take it (a crash mid-send frees it then). */
export const CLAIM_MS = 5 * 60_000;

/**
 * The wait before attempt `attempt + 1` after `attempt` failures: doubling from `baseMs`, capped, so an
 * SMTP outage is not hammered and a short one is soon over.
 */
export const retryDelayMs = (attempt: number, baseMs: number, maxMs = 3600_000) => Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));

/** When a batched scope may next mail: now if it never did or the window has passed, else when it ends. */
export const nextMailAt = (lastMailedAtMs: number | null, nowMs: number, windowMs = BATCH_WINDOW_MS) =>
  lastMailedAtMs === null || nowMs - lastMailedAtMs >= windowMs ? nowMs : lastMailedAtMs + windowMs;
