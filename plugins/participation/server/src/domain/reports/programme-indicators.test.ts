import type { DemographicRecord } from '../statistics/demographics';
import { isGenderResponsive, isYouthRound, participationFigures, programmeIndicatorRows, sumVoters, type ProgrammeRound } from './programme-indicators';
import { roundParticipationTables } from './round-participation';

const record = (gender: DemographicRecord['gender'], ageBand: DemographicRecord['ageBand'], minorityGroup: DemographicRecord['minorityGroup'] = 'none'): DemographicRecord => ({
  gender, ageBand, disability: 'no', minorityGroup,
});
const many = (count: number, districtCode: string, person: DemographicRecord) => Array.from({ length: count }, () => ({ districtCode, channel: 'online' as const, record: person }));

const round = (municipalityCode: string, fields: Partial<ProgrammeRound>, voters: ReturnType<typeof many>, districts = ['N']): ProgrammeRound => ({
  municipalityCode, reservations: [], maxAge: null, selectedGenderMarkers: [], tables: roundParticipationTables(districts, voters, [], 10), ...fields,
});

describe('programme indicators', () => {
  // SHK: a gender-reserved round, 30 women in N and 3 in S (suppressed there); KOR: a youth round (maxAge 29), 12 under 18 and 10 aged 18-29 who are Roma.
  const shk = round('SHK', { reservations: [{ marker: 'gender' }] }, [...many(30, 'N', record('woman', '30-44')), ...many(3, 'S', record('woman', '30-44')), ...many(20, 'S', record('man', '45-64'))], ['N', 'S']);
  const kor = round('KOR', { maxAge: 29 }, [...many(12, 'N', record('man', 'under-18')), ...many(10, 'N', record('woman', '18-29', 'roma'))]);
  const plain = round('KOR', {}, [...many(10, 'N', record('man', '30-44'))]);

  it('tells gender-responsive and youth rounds apart', () => {
    expect([shk, kor, plain].map(isGenderResponsive)).toEqual([true, false, false]);
    expect(isGenderResponsive({ ...plain, selectedGenderMarkers: ['none', 'women_and_girls_only'] })).toBe(true);
    expect([shk, kor, plain].map(isYouthRound)).toEqual([false, true, false]);
    expect(isYouthRound({ ...plain, maxAge: 35 })).toBe(false);
    expect(isYouthRound({ ...plain, reservations: [{ marker: 'youth' }] })).toBe(true);
  });

  it('adds only published cells, and counts the suppressed ones it misses', () => {
    expect(sumVoters([shk], 'gender', ['woman'])).toEqual({ count: 30, suppressedCells: 1 });
    expect(sumVoters([kor], 'ageBand', ['under-18', '18-29'])).toEqual({ count: 22, suppressedCells: 0 });
    // A district with nobody in it is below k too: its cells are counted as missing, not as zeros.
    expect(sumVoters([round('KOR', {}, many(10, 'N', record('man', '30-44')), ['N', 'EMPTY'])], 'gender', ['man'])).toEqual({ count: 10, suppressedCells: 1 });
  });

  it('gives the figure sheet and its CSV rows', () => {
    const figures = participationFigures([shk, kor, plain]);
    expect(figures.genderResponsiveRounds).toEqual({ municipalities: ['SHK'], rounds: 1, women: { count: 30, suppressedCells: 1 } });
    expect(figures.youthRounds).toEqual({ municipalities: ['KOR'], rounds: 1, youngPeople: { count: 22, suppressedCells: 0 } });
    expect(figures.romaAndEgyptians).toEqual({ count: 10, suppressedCells: 0 });
    const rows = programmeIndicatorRows({ municipalityCodes: ['KOR', 'SHK'], fromYear: 2026, toYear: 2026, ...figures, proposalsFromRecommendations: 2, commitmentsFulfilled: 1, decisionsPublished: 7 });
    expect(rows.map((row) => row.indicator)).toEqual([
      'municipalities_with_gender_responsive_round', 'women_in_gender_responsive_rounds', 'municipalities_with_youth_round', 'young_people_in_youth_rounds',
      'persons_with_disabilities', 'roma_and_egyptians', 'proposals_from_recommendations', 'commitments_fulfilled', 'decisions_published',
    ]);
    expect(rows[1]).toMatchObject({ value: 30, suppressed_cells: 1, municipalities: 'KOR;SHK' });
    expect(rows[8]).toMatchObject({ value: 7, suppressed_cells: '' });
  });
});
