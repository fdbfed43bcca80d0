/**
 * Properties of the published statistics on random populations (0–80 people, k in 2..12), over every
 * report a population has: no filter, each one filter, each pair of filters.
 *
 * The disclosure check (P2) does not trust the suppression code's own model: it writes every
 * published number as a linear equation over the population's full cross-classification (one
 * unknown per combination of the four dimensions, 840 of them) and proves with exact rank
 * computation that no suppressed number lies in the span of the published ones.
 */
import fc from 'fast-check';
import { anyCategory, demographicRecordArbitrary } from '../../../../../../tests/arbitraries/demographics';
import { DIMENSION_NAMES, DIMENSIONS, type DemographicRecord, type Dimension } from './demographics';
import { publishStatistics, queryStatistics, type DisaggregatedReport, type PublishedCount } from './disaggregate';
import { IntegerRowSpace, isZero } from './row-space';

type Query = Partial<Record<Dimension, string>>;

const categoriesOf = (dimension: Dimension): readonly string[] => DIMENSIONS[dimension];

const ALL_QUERIES: Query[] = [
  {},
  ...DIMENSION_NAMES.flatMap((dimension) => categoriesOf(dimension).map((category) => ({ [dimension]: category }))),
  ...DIMENSION_NAMES.flatMap((first, index) =>
    DIMENSION_NAMES.slice(index + 1).flatMap((second) =>
      categoriesOf(first).flatMap((a) => categoriesOf(second).map((b) => ({ [first]: a, [second]: b }))),
    ),
  ),
];

/** Skewed towards the first two categories so that many cells reach k and suppression has work to do. */
const recordArbitrary = demographicRecordArbitrary((dimension) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...categoriesOf(dimension).slice(0, 2)) }, { weight: 1, arbitrary: anyCategory(dimension) }),
);

const populationArbitrary = fc.record({ records: fc.array(recordArbitrary, { maxLength: 80 }), k: fc.integer({ min: 2, max: 12 }) });

const matches = (record: DemographicRecord, query: Query) => Object.entries(query).every(([dimension, category]) => record[dimension as Dimension] === category);
const trueCount = (records: readonly DemographicRecord[], query: Query) => records.filter((record) => matches(record, query)).length;
const keyOf = (query: Query) => DIMENSION_NAMES.filter((dimension) => query[dimension] !== undefined).map((dimension) => `${dimension}=${query[dimension]}`).join('&');

interface PublishedNumber {
  query: Query;
  value: PublishedCount;
}

/** Every number in a report, with the query whose people it counts. */
function numbersIn(report: DisaggregatedReport): PublishedNumber[] {
  const filters: Query = report.filters;
  return [
    { query: filters, value: report.total },
    ...Object.entries(report.breakdowns).flatMap(([dimension, counts]) =>
      Object.entries(counts as Record<string, PublishedCount>).map(([category, value]) => ({ query: { ...filters, [dimension]: category }, value })),
    ),
  ];
}

function allReports(records: readonly DemographicRecord[], k: number): DisaggregatedReport[] {
  const publication = publishStatistics(records, k);
  return ALL_QUERIES.map((query) => queryStatistics(publication, query));
}

/** Each distinct count once; fails if two reports ever give the same count differently. */
function distinctNumbers(reports: readonly DisaggregatedReport[]): Map<string, PublishedNumber> {
  const numbers = new Map<string, PublishedNumber>();
  const contradictions: string[] = [];
  for (const number of reports.flatMap(numbersIn)) {
    const key = keyOf(number.query);
    const earlier = numbers.get(key);
    if (earlier && earlier.value !== number.value) contradictions.push(`${key}: ${earlier.value} and ${number.value}`);
    numbers.set(key, number);
  }
  expect(contradictions).toEqual([]);
  return numbers;
}

