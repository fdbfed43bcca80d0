import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { roundRoutes as routes } from '../../routes/content-api/rounds';
import { callerOf, handle } from './handle';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rounds = () => getService(strapi, 'round');
  const counting = () => getService(strapi, 'round-count');
  return {
    find: handle(routes.find, async ({ query }) => rounds().find(query)),
    findOne: handle(routes.findOne, async ({ params }) => ({ data: await rounds().findOne(params.roundId) })),
    create: handle(routes.create, async ({ params, body }) => ({ data: await rounds().create(params.municipalityCode, body.data) })),
    update: handle(routes.update, async ({ params, body }) => ({ data: await rounds().update(params.municipalityCode, params.roundId, body.data) })),
    transition: handle(routes.transition, async ({ params, body }, ctx) => ({
      data: await rounds().transition(params.municipalityCode, params.roundId, body.action, callerOf(ctx).id),
    })),
    count: handle(routes.count, async ({ params }) => ({ data: await counting().count(params.municipalityCode, params.roundId) })),
    exportBallots: handle(routes.exportBallots, async ({ params, query }, ctx) => {
      const file = await counting().pabulibFile(params.roundId, query.district);
      ctx.type = 'text/plain; charset=utf-8';
      ctx.set('Content-Disposition', `attachment; filename="round-${params.roundId}${query.district ? `-${query.district}` : ''}.pb"`);
      return file;
    }),
  };
};
