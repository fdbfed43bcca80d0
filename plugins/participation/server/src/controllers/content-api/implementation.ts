import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { implementationRoutes as routes } from '../../routes/content-api/implementation';
import { callerOf, handle } from './handle';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const implementation = () => getService(strapi, 'implementation');
  return {
    findOne: handle(routes.findOne, async ({ params }) => ({ data: await implementation().findForProposal(params.proposalId) })),
    budgetLineSpending: handle(routes.budgetLineSpending, async ({ params }) => ({ data: await implementation().budgetLineSpending(params.documentId) })),
    update: handle(routes.update, async ({ params, body }, ctx) => ({
      data: await implementation().update(params.municipalityCode, params.proposalId, body.data, callerOf(ctx).id),
    })),
  };
};
