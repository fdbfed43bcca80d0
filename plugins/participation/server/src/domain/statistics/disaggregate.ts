/**
 * Disaggregated participation statistics with k-suppression. For one population (the records) the
 * published tables are fixed: the grand total, a one-way table per dimension, and a two-way table per
 * pair of dimensions whose margins are those one-way tables. Every query is answered from these
 * tables alone, so no two answers can be differenced into a smaller group. See docs/statistics.md.
 */
import { DIMENSION_NAMES, DIMENSIONS, type CategoryOf, type DemographicRecord, type Dimension } from './demographics';
import { LinkedCells, publishedCounts, suppress, type PublishedCount } from './suppression';

export type { PublishedCount } from './suppression';

export type StatisticsFilters = Partial<{ [D in Dimension]: CategoryOf<D> }>;
export type Breakdown<D extends Dimension> = Record<CategoryOf<D>, PublishedCount>;

export interface DisaggregatedReport {
  k: number;
  /** The filters answered, in dimension order. */
  filters: StatisticsFilters;
  /** People matching the filters. */
  total: PublishedCount;
  /** Those people by every dimension not filtered on; empty with two filters. */
  breakdowns: Partial<{ [D in Dimension]: Breakdown<D> }>;
}

/** A query that cannot be answered; `field` names what to fix, e.g. `filters.gender`. */
export class StatisticsQueryError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'StatisticsQueryError';
  }
}

/** The fixed, already suppressed tables of one population at one k. */
export interface StatisticsPublication {
  readonly k: number;
  readonly total: PublishedCount;
  /** Counts by category index, in DIMENSIONS order. */
  readonly oneWay: { readonly [D in Dimension]: readonly PublishedCount[] };
  /** Keyed by {@link pairKey}; rows are the first dimension's categories, columns the second's. */
  readonly twoWay: ReadonlyMap<string, readonly (readonly PublishedCount[])[]>;
}

interface Filter {
  dimension: Dimension;
  category: number;
}

const PAIRS: readonly (readonly [Dimension, Dimension])[] = DIMENSION_NAMES.flatMap((first, index) =>
  DIMENSION_NAMES.slice(index + 1).map((second) => [first, second] as const),
);

const byDimension = <T>(valueFor: (dimension: Dimension) => T) =>
  Object.fromEntries(DIMENSION_NAMES.map((dimension) => [dimension, valueFor(dimension)])) as Record<Dimension, T>;

/** The key of a two-way table, its dimensions in DIMENSIONS order. */
const pairKey = (first: Dimension, second: Dimension) => `${first}×${second}`;

/** Answers one query about a population: {@link publishStatistics} then {@link queryStatistics}. */
export function disaggregate(
  records: readonly DemographicRecord[],
  options: { k: number; filters?: Partial<Record<Dimension, string>> },
): DisaggregatedReport {
  const filters = validFilters(options.filters ?? {});
  return reportFrom(publishStatistics(records, options.k), filters);
}

/** Answers a query from tables already published, for callers that ask many questions of one population. */
export function queryStatistics(publication: StatisticsPublication, filters: Partial<Record<Dimension, string>> = {}): DisaggregatedReport {
  return reportFrom(publication, validFilters(filters));
}

/**
 * Every table of the population, suppressed for k. One-way tables are suppressed first and their
 * pattern is final; then the interiors of all two-way tables are protected together with them, so
 * that nothing hidden anywhere can be derived from everything published anywhere.
 */
export function publishStatistics(records: readonly DemographicRecord[], k: number): StatisticsPublication {
  checkMinimumCellSize(k);
  const cells = new LinkedCells();
  const total = cells.addCell(records.length);
  const oneWayCells = byDimension((dimension) => cells.addOneWay(total, oneWayCounts(records, dimension)));
  // Only the grand total and the one-way tables exist yet: their pattern is decided alone, then kept.
  const oneWayPattern = suppress(cells, k, new Map([[total, false]]));

  const twoWayCells = PAIRS.map(([first, second]) => cells.addTwoWay(oneWayCells[first], oneWayCells[second], twoWayCounts(records, first, second)));
  const pattern = suppress(cells, k, new Map(oneWayPattern.map((hidden, cell) => [cell, hidden])));

  const published = publishedCounts(cells, pattern);
  const publishedAt = (indexes: readonly number[]) => indexes.map((cell) => published[cell]);
  return {
    k,
    total: published[total],
    oneWay: byDimension((dimension) => publishedAt(oneWayCells[dimension])),
    twoWay: new Map(PAIRS.map(([first, second], index) => [pairKey(first, second), twoWayCells[index].map(publishedAt)])),
  };
}

/**
 * A population's counts by something that is not one of the published dimensions (how people took
 * part, e.g. the channel of their input), suppressed as a one-way table with the population's grand
 * total: that total is published exactly as in {@link publishStatistics}, and no other table shares
 * a line with these cells, so they are protected on their own.
 */
