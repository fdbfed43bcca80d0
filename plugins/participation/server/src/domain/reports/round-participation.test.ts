import { DIMENSIONS, type DemographicRecord } from '../statistics/demographics';
import { StatisticsQueryError } from '../statistics/disaggregate';
import { queryRoundParticipation, roundParticipationRows, roundParticipationTables, type CountedVoter } from './round-participation';

const person = (gender: DemographicRecord['gender'], ageBand: DemographicRecord['ageBand'] = '18-29'): DemographicRecord => ({ gender, ageBand, disability: 'no', minorityGroup: 'none' });
const voters = (count: number, districtCode: string, channel: CountedVoter['channel'], record: DemographicRecord): CountedVoter[] => Array.from({ length: count }, () => ({ districtCode, channel, record }));

describe('round participation tables', () => {
  // District A: 12 women and 11 men online, 2 women on paper; district B: 25 men online, of whom 15 are 65 or over, and 3 self-described.
  const counted = [
    ...voters(12, 'A', 'online', person('woman')),
    ...voters(11, 'A', 'online', person('man')),
    ...voters(2, 'A', 'paper', person('woman')),
    ...voters(10, 'B', 'online', person('man')),
    ...voters(15, 'B', 'online', person('man', '65-plus')),
    ...voters(3, 'B', 'online', person('self-described', '65-plus')),
  ];
  const authors = [{ districtCode: 'A', record: person('woman') }];
  const tables = roundParticipationTables(['A', 'B', 'C'], counted, authors, 10);

  it('publishes each district apart, suppressing small cells and their complements', () => {
    const [a, b, c] = queryRoundParticipation(tables, {});
    expect(a.districtCode).toBe('A');
    expect(a.voters.statistics.total).toBe(25);
    expect(a.voters.statistics.breakdowns.gender).toMatchObject({ woman: 14, man: 11, 'self-described': 0 });
    // Paper (2) is below k, and online (23) would give it away from the total: both hidden.
    expect(a.voters.byChannel).toEqual({ online: 'suppressed', assisted: 0, paper: 'suppressed' });
    // One author is below k: nothing of that population is published.
    expect(a.proposalAuthors.statistics.total).toBe('suppressed');
    // Three self-described people are hidden, and with them the 25 men, the only other cell that would give them away.
    expect(b.voters.statistics.breakdowns.gender).toMatchObject({ woman: 0, man: 'suppressed', 'self-described': 'suppressed' });
    expect(b.voters.statistics.breakdowns.ageBand).toMatchObject({ '65-plus': 18, '45-64': 0, '18-29': 10 });
    expect(b.voters.byChannel).toEqual({ online: 28, assisted: 0, paper: 0 });
    // A district nobody took part in is below k: nothing of it is published, as for every population that small.
    expect(c.voters.statistics.total).toBe('suppressed');
  });

  it('answers filters from the same tables, two at most', () => {
    const [a] = queryRoundParticipation(tables, { gender: 'woman' });
    expect(a.voters.statistics.total).toBe(14);
    expect(a.voters.statistics.breakdowns.ageBand?.['18-29']).toBe(14);
    expect(a.voters.statistics.breakdowns.disability).toMatchObject({ no: 14, yes: 0 });
    expect(() => queryRoundParticipation(tables, { gender: 'women' })).toThrow(StatisticsQueryError);
    expect(() => queryRoundParticipation(tables, { gender: 'woman', ageBand: '18-29', disability: 'no' })).toThrow(StatisticsQueryError);
  });

  it('writes one CSV row per district, population, dimension and category', () => {
    const rows = roundParticipationRows('round-1', tables);
    const categories = Object.values(DIMENSIONS).reduce((sum, list) => sum + list.length, 0);
    // Voters: total, 3 channels and every category; authors: total and every category.
    expect(rows).toHaveLength(3 * (1 + 3 + categories + 1 + categories));
    expect(rows.find((row) => row.district_code === 'A' && row.population === 'voters' && row.dimension === 'channel' && row.category === 'paper')?.count).toBe('suppressed');
    expect(rows.find((row) => row.district_code === 'B' && row.population === 'voters' && row.dimension === 'ageBand' && row.category === '65-plus')).toEqual({
      round_document_id: 'round-1', district_code: 'B', population: 'voters', dimension: 'ageBand', category: '65-plus', count: 18,
    });
  });

  it('adds a district found in the records but not in the settings, and takes one for a round without districts', () => {
    expect(roundParticipationTables([''], voters(3, '', 'online', person('man')), [], 2).districts.map((district) => district.districtCode)).toEqual(['']);
    expect(roundParticipationTables(['A'], voters(1, 'Z', 'online', person('man')), [], 2).districts.map((district) => district.districtCode)).toEqual(['A', 'Z']);
  });
});
