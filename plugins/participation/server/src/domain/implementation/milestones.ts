/** Where a milestone of a selected project's implementation stands. */
export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'delayed', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