export function publishBreakdown<C extends string>(counts: Readonly<Record<C, number>>, k: number): Record<C, PublishedCount> {
  checkMinimumCellSize(k);
  const categories = Object.keys(counts) as C[];
  const cells = new LinkedCells();
  const total = cells.addCell(categories.reduce((sum, category) => sum + counts[category], 0));
  const parts = cells.addOneWay(total, categories.map((category) => counts[category]));
  const published = publishedCounts(cells, suppress(cells, k, new Map([[total, false]])));
  return Object.fromEntries(categories.map((category, index) => [category, published[parts[index]]])) as Record<C, PublishedCount>;
}

function checkMinimumCellSize(k: number): void {
  if (!Number.isInteger(k) || k < 2) throw new StatisticsQueryError('k', `the minimum cell size k must be an integer of at least 2, got ${k}`);
}

function validFilters(filters: Partial<Record<string, string>>): Filter[] {
  const given = Object.entries(filters).filter(([, category]) => category !== undefined);
  for (const [dimension, category] of given) {
    if (!Object.hasOwn(DIMENSIONS, dimension)) {
      throw new StatisticsQueryError(`filters.${dimension}`, `unknown dimension "${dimension}"; filter by ${DIMENSION_NAMES.join(', ')}`);
    }
    const categories: readonly string[] = DIMENSIONS[dimension as Dimension];
    if (!categories.includes(category!)) {
      throw new StatisticsQueryError(`filters.${dimension}`, `unknown ${dimension} category "${category}"; expected one of ${categories.join(', ')}`);
    }
  }
  if (given.length > 2) {
    throw new StatisticsQueryError('filters', `at most two filters at a time (got ${given.length}): deeper tables are not published`);
  }
  return DIMENSION_NAMES.filter((dimension) => filters[dimension] !== undefined).map((dimension) => ({
    dimension,
    category: (DIMENSIONS[dimension] as readonly string[]).indexOf(filters[dimension]!),
  }));
}

function reportFrom(publication: StatisticsPublication, filters: readonly Filter[]): DisaggregatedReport {
  const report = (total: PublishedCount, breakdowns: DisaggregatedReport['breakdowns']): DisaggregatedReport => ({
    k: publication.k,
    filters: Object.fromEntries(filters.map(({ dimension, category }) => [dimension, DIMENSIONS[dimension][category]])),
    total,
    breakdowns,
  });
  const breakdowns = (dimensions: readonly Dimension[], countsOf: (dimension: Dimension) => readonly PublishedCount[]) =>
    Object.fromEntries(dimensions.map((dimension) => [dimension, breakdown(dimension, countsOf(dimension))]));

  if (filters.length === 0) return report(publication.total, breakdowns(DIMENSION_NAMES, (dimension) => publication.oneWay[dimension]));
  if (filters.length === 1) {
    const [{ dimension: filtered, category }] = filters;
    const others = DIMENSION_NAMES.filter((dimension) => dimension !== filtered);
    return report(publication.oneWay[filtered][category], breakdowns(others, (dimension) => twoWayLine(publication, filtered, category, dimension)));
  }
  const [first, second] = filters;
  return report(publication.twoWay.get(pairKey(first.dimension, second.dimension))![first.category][second.category], {});
}

/** The people in one category of `filtered`, by the categories of `by`: a row or column of their two-way table. */
function twoWayLine(publication: StatisticsPublication, filtered: Dimension, category: number, by: Dimension): readonly PublishedCount[] {
  const byComesFirst = DIMENSION_NAMES.indexOf(by) < DIMENSION_NAMES.indexOf(filtered);
  const table = publication.twoWay.get(byComesFirst ? pairKey(by, filtered) : pairKey(filtered, by))!;
  return byComesFirst ? table.map((row) => row[category]) : table[category];
}

function breakdown<D extends Dimension>(dimension: D, counts: readonly PublishedCount[]): Breakdown<D> {
  return Object.fromEntries(DIMENSIONS[dimension].map((category, index) => [category, counts[index]])) as Breakdown<D>;
}

function categoryIndex(record: DemographicRecord, dimension: Dimension): number {
  const index = (DIMENSIONS[dimension] as readonly string[]).indexOf(record[dimension]);
  if (index < 0) throw new TypeError(`a record has unknown ${dimension} category "${record[dimension]}"`);
  return index;
}

function oneWayCounts(records: readonly DemographicRecord[], dimension: Dimension): number[] {
  const counts = DIMENSIONS[dimension].map(() => 0);
  for (const record of records) counts[categoryIndex(record, dimension)]++;
  return counts;
}

function twoWayCounts(records: readonly DemographicRecord[], rows: Dimension, columns: Dimension): number[][] {
  const counts = DIMENSIONS[rows].map(() => DIMENSIONS[columns].map(() => 0));
  for (const record of records) counts[categoryIndex(record, rows)][categoryIndex(record, columns)]++;
  return counts;
}
