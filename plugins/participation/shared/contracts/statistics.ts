/** A published count: a number (0 or at least k) or "suppressed" where it could isolate fewer than k people. */
export type PublishedCount = number | 'suppressed';

export type StatisticsDimension = 'gender' | 'ageBand' | 'disability' | 'minorityGroup';

/**
 * Disaggregated participation of one activity (meeting attendance, consultation input, forum posting).
 * With one filter the breakdowns are within that group; with two, only the total is published.
 */
export interface DisaggregatedStatistics {
  k: number;
  filters: Partial<Record<StatisticsDimension, string>>;
  total: PublishedCount;
  breakdowns: Partial<Record<StatisticsDimension, Record<string, PublishedCount>>>;
}

export interface StatisticsQuery {
  gender?: string;
  ageBand?: string;
  disability?: string;
  minorityGroup?: string;
}
