import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { proposalRoutes as routes } from '../../routes/content-api/proposals';
import { callerOf, handle } from './handle';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const proposals = () => getService(strapi, 'proposal');
  return {
    find: handle(routes.find, async ({ params, query: { page, pageSize, ...filters } }) => proposals().find(params.roundId, filters, { page, pageSize })),
    findOne: handle(routes.findOne, async ({ params }) => ({ data: await proposals().findOne(params.proposalId) })),
    create: handle(routes.create, async ({ params, body }, ctx) => ({ data: await proposals().create(params.roundId, callerOf(ctx).id, body.data) })),
    update: handle(routes.update, async ({ params, body }, ctx) => ({ data: await proposals().update(params.proposalId, callerOf(ctx).id, body.data) })),
    withdraw: handle(routes.withdraw, async ({ params }, ctx) => ({ data: await proposals().withdraw(params.proposalId, callerOf(ctx).id) })),
    review: handle(routes.review, async ({ params, body }, ctx) => ({
      data: await proposals().review(params.municipalityCode, params.proposalId, body, callerOf(ctx).id),
    })),
  };
};
