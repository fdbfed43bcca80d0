/**
 * When a population's statistics may be published, and the form in which they are kept. A population
 * is published only once it is closed — nobody can join it any more — and its tables are computed once,
 * at that cut-off, stored, and never computed again: every answer about one population, whenever it is
 * asked, comes from the same tables, so answers taken before and after someone joins cannot be
 * differenced (before closing there is no answer at all). See docs/statistics.md.
 */
import { DIMENSION_NAMES, type Dimension } from './demographics';
import { StatisticsQueryError, type StatisticsPublication } from './disaggregate';
import type { PublishedCount } from './suppression';

/** A meeting's attendance closes when its minutes are published (it is then `held` and takes no more attendance). */
export const meetingIsClosed = (status: string) => status === 'held';

/** A consultation's respondents close with its summary: offline input is taken until then. */
export const consultationIsClosed = (status: string) => status === 'summarised';

/** A forum is published per calendar month (UTC), the only partition: no two published periods overlap. */
export interface Period {
  /** `YYYY-MM` */
  readonly key: string;
  readonly start: Date;
  /** Exclusive. */
  readonly end: Date;
}

/**
 * A post stamped at a month's last instant commits a moment later; the month is counted only once
 * such a post has certainly committed, so nothing can join a month after it was published.
 */
export const PERIOD_SETTLE_MS = 5 * 60_000;

export function calendarMonth(value: string): Period {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  if (!match) throw new StatisticsQueryError('period', `period must be a calendar month as YYYY-MM, got "${value}"`);
  const [year, month] = [Number(match[1]), Number(match[2])];
  return { key: value, start: new Date(Date.UTC(year, month - 1, 1)), end: new Date(Date.UTC(year, month, 1)) };
}

/** The calendar month a moment falls in. */
export const monthOf = (at: Date): Period => calendarMonth(at.toISOString().slice(0, 7));

export const inPeriod = (period: Period, at: Date) => at.getTime() >= period.start.getTime() && at.getTime() < period.end.getTime();

/** Whether a period's population is closed at `now`: it ended, and what was written in it has committed. */
export const periodIsClosed = (period: Period, now: Date) => now.getTime() >= period.end.getTime() + PERIOD_SETTLE_MS;

/** A publication as stored (JSON): the same tables, the two-way ones keyed by their dimensions. */
export interface StoredPublication {
  k: number;
  total: PublishedCount;
  oneWay: Record<Dimension, PublishedCount[]>;
  twoWay: Record<string, PublishedCount[][]>;
}

export const toStoredPublication = (publication: StatisticsPublication): StoredPublication => ({
  k: publication.k,
  total: publication.total,
  oneWay: Object.fromEntries(DIMENSION_NAMES.map((dimension) => [dimension, [...publication.oneWay[dimension]]])) as Record<Dimension, PublishedCount[]>,
  twoWay: Object.fromEntries([...publication.twoWay].map(([key, table]) => [key, table.map((row) => [...row])])),
});

export const fromStoredPublication = (stored: StoredPublication): StatisticsPublication => ({
  k: stored.k,
  total: stored.total,
  oneWay: stored.oneWay,
  twoWay: new Map(Object.entries(stored.twoWay)),
});
