import type { Core } from '@strapi/strapi';
import { validateRequest } from '../../utils/validate';
import { emptyQuery } from '../../routes/content-api/validation/municipalities';
import { exportBallotsQuery, listRoundsQuery, roundBody, transitionBody } from '../../routes/content-api/validation/rounds';
import type { PhaseAction } from '../../domain/rounds/phases';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('participation').service(name);

  return {
    async find(ctx: any) {
      ctx.body = await service('round').find(validateRequest(listRoundsQuery, ctx.query, 'query'));
    },

    async findOne(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: await service('round').toRound(await service('round').findRow(ctx.params.roundId)) };
    },

    async create(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(roundBody, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = { data: await service('round').create(ctx.params.municipalityCode, data) };
    },

    async update(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(roundBody, ctx.request.body, 'body');
      ctx.body = { data: await service('round').update(ctx.params.municipalityCode, ctx.params.roundId, data) };
    },

    async transition(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { action } = validateRequest(transitionBody, ctx.request.body, 'body');
      ctx.body = {
        data: await service('round').transition(ctx.params.municipalityCode, ctx.params.roundId, action as PhaseAction, ctx.state.user.id),
      };
    },

    async count(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      validateRequest(emptyQuery, ctx.request.body, 'body');
      ctx.body = { data: await service('round-count').count(ctx.params.municipalityCode, ctx.params.roundId) };
    },

    async exportBallots(ctx: any) {
      const { district } = validateRequest(exportBallotsQuery, ctx.query, 'query');
      ctx.type = 'text/plain; charset=utf-8';
      ctx.set('Content-Disposition', `attachment; filename="round-${ctx.params.roundId}${district ? `-${district}` : ''}.pb"`);
      ctx.body = await service('round-count').pabulibFile(ctx.params.roundId, district);
    },
  };
};
