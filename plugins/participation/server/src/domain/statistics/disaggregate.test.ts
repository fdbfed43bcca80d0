import type { CategoryOf, DemographicRecord } from './demographics';
import { disaggregate, publishBreakdown, publishStatistics, queryStatistics, StatisticsQueryError } from './disaggregate';

const people = (count: number, gender: CategoryOf<'gender'>, ageBand: CategoryOf<'ageBand'>, disability: CategoryOf<'disability'>, minorityGroup: CategoryOf<'minorityGroup'>) =>
  Array.from({ length: count }, (): DemographicRecord => ({ gender, ageBand, disability, minorityGroup }));

const MEETING: DemographicRecord[] = [
  ...people(14, 'woman', '18-29', 'no', 'none'),
  ...people(12, 'man', '30-44', 'no', 'none'),
  ...people(8, 'woman', '30-44', 'no', 'roma'),
  ...people(4, 'woman', '45-64', 'yes', 'roma'),
  ...people(2, 'self-described', '18-29', 'no', 'none'),
  ...people(3, 'man', '65-plus', 'prefer-not-to-say', 'not-stated'),
  ...people(1, 'not-stated', 'not-stated', 'not-stated', 'not-stated'),
];

const S = 'suppressed';

describe('disaggregate', () => {
  it('without filters, publishes the total and every one-way table, suppressed', () => {
    expect(disaggregate(MEETING, { k: 10 })).toEqual({
      k: 10,
      filters: {},
      total: 44,
      breakdowns: {
        // 2 + 1 people hidden need a partner: the smallest other group, men.
        gender: { woman: 26, man: S, 'self-described': S, 'prefer-not-to-say': 0, 'not-stated': S },
        ageBand: { 'under-18': 0, '18-29': S, '30-44': 20, '45-64': S, '65-plus': S, 'prefer-not-to-say': 0, 'not-stated': S },
        // 4 + 3 + 1 is fewer than k: the only other group has to be hidden as well.
        disability: { yes: S, no: S, 'prefer-not-to-say': S, 'not-stated': S },
        minorityGroup: { roma: S, egyptian: 0, 'other-minority': 0, none: 28, 'prefer-not-to-say': 0, 'not-stated': S },
      },
    });
  });

  it('with one filter, gives that one-way count and the matching rows of the two-way tables', () => {
    expect(disaggregate(MEETING, { k: 10, filters: { gender: 'woman' } })).toEqual({
      k: 10,
      filters: { gender: 'woman' },
      total: 26,
      breakdowns: {
        ageBand: { 'under-18': 0, '18-29': S, '30-44': S, '45-64': S, '65-plus': 0, 'prefer-not-to-say': 0, 'not-stated': 0 },
        disability: { yes: S, no: S, 'prefer-not-to-say': 0, 'not-stated': 0 },
        minorityGroup: { roma: 12, egyptian: 0, 'other-minority': 0, none: 14, 'prefer-not-to-say': 0, 'not-stated': 0 },
      },
    });
    // All 12 Roma are women: with the Roma total hidden, the zero for Roma men has to be hidden too.
    expect(disaggregate(MEETING, { k: 10, filters: { minorityGroup: 'roma' } }).breakdowns.gender).toEqual({
      woman: 12,
      man: S,
      'self-described': 0,
      'prefer-not-to-say': 0,
      'not-stated': 0,
    });
  });

  it('with two filters, gives only the cell of their two-way table', () => {
    expect(disaggregate(MEETING, { k: 10, filters: { minorityGroup: 'roma', gender: 'woman' } })).toEqual({
      k: 10,
      filters: { gender: 'woman', minorityGroup: 'roma' },
      total: 12,
      breakdowns: {},
    });
    expect(disaggregate(MEETING, { k: 10, filters: { gender: 'man', ageBand: '65-plus' } }).total).toBe(S);
  });

  it('answers every query from the same tables', () => {
    const publication = publishStatistics(MEETING, 10);
    const queries = [{}, { gender: 'man' }, { ageBand: '30-44', disability: 'no' }];
    for (const filters of queries) expect(disaggregate(MEETING, { k: 10, filters })).toEqual(queryStatistics(publication, filters));
    const byAge = disaggregate(MEETING, { k: 10, filters: { ageBand: '30-44' } }).breakdowns.disability!;
    expect(byAge.no).toBe(disaggregate(MEETING, { k: 10, filters: { ageBand: '30-44', disability: 'no' } }).total);
  });

  it('publishes nothing but "suppressed" for a population smaller than k', () => {
    const report = disaggregate(MEETING.slice(0, 9), { k: 10 });
    expect(report.total).toBe(S);
    expect(Object.values(report.breakdowns).flatMap((counts) => Object.values(counts))).toEqual(Array(22).fill(S));
    expect(disaggregate([], { k: 2, filters: { gender: 'woman' } }).total).toBe(S);
  });

  it.each([
    [{ k: 1 }, 'k'],
    [{ k: 2.5 }, 'k'],
    [{ k: 10, filters: { religion: 'x' } }, 'filters.religion'],
    [{ k: 10, filters: { gender: 'female' } }, 'filters.gender'],
    [{ k: 10, filters: { toString: 'x' } }, 'filters.toString'],
    [{ k: 10, filters: { gender: 'woman', ageBand: '18-29', disability: 'no' } }, 'filters'],
  ])('refuses %j, naming %s', (options, field) => {
    // Typed loosely on purpose: query strings can hold anything.
    const query = () => disaggregate(MEETING, options as Parameters<typeof disaggregate>[1]);
    expect(query).toThrow(StatisticsQueryError);
    expect(query).toThrow(expect.objectContaining({ field }));
  });

  it('explains what is wrong', () => {
    expect(() => disaggregate(MEETING, { k: 10, filters: { gender: 'female' } })).toThrow(
      'unknown gender category "female"; expected one of woman, man, self-described, prefer-not-to-say, not-stated',
    );
  });
});

describe('publishBreakdown (counts of a population by how they took part)', () => {
  it('publishes large groups and zeros', () => {
    expect(publishBreakdown({ online: 20, paper: 15, phone: 0 }, 10)).toEqual({ online: 20, paper: 15, phone: 0 });
  });

  it('hides small groups, and a partner when the hidden ones add up to fewer than k', () => {
    expect(publishBreakdown({ online: 13, paper: 3, phone: 0 }, 10)).toEqual({ online: S, paper: S, phone: 0 });
    expect(publishBreakdown({ online: 13, paper: 3, phone: 9 }, 10)).toEqual({ online: 13, paper: S, phone: S });
  });

  it('publishes nothing of a population below k, like its statistics', () => {
    const counts = { online: 4, paper: 0 };
    expect(publishBreakdown(counts, 10)).toEqual({ online: S, paper: S });
    expect(publishStatistics(people(4, 'woman', '18-29', 'no', 'none'), 10).total).toBe(S);
  });

  it('refuses a k below 2', () => {
    expect(() => publishBreakdown({ online: 4 }, 1)).toThrow(expect.objectContaining({ field: 'k' }));
  });
});
