import { z } from 'zod';
import { statisticsAnswerSchema } from '../../../../shared/contracts/statistics';
import { declareRoute } from './declare-route';

/** Filters by category; the domain names unknown categories and too many filters (400). */
const filters = {
  gender: z.string().max(40).optional(),
  ageBand: z.string().max(40).optional(),
  disability: z.string().max(40).optional(),
  minorityGroup: z.string().max(40).optional(),
};

export const statisticsRoutes = {
  forum: declareRoute({
    method: 'GET',
    path: '/forums/:forumId/statistics',
    action: 'statistics.forum',
    summary: 'Who posted in a forum in one completed calendar month, disaggregated and suppressed below k',
    // Published per completed calendar month, `period=YYYY-MM` (checked by the domain).
    query: z.object({ ...filters, period: z.string().max(20).optional() }),
    response: statisticsAnswerSchema,
  }),
  meeting: declareRoute({
    method: 'GET',
    path: '/meetings/:meetingId/statistics',
    action: 'statistics.meeting',
    summary: 'Who attended a held meeting, disaggregated and suppressed below k',
    query: z.object(filters),
    response: statisticsAnswerSchema,
  }),
  consultation: declareRoute({
    method: 'GET',
    path: '/consultations/:consultationId/statistics',
    action: 'statistics.consultation',
    summary: 'Who gave input to a summarised consultation, disaggregated and suppressed below k',
    query: z.object(filters),
    response: statisticsAnswerSchema,
  }),
};
