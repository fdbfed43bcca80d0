import type { Core } from '@strapi/strapi';
import type { DisaggregatedStatistics, StatisticsQuery } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { categorise, type DemographicDeclaration } from '../domain/statistics/demographics';
import { disaggregate, StatisticsQueryError } from '../domain/statistics/disaggregate';
import { fieldError } from '../utils/field-error';
import { readJson } from '../utils/json-column';

type Respondent = { userId: number | null; declaration: DemographicDeclaration | null };

/**
 * Disaggregated participation of an activity, suppressed below k. People with an account count with
 * the demographics of their profile (if they consented); paper lines with what was recorded for them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('participation');

  const declarationsOf = async (userIds: number[]) => {
    const unique = [...new Set(userIds)];
    const rows = unique.length
      ? await strapi.db.query(UID.participantProfile).findMany({ where: { userId: { $in: unique } }, select: ['userId', 'demographics'] })
      : [];
    return new Map<number, DemographicDeclaration | null>(rows.map((row: any) => [row.userId, readJson(row.demographics) ?? null]));
  };

  /** Each person once: an account that attended twice, or posted fifty times, is one person. */
  const report = async (respondents: Respondent[], onDate: string, filters: StatisticsQuery): Promise<DisaggregatedStatistics> => {
    const profiles = await declarationsOf(respondents.flatMap((respondent) => (respondent.userId === null ? [] : [respondent.userId])));
    const seen = new Set<number>();
    const records = respondents.flatMap((respondent) => {
      if (respondent.userId === null) return [categorise(respondent.declaration, onDate)];
      if (seen.has(respondent.userId)) return [];
      seen.add(respondent.userId);
      return [categorise(profiles.get(respondent.userId) ?? null, onDate)];
    });
    try {
      return disaggregate(records, { k: plugin().config('statistics.minimumCellSize') as number, filters: filters as Record<string, string> }) as DisaggregatedStatistics;
    } catch (error) {
      // The domain names filters as `filters.<dimension>`; in the request they are query parameters.
      if (error instanceof StatisticsQueryError) throw fieldError(error.field.replace(/^filters\./, ''), error.message);
      throw error;
    }
  };

  return {
    async forMeeting(documentId: string, filters: StatisticsQuery) {
      const { onDate, rows } = await plugin().service('meeting').attendeeDeclarations(documentId);
      return report(rows, onDate, filters);
    },

    async forConsultation(documentId: string, filters: StatisticsQuery) {
      const { onDate, rows } = await plugin().service('consultation').respondentDeclarations(documentId);
      return report(rows, onDate, filters);
    },

    async forForum(documentId: string, filters: StatisticsQuery) {
      const posterIds: number[] = await plugin().service('forum').posterIds(documentId);
      return report(posterIds.map((userId) => ({ userId, declaration: null })), new Date().toISOString().slice(0, 10), filters);
    },
  };
};
