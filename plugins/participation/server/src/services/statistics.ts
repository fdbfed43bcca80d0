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
import { conflict } from '../utils/conflict';
import { newDocumentColumns } from '../utils/document-row';
import { fieldError } from '../utils/field-error';
import { readJson } from '../utils/json-column';
import { statisticsTables } from '../tables/statistics';
import { getService } from '../utils/get-service';

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
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('participation');

  const declarationsOf = async (userIds: number[]) => {
    const unique = [...new Set(userIds)];
    const rows = unique.length
      ? await strapi.db.query(UID.participantProfile).findMany({ where: { userId: { $in: unique } }, select: ['userId', 'demographics'] })
      : [];
    return new Map<number, DemographicDeclaration | null>(rows.map((row: { userId: number; demographics: unknown }) => [row.userId, readJson(row.demographics) ?? null]));
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
   * The stored tables of a population, computed and stored first if this is its first publication.
   * Two first readers at once both compute; the unique population key keeps one, which both then read.
   */
  const published = async (population: string, load: () => Promise<Population>, db: Knex | Knex.Transaction = strapi.db.connection) => {
    const stored = async () => (await db(statisticsTables(strapi).publications).where({ population }).first('tables'))?.tables;
    let tables = await stored();
    if (tables === undefined) {
      const fresh = JSON.stringify(toStoredPublication(await tablesOf(await load())));
      await db(statisticsTables(strapi).publications).insert({ ...newDocumentColumns(), population, tables: fresh }).onConflict('population').ignore();
      tables = await stored();
    }
    return fromStoredPublication(readJson<StoredPublication>(tables));
  };

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

  const meetingTables = (documentId: string, db?: Knex | Knex.Transaction) => published(`meeting:${documentId}`, () => meetingPopulation(documentId), db);
  const consultationTables = (documentId: string, db?: Knex | Knex.Transaction) =>
    published(`consultation:${documentId}`, () => consultationPopulation(documentId), db);

  return {
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
