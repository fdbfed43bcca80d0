import { z } from 'zod';
import { DIMENSIONS, type Dimension } from '../../server/src/domain/statistics/demographics';
import { single } from './common';

/** A published count: a number (0 or at least k) or "suppressed" where it could isolate fewer than k people. */
export const publishedCountSchema = z.union([z.number().int().min(0), z.literal('suppressed')]);
export type PublishedCount = z.infer<typeof publishedCountSchema>;

export type StatisticsDimension = Dimension;

/** One entry per dimension of the domain: a dimension added there fails to compile here until it is added. */
type PerDimension = Record<Dimension, z.ZodType>;

/** The filters answered, in dimension order: each a category of its dimension. */
const filtersSchema = z.strictObject({
  gender: z.enum(DIMENSIONS.gender).optional(),
  ageBand: z.enum(DIMENSIONS.ageBand).optional(),
  disability: z.enum(DIMENSIONS.disability).optional(),
  minorityGroup: z.enum(DIMENSIONS.minorityGroup).optional(),
} satisfies PerDimension);

/** A breakdown names every category of its dimension. */
const breakdownsSchema = z.strictObject({
  gender: z.record(z.enum(DIMENSIONS.gender), publishedCountSchema).optional(),
  ageBand: z.record(z.enum(DIMENSIONS.ageBand), publishedCountSchema).optional(),
  disability: z.record(z.enum(DIMENSIONS.disability), publishedCountSchema).optional(),
  minorityGroup: z.record(z.enum(DIMENSIONS.minorityGroup), publishedCountSchema).optional(),
} satisfies PerDimension);

/**
 * Disaggregated participation of one activity (meeting attendance, consultation input, forum posting).
 * With one filter the breakdowns are within that group; with two, only the total is published.
 */
export const disaggregatedStatisticsSchema = z.strictObject({
  k: z.number().int().min(2),
  filters: filtersSchema,
  total: publishedCountSchema,
  breakdowns: breakdownsSchema,
});
export type DisaggregatedStatistics = z.infer<typeof disaggregatedStatisticsSchema>;

export const statisticsAnswerSchema = single(disaggregatedStatisticsSchema);

/** Filters by category; the domain names unknown categories and too many filters. */
export interface StatisticsQuery {
  gender?: string;
  ageBand?: string;
  disability?: string;
  minorityGroup?: string;
}

/** A forum's statistics are published per completed calendar month, `period=YYYY-MM`. */
export interface ForumStatisticsQuery extends StatisticsQuery {
  period?: string;
}
