/**
 * A programme's figure sheet: for a set of municipalities and a span of fiscal years, the figures a
 * progress report asks for, computed from what the platform has already published. Counts of people are
 * sums of published cells of the rounds' participation tables (round-participation.ts), never recounted
 * from the records: a sum of published numbers tells nothing the tables did not, so no hidden cell can be
 * reached by subtracting a district from the programme. Where a cell was suppressed the sum is a lower
 * bound, and says how many cells it misses. See docs/open-data.md.
 */
import { DIMENSIONS, type CategoryOf, type Dimension } from '../statistics/demographics';
import type { PublishedCount } from '../statistics/disaggregate';
import type { StoredRoundParticipation } from './round-participation';

/** The highest age a round may be limited to and still count as a youth round (the UN's youth: 15-29). */
export const YOUTH_MAX_AGE = 29;

/** A counted round of the programme as the figures need it. */
export interface ProgrammeRound {
  municipalityCode: string;
  reservations: ReadonlyArray<{ marker: string }>;
  maxAge: number | null;
  /** Gender markers of the projects its published result selected (empty before results are public). */
  selectedGenderMarkers: readonly string[];
  tables: StoredRoundParticipation;
}

export interface PublishedSum {
  count: number;
  suppressedCells: number;
}

export const isGenderResponsive = (round: ProgrammeRound) =>
  round.reservations.some((reservation) => reservation.marker === 'gender') || round.selectedGenderMarkers.some((marker) => marker !== 'none');

export const isYouthRound = (round: ProgrammeRound) =>
  round.reservations.some((reservation) => reservation.marker === 'youth') || (round.maxAge !== null && round.maxAge <= YOUTH_MAX_AGE);

/** Voters of some categories of one dimension, over every district of the rounds: published cells added up. */
export function sumVoters<D extends Dimension>(rounds: readonly ProgrammeRound[], dimension: D, categories: ReadonlyArray<CategoryOf<D>>): PublishedSum {
  const indexes = categories.map((category) => (DIMENSIONS[dimension] as readonly string[]).indexOf(category));
  const cells: PublishedCount[] = rounds.flatMap((round) => round.tables.districts.flatMap((district) => indexes.map((index) => district.voters.oneWay[dimension][index])));
  return {
    count: cells.reduce<number>((sum, cell) => sum + (cell === 'suppressed' ? 0 : cell), 0),
    suppressedCells: cells.filter((cell) => cell === 'suppressed').length,
  };
}

const municipalitiesOf = (rounds: readonly ProgrammeRound[]) => [...new Set(rounds.map((round) => round.municipalityCode))].sort();

/** The participation figures; the counts of proposals, commitments and decisions are added by the caller (they describe no person). */
export function participationFigures(rounds: readonly ProgrammeRound[]) {
  const gender = rounds.filter(isGenderResponsive);
  const youth = rounds.filter(isYouthRound);
  return {
    genderResponsiveRounds: { municipalities: municipalitiesOf(gender), rounds: gender.length, women: sumVoters(gender, 'gender', ['woman']) },
    youthRounds: { municipalities: municipalitiesOf(youth), rounds: youth.length, youngPeople: sumVoters(youth, 'ageBand', ['under-18', '18-29']) },
    personsWithDisabilities: sumVoters(rounds, 'disability', ['yes']),
    romaAndEgyptians: sumVoters(rounds, 'minorityGroup', ['roma', 'egyptian']),
  };
}

export const PROGRAMME_INDICATOR_COLUMNS = ['from_year', 'to_year', 'municipalities', 'indicator', 'value', 'suppressed_cells', 'rounds', 'municipalities_counted'] as const;

/** The figure sheet as CSV rows, one per indicator. */
export function programmeIndicatorRows(sheet: {
  municipalityCodes: string[];
  fromYear: number;
  toYear: number;
  genderResponsiveRounds: { municipalities: string[]; rounds: number; women: PublishedSum };
  youthRounds: { municipalities: string[]; rounds: number; youngPeople: PublishedSum };
  personsWithDisabilities: PublishedSum;
  romaAndEgyptians: PublishedSum;
  proposalsFromRecommendations: number;
  commitmentsFulfilled: number;
  decisionsPublished: number;
}) {
  const row = (indicator: string, value: number, extra: { suppressedCells?: number; rounds?: number; municipalities?: string[] } = {}) => ({
    from_year: sheet.fromYear,
    to_year: sheet.toYear,
    municipalities: sheet.municipalityCodes.join(';'),
    indicator,
    value,
    suppressed_cells: extra.suppressedCells ?? '',
    rounds: extra.rounds ?? '',
    municipalities_counted: extra.municipalities?.join(';') ?? '',
  });
  const { genderResponsiveRounds: gender, youthRounds: youth } = sheet;
  return [
    row('municipalities_with_gender_responsive_round', gender.municipalities.length, { rounds: gender.rounds, municipalities: gender.municipalities }),
    row('women_in_gender_responsive_rounds', gender.women.count, { suppressedCells: gender.women.suppressedCells, rounds: gender.rounds }),
    row('municipalities_with_youth_round', youth.municipalities.length, { rounds: youth.rounds, municipalities: youth.municipalities }),
    row('young_people_in_youth_rounds', youth.youngPeople.count, { suppressedCells: youth.youngPeople.suppressedCells, rounds: youth.rounds }),
    row('persons_with_disabilities', sheet.personsWithDisabilities.count, { suppressedCells: sheet.personsWithDisabilities.suppressedCells }),
    row('roma_and_egyptians', sheet.romaAndEgyptians.count, { suppressedCells: sheet.romaAndEgyptians.suppressedCells }),
    row('proposals_from_recommendations', sheet.proposalsFromRecommendations),
    row('commitments_fulfilled', sheet.commitmentsFulfilled),
    row('decisions_published', sheet.decisionsPublished),
  ];
}
