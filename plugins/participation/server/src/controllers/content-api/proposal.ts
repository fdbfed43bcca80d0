import type { Core } from '@strapi/strapi';
import { validateRequest } from '../../utils/validate';
import { emptyQuery } from '../../routes/content-api/validation/municipalities';
import { listProposalsQuery, proposalBody, reviewBody } from '../../routes/content-api/validation/rounds';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const proposals = () => strapi.plugin('participation').service('proposal');

  return {
    async find(ctx: any) {
      const { status, districtCode, page, pageSize } = validateRequest(listProposalsQuery, ctx.query, 'query');
      await strapi.plugin('participation').service('round').findRow(ctx.params.roundId);
      ctx.body = await proposals().find(ctx.params.roundId, { status, districtCode }, { page, pageSize });
    },

    async findOne(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: await proposals().findOne(ctx.params.proposalId) };
    },

    async create(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(proposalBody, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = { data: await proposals().create(ctx.params.roundId, ctx.state.user.id, data) };
    },

    async update(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(proposalBody, ctx.request.body, 'body');
      ctx.body = { data: await proposals().update(ctx.params.proposalId, ctx.state.user.id, data) };
    },

    async withdraw(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: await proposals().withdraw(ctx.params.proposalId, ctx.state.user.id) };
    },

    async review(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const review = validateRequest(reviewBody, ctx.request.body, 'body');
      ctx.body = { data: await proposals().review(ctx.params.municipalityCode, ctx.params.proposalId, review, ctx.state.user.id) };
    },
  };
};
