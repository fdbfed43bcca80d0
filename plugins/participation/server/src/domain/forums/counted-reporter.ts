/**
 * Whose reports count towards hiding a post before a moderator looks at it. Registration is free, so
 * reports from brand-new accounts would let anyone with a few throwaway accounts silence anyone; only
 * established members (an account of some age that has taken part) count. Every report is still
 * recorded and shown to moderators.
 */
export interface CountedReporterRule {
  /** Days since the account was created. */
  minAccountAgeDays: number;
  /** Posts of the reporter's that are currently visible (not hidden by moderation). */
  minVisiblePosts: number;
}

export interface Reporter {
  accountCreatedAt: Date;
  visiblePosts: number;
}

const DAY_MS = 86_400_000;

export const isCountedReporter = (reporter: Reporter, rule: CountedReporterRule, now: Date): boolean =>
  now.getTime() - reporter.accountCreatedAt.getTime() >= rule.minAccountAgeDays * DAY_MS && reporter.visiblePosts >= rule.minVisiblePosts;