/** The full cross-classification: one unknown per combination of categories of all four dimensions. */
const COMBINATIONS: Record<Dimension, string>[] = DIMENSION_NAMES.reduce<Record<Dimension, string>[]>(
  (partial, dimension) => partial.flatMap((combination) => categoriesOf(dimension).map((category) => ({ ...combination, [dimension]: category }))),
  [{} as Record<Dimension, string>],
);

/** The coefficients of every count over the cross-classification: 1 for each combination it counts. */
const EQUATIONS = new Map(ALL_QUERIES.map((query) => [keyOf(query), COMBINATIONS.map((combination) => (matches(combination as DemographicRecord, query) ? 1 : 0))]));
const equationOf = (query: Query) => EQUATIONS.get(keyOf(query))!;

const RUNS = { numRuns: 50 };

describe('published statistics, on random populations', () => {
  it('answers every query with the same count wherever that count appears, and with the true count when published', () => {
    fc.assert(
      fc.property(populationArbitrary, ({ records, k }) => {
        for (const { query, value } of distinctNumbers(allReports(records, k)).values()) {
          if (value !== 'suppressed') expect(value).toBe(trueCount(records, query));
        }
      }),
      RUNS,
    );
  });

  it('(P1) publishes no number between 1 and k − 1', () => {
    fc.assert(
      fc.property(populationArbitrary, ({ records, k }) => {
        const small = allReports(records, k)
          .flatMap(numbersIn)
          .filter(({ value }) => value !== 'suppressed' && value > 0 && value < k);
        expect(small).toEqual([]);
      }),
      RUNS,
    );
  });

  it('(P2) publishes nothing from which a suppressed number can be derived', () => {
    expect(COMBINATIONS).toHaveLength(5 * 7 * 4 * 6);
    fc.assert(
      fc.property(populationArbitrary, ({ records, k }) => {
        const numbers = [...distinctNumbers(allReports(records, k)).values()];
        const published = new IntegerRowSpace(COMBINATIONS.length);
        for (const { query, value } of numbers) if (value !== 'suppressed') published.add(equationOf(query));
        for (const { query, value } of numbers) {
          if (value === 'suppressed') expect({ query, derivable: isZero(published.reduce(equationOf(query))) }).toEqual({ query, derivable: false });
        }
      }),
      { numRuns: 40 },
    );
  });

  it('(P3) answers "suppressed" for every filter combination describing 1 to k − 1 people', () => {
    fc.assert(
      fc.property(populationArbitrary, ({ records, k }) => {
        const publication = publishStatistics(records, k);
        for (const query of ALL_QUERIES) {
          const count = trueCount(records, query);
          if (count > 0 && count < k) expect(queryStatistics(publication, query).total).toBe('suppressed');
        }
      }),
      RUNS,
    );
  });

  it('(P4) gives the same answers whatever the order of the records', () => {
    const shuffledArbitrary = populationArbitrary.chain(({ records, k }) =>
      fc.record({ records: fc.constant(records), k: fc.constant(k), shuffled: fc.shuffledSubarray(records, { minLength: records.length }) }),
    );
    fc.assert(
      fc.property(shuffledArbitrary, ({ records, k, shuffled }) => {
        expect(allReports(shuffled, k)).toEqual(allReports(records, k));
      }),
      RUNS,
    );
  });

  it('(P5) hides nothing or at least k people in every line with a published total', () => {
    fc.assert(
      fc.property(populationArbitrary, ({ records, k }) => {
        for (const report of allReports(records, k)) {
          if (report.total === 'suppressed') continue;
          for (const [dimension, counts] of Object.entries(report.breakdowns)) {
            const hidden = Object.entries(counts as Record<string, PublishedCount>).filter(([, value]) => value === 'suppressed');
            const hiddenPeople = hidden.reduce((sum, [category]) => sum + trueCount(records, { ...report.filters, [dimension]: category }), 0);
            expect(hidden.length === 0 || hiddenPeople >= k).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});
