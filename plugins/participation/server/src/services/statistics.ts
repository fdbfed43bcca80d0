import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { DisaggregatedStatistics, PublishedCount, StatisticsQuery } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import {
  calendarMonth,
  categorise,
  consultationIsClosed,
  fromStoredPublication,
  meetingIsClosed,
  periodIsClosed,
  publishStatistics,
  queryStatistics,
  StatisticsQueryError,
  toStoredPublication,
  type DemographicDeclaration,
  type StatisticsPublication,
  type StoredPublication,
} from '../domain/statistics';
import { roundParticipationTables, type StoredRoundParticipation } from '../domain/reports/round-participation';
import { ballotSetIsPublic } from '../domain/rounds/ballot-publicity';
import type { RoundPhase } from '../domain/rounds/phases';
import type { ProposalRow } from '../tables/rounds';
import { conflict } from '../utils/conflict';
import { newDocumentColumns } from '../utils/document-row';
import { fieldError } from '../utils/field-error';
import { readJson } from '../utils/json-column';
import { statisticsTables } from '../tables/statistics';
import { getService } from '../utils/get-service';
import { RecentValues } from '../utils/recent-values';

/** Parsed publications kept in memory: a round's are a few kilobytes, so this holds at most a few megabytes. */
const PUBLICATIONS_KEPT = 1000;

type Respondent = { userId: number | null; declaration: DemographicDeclaration | null };
type Population = { respondents: Respondent[]; onDate: string };

/** The domain names problems `filters.<dimension>`, `period` or `k`; in the request they are query parameters. */
const asFieldError = (error: unknown) =>
  error instanceof StatisticsQueryError ? fieldError(error.field.replace(/^filters\./, ''), error.message) : error;

/**
 * Disaggregated participation of closed populations, suppressed below k. A population's tables are
 * computed once, when it is first published after closing, and stored (append-only); every later answer
 * reads them, so profile changes, late entries or another k never alter what was published.
 * People with an account count with the demographics of their profile (if they consented); paper lines
 * with what was recorded for them.
 */
