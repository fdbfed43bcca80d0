/**
 * Who took part in a budgeting round, per district: voters (by channel and by self-declared
 * demographics) and proposal authors (by demographics). Each district's voters and its proposal authors
 * are populations of their own, published with the statistics module's tables (k-suppressed, complementary
 * suppression, two-way at most) once voting has closed, and stored once (services/statistics.ts). No
 * round-wide table is published: it would be the sum of the districts' tables, and subtracting the
 * published districts from it could reveal a district's hidden cells. See docs/open-data.md.
 */
import { VOTING_CHANNELS, type VotingChannel } from '../voting/channels';
import { DIMENSION_NAMES, DIMENSIONS, type DemographicRecord } from '../statistics/demographics';
import { publishBreakdown, publishStatistics, queryStatistics, type DisaggregatedReport, type PublishedCount } from '../statistics/disaggregate';
import { fromStoredPublication, toStoredPublication, type StoredPublication } from '../statistics/publication';

export const PARTICIPANT_POPULATIONS = ['voters', 'proposalAuthors'] as const;
export type ParticipantPopulation = (typeof PARTICIPANT_POPULATIONS)[number];

/** A participation record as counted: its district, channel and the person's categories (never a ballot). */
export interface CountedVoter {
  districtCode: string;
  channel: VotingChannel;
  record: DemographicRecord;
}

/** A proposal author, once per district in which they proposed. */
export interface CountedAuthor {
  districtCode: string;
  record: DemographicRecord;
}

/** A round's tables as stored (JSON), one entry per district in the round's order. */
export interface StoredRoundParticipation {
  k: number;
  districts: Array<{
    districtCode: string;
    voters: StoredPublication;
    votersByChannel: Record<VotingChannel, PublishedCount>;
    proposalAuthors: StoredPublication;
  }>;
}

/** The answer for one district: each population's tables queried with the same filters. */
export interface DistrictParticipation {
  districtCode: string;
  voters: { byChannel: Record<VotingChannel, PublishedCount>; statistics: DisaggregatedReport };
  proposalAuthors: { statistics: DisaggregatedReport };
}

/**
 * Publishes every district's tables. `districtCodes` are the round's districts (`''` for a round without
 * districts); a district nobody voted or proposed in is published as zeros.
 */
export function roundParticipationTables(
  districtCodes: readonly string[],
  voters: readonly CountedVoter[],
  authors: readonly CountedAuthor[],
  k: number
): StoredRoundParticipation {
  const codes = [...new Set([...districtCodes, ...voters.map((voter) => voter.districtCode), ...authors.map((author) => author.districtCode)])];
  return {
    k,
    districts: codes.map((districtCode) => {
      const here = voters.filter((voter) => voter.districtCode === districtCode);
      const byChannel = Object.fromEntries(VOTING_CHANNELS.map((channel) => [channel, here.filter((voter) => voter.channel === channel).length])) as Record<VotingChannel, number>;
      return {
        districtCode,
        voters: toStoredPublication(publishStatistics(here.map((voter) => voter.record), k)),
        // The same people as the voters' tables, with the same total: protected as a one-way table of its own.
        votersByChannel: publishBreakdown(byChannel, k),
        proposalAuthors: toStoredPublication(publishStatistics(authors.filter((author) => author.districtCode === districtCode).map((author) => author.record), k)),
      };
    }),
  };
}

/** Answers a query (at most two filters, as every statistic) from the stored tables; a bad filter throws StatisticsQueryError. */
export function queryRoundParticipation(stored: StoredRoundParticipation, filters: Partial<Record<string, string>>): DistrictParticipation[] {
  return stored.districts.map((district) => ({
    districtCode: district.districtCode,
    voters: { byChannel: district.votersByChannel, statistics: queryStatistics(fromStoredPublication(district.voters), filters) },
    proposalAuthors: { statistics: queryStatistics(fromStoredPublication(district.proposalAuthors), filters) },
  }));
}

export const ROUND_PARTICIPATION_COLUMNS = ['round_document_id', 'district_code', 'population', 'dimension', 'category', 'count'] as const;
type CsvRow = Record<(typeof ROUND_PARTICIPATION_COLUMNS)[number], string | number>;

/**
 * The unfiltered tables as CSV rows: per district and population the total, the voters' channels and
 * every one-way table; a suppressed count is the word `suppressed`.
 */
export function roundParticipationRows(roundDocumentId: string, stored: StoredRoundParticipation): CsvRow[] {
  const row = (districtCode: string, population: ParticipantPopulation, dimension: string, category: string, count: PublishedCount): CsvRow => ({
    round_document_id: roundDocumentId,
    district_code: districtCode,
    population,
    dimension,
    category,
    count,
  });
  return stored.districts.flatMap((district) =>
    PARTICIPANT_POPULATIONS.flatMap((population) => {
      const tables = district[population];
      return [
        row(district.districtCode, population, 'total', 'all', tables.total),
        ...(population === 'voters' ? VOTING_CHANNELS.map((channel) => row(district.districtCode, population, 'channel', channel, district.votersByChannel[channel])) : []),
        ...DIMENSION_NAMES.flatMap((dimension) => DIMENSIONS[dimension].map((category, index) => row(district.districtCode, population, dimension, category, tables.oneWay[dimension][index]))),
      ];
    })
  );
}
