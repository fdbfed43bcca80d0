import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { validateRequest } from '../../utils/validate';

/** Filters by category; the domain names unknown categories and too many filters (400). */
const statisticsQuery = z
  .object({ gender: z.string().max(40), ageBand: z.string().max(40), disability: z.string().max(40), minorityGroup: z.string().max(40) })
  .partial()
  .strict();
/** Forums are published per completed calendar month, `period=YYYY-MM` (checked by the domain). */
const forumStatisticsQuery = statisticsQuery.extend({ period: z.string().max(20).optional() }).strict();

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const statistics = () => strapi.plugin('participation').service('statistics');

  return {
    async meeting(ctx: any) {
      ctx.body = { data: await statistics().forMeeting(ctx.params.meetingId, validateRequest(statisticsQuery, ctx.query, 'query')) };
    },

    async consultation(ctx: any) {
      ctx.body = { data: await statistics().forConsultation(ctx.params.consultationId, validateRequest(statisticsQuery, ctx.query, 'query')) };
    },

    async forum(ctx: any) {
      ctx.body = { data: await statistics().forForum(ctx.params.forumId, validateRequest(forumStatisticsQuery, ctx.query, 'query')) };
    },
  };
};
