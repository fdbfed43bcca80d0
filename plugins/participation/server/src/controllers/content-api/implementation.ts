import type { Core } from '@strapi/strapi';
import { validateRequest } from '../../utils/validate';
import { emptyQuery } from '../../routes/content-api/validation/municipalities';
import { implementationBody } from '../../routes/content-api/validation/decisions';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const implementation = () => strapi.plugin('participation').service('implementation');

  return {
    async findOne(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: await implementation().findForProposal(ctx.params.proposalId) };
    },

    async update(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(implementationBody, ctx.request.body, 'body');
      ctx.body = { data: await implementation().update(ctx.params.municipalityCode, ctx.params.proposalId, data, ctx.state.user.id) };
    },

    async budgetLineSpending(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: await implementation().budgetLineSpending(ctx.params.documentId) };
    },
  };
};