const PROFILES_PER_STATEMENT = 10_000;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('participation');

  const declarationsOf = async (userIds: number[]) => {
    const unique = [...new Set(userIds)];
    const declarations = new Map<number, DemographicDeclaration | null>();
    // A city-wide round has more voters than one statement may carry parameters (65,535 on PostgreSQL).
    for (let start = 0; start < unique.length; start += PROFILES_PER_STATEMENT) {
      const rows = await strapi.db
        .query(UID.participantProfile)
        .findMany({ where: { userId: { $in: unique.slice(start, start + PROFILES_PER_STATEMENT) } }, select: ['userId', 'demographics'] });
      for (const row of rows as Array<{ userId: number; demographics: unknown }>) declarations.set(row.userId, readJson(row.demographics) ?? null);
    }
    return declarations;
  };

  /** Each person once: an account that attended twice, or posted fifty times, is one person. */
  const tablesOf = async ({ respondents, onDate }: Population): Promise<StatisticsPublication> => {
    const profiles = await declarationsOf(respondents.flatMap((respondent) => (respondent.userId === null ? [] : [respondent.userId])));
    const seen = new Set<number>();
    const records = respondents.flatMap((respondent) => {
      if (respondent.userId === null) return [categorise(respondent.declaration, onDate)];
      if (seen.has(respondent.userId)) return [];
      seen.add(respondent.userId);
      return [categorise(profiles.get(respondent.userId) ?? null, onDate)];
    });
    return publishStatistics(records, plugin().config('statistics.minimumCellSize') as number);
  };

  /**
   * Publications read outside a transaction, parsed, by population. A stored publication never changes
   * (the table is append-only and a population is published once), so a kept one is never stale; one
   * read inside a transaction is not kept, since that transaction may yet roll back.
   */
  const committed = new RecentValues<string, unknown>(PUBLICATIONS_KEPT);

  /**
   * The stored tables of a population, computed and stored first if this is its first publication.
   * Two first readers at once both compute; the unique population key keeps one, which both then read.
   */
  const storedOnce = async <Stored>(population: string, compute: () => Promise<Stored>, trx?: Knex.Transaction): Promise<Stored> => {
    const kept = trx ? undefined : committed.get(population);
    if (kept !== undefined) return kept as Stored;
    const db = trx ?? strapi.db.connection;
    const stored = async () => (await db(statisticsTables(strapi).publications).where({ population }).first('tables'))?.tables;
    let tables = await stored();
    if (tables === undefined) {
      const fresh = JSON.stringify(await compute());
      await db(statisticsTables(strapi).publications).insert({ ...newDocumentColumns(), population, tables: fresh }).onConflict('population').ignore();
      tables = await stored();
    }
    const parsed = readJson<Stored>(tables);
    if (!trx) committed.set(population, parsed);
    return parsed;
  };

  const published = async (population: string, load: () => Promise<Population>, trx?: Knex.Transaction) =>
    fromStoredPublication(await storedOnce<StoredPublication>(population, async () => toStoredPublication(await tablesOf(await load())), trx));

  /** Each respondent's categories, an account once (its profile's declaration), others as recorded. */
  const recordsOf = async <Row extends Respondent>(respondents: Row[], onDate: string) => {
    const profiles = await declarationsOf(respondents.flatMap((respondent) => (respondent.userId === null ? [] : [respondent.userId])));
    return respondents.map((respondent) => ({ row: respondent, record: categorise(respondent.userId === null ? respondent.declaration : (profiles.get(respondent.userId) ?? null), onDate) }));
  };

  /**
   * A round's voters and proposal authors per district, computed once voting has closed. Ages are
   * reached in the year voting closed. Voters are participation records (one per person and district):
   * nothing of a ballot is read.
   */
  const roundTables = (documentId: string, trx?: Knex.Transaction) =>
    storedOnce<StoredRoundParticipation>(
      `round:${documentId}`,
      async () => {
        const round = await getService(strapi, 'round').findRow(documentId);
        const closedAt = readJson<Array<{ phase: RoundPhase; at: string }>>(round.phaseHistory, []).find((step) => step.phase === 'counting')?.at ?? new Date().toISOString();
        const onDate = closedAt.slice(0, 10);
        const voters = await recordsOf(await getService(strapi, 'ballot').voterDeclarations(documentId, trx), onDate);
        const proposals = (await strapi.db.query(UID.proposal).findMany({ where: { roundDocumentId: documentId }, select: ['authorId', 'districtCode'] })) as Array<Pick<ProposalRow, 'authorId' | 'districtCode'>>;
        // An author who proposed twice in a district is one person there.
        const authorKeys = [...new Set(proposals.map((proposal) => `${proposal.districtCode ?? ''}|${proposal.authorId}`))];
        const authors = await recordsOf(
          authorKeys.map((key) => ({ districtCode: key.slice(0, key.lastIndexOf('|')), userId: Number(key.slice(key.lastIndexOf('|') + 1)), declaration: null })),
          onDate
        );
        const districtCodes = readJson<Array<{ code: string }>>(round.districts, []).map((district) => district.code);
        return roundParticipationTables(
          districtCodes.length > 0 ? districtCodes : [''],
          voters.map(({ row, record }) => ({ districtCode: row.districtCode, channel: row.channel, record })),
          authors.map(({ row, record }) => ({ districtCode: row.districtCode, record })),
          plugin().config('statistics.minimumCellSize') as number
        );
      },
      trx
    );

  const answer = (publication: StatisticsPublication, filters: StatisticsQuery): DisaggregatedStatistics => {
    try {
      return queryStatistics(publication, filters as Record<string, string>) as DisaggregatedStatistics;
    } catch (error) {
      throw asFieldError(error);
    }
  };

  const meetingPopulation = async (documentId: string): Promise<Population> => {
    const { onDate, rows } = await getService(strapi, 'meeting').attendeeDeclarations(documentId);
    return { respondents: rows, onDate };
  };

  const consultationPopulation = async (documentId: string): Promise<Population> => {
    const { onDate, rows } = await getService(strapi, 'consultation').respondentDeclarations(documentId);
    return { respondents: rows, onDate };
  };

  const meetingTables = (documentId: string, trx?: Knex.Transaction) => published(`meeting:${documentId}`, () => meetingPopulation(documentId), trx);
  const consultationTables = (documentId: string, trx?: Knex.Transaction) =>
    published(`consultation:${documentId}`, () => consultationPopulation(documentId), trx);

  return {
    /** Closes a round's participation statistics as voting closes, in that transaction. */
    async freezeRound(documentId: string, trx: Knex.Transaction) {
      await roundTables(documentId, trx);
    },

    /**
     * A round's participation tables once voting has closed (409 before), with the round's municipality
     * and year. Rounds closed before these statistics existed are computed at their first request.
     */
    async forRound(documentId: string) {
      const round = await getService(strapi, 'round').findRow(documentId);
      if (!ballotSetIsPublic(round.phase)) throw conflict(`A round’s participation statistics are published once voting has closed; this round is in its ${round.phase} phase.`);
      return { round, tables: await roundTables(documentId) };
    },

    /** The participation tables of rounds whose voting has closed (the caller checked): those not kept read in one query. */
    async roundsTables(documentIds: string[]): Promise<Map<string, StoredRoundParticipation>> {
      const found = new Map<string, StoredRoundParticipation>();
      for (const documentId of documentIds) {
        const kept = committed.get(`round:${documentId}`) as StoredRoundParticipation | undefined;
        if (kept !== undefined) found.set(documentId, kept);
      }
      const missing = documentIds.filter((documentId) => !found.has(documentId));
      const rows: Array<{ population: string; tables: unknown }> = missing.length
        ? await strapi.db.connection(statisticsTables(strapi).publications).whereIn('population', missing.map((id) => `round:${id}`)).select('population', 'tables')
        : [];
      for (const row of rows) {
        const tables = readJson<StoredRoundParticipation>(row.tables);
        committed.set(row.population, tables);
        found.set(row.population.slice('round:'.length), tables);
      }
      for (const documentId of documentIds) if (!found.has(documentId)) found.set(documentId, await roundTables(documentId));
      return found;
    },

    /** Closes a meeting's statistics at its cut-off (called as its minutes are published, in that transaction). */
    async freezeMeeting(documentId: string, trx: Knex.Transaction) {
      await meetingTables(documentId, trx);
    },

    /**
     * The attendance a meeting's public view shows: its statistics' total once closed (the same number,
     * or `suppressed`, as `GET /meetings/:id/statistics`), null while attendance is still being taken.
     */
    async meetingAttendance(meeting: { documentId: string; status: string }): Promise<PublishedCount | null> {
      return meetingIsClosed(meeting.status) ? (await meetingTables(meeting.documentId)).total : null;
    },

    async forMeeting(documentId: string, filters: StatisticsQuery) {
      const meeting = await getService(strapi, 'meeting').requireMeeting(documentId);
      if (!meetingIsClosed(meeting.status)) throw conflict(`A meeting’s statistics are published with its minutes, which close its attendance; this meeting is ${meeting.status}.`);
      return answer(await meetingTables(documentId), filters);
    },

    /** Closes a consultation's statistics as its summary is published, in that transaction; the summary quotes them. */
    async freezeConsultation(documentId: string, trx: Knex.Transaction) {
      return answer(await consultationTables(documentId, trx), {});
    },

    async forConsultation(documentId: string, filters: StatisticsQuery) {
      const consultation = await getService(strapi, 'consultation').requireConsultation(documentId);
      if (!consultationIsClosed(consultation.status)) throw conflict(`A consultation’s statistics are published with its summary, which closes its input; this consultation is ${consultation.status}.`);
      return answer(await consultationTables(documentId), filters);
    },

    /** Distinct posters of one completed calendar month; never the running month. */
    async forForum(documentId: string, { period: value, ...filters }: StatisticsQuery & { period?: string }) {
      if (value === undefined) throw fieldError('period', 'name a completed calendar month, e.g. period=2026-11: a forum’s statistics are published per month');
      let period;
      try {
        period = calendarMonth(value);
      } catch (error) {
        throw asFieldError(error);
      }
      await getService(strapi, 'forum').requireForum(documentId);
      if (!periodIsClosed(period, new Date())) throw conflict(`The month ${period.key} has not ended: its statistics are published once it has.`);
      const tables = await published(`forum:${documentId}:${period.key}`, async () => {
        const posterIds: number[] = await getService(strapi, 'forum').posterIds(documentId, period);
        return { respondents: posterIds.map((userId) => ({ userId, declaration: null })), onDate: period.start.toISOString().slice(0, 10) };
      });
      return answer(tables, filters);
    },
  };
};
