import type { Core } from '@strapi/strapi';
import { validateRequest } from '../../utils/validate';
import { emptyQuery } from '../../routes/content-api/validation/municipalities';
import { checkpointQuery, decisionBody, listDecisionsQuery, verifyLogQuery } from '../../routes/content-api/validation/decisions';
import type { VerifyDecisionLog } from '../../../../shared/contracts';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('participation');
  const decisionLog = () => plugin().service('decision-log');
  /** Public routes get no municipality check from the policy: an unknown code is a 400 here. */
  const requireMunicipality = (ctx: any) => plugin().service('municipality').requireByCode(ctx.params.municipalityCode, 'municipalityCode');

  return {
    async publish(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(decisionBody, ctx.request.body, 'body');
      const { entry, checkpoint } = await decisionLog().publish(ctx.params.municipalityCode, data, ctx.state.user.id);
      ctx.status = 201;
      ctx.body = { data: entry, meta: { checkpoint } };
    },

    async find(ctx: any) {
      const query = validateRequest(listDecisionsQuery, ctx.query, 'query');
      await requireMunicipality(ctx);
      ctx.body = await decisionLog().find(ctx.params.municipalityCode, query);
    },

    async findOne(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      await requireMunicipality(ctx);
      ctx.body = { data: await decisionLog().findOne(ctx.params.municipalityCode, Number(ctx.params.sequence)) };
    },

    async verifyLog(ctx: any) {
      const kept = validateRequest(verifyLogQuery, ctx.query, 'query');
      await requireMunicipality(ctx);
      const checkpoint = kept.size === undefined ? undefined : (kept as Required<VerifyDecisionLog.Query>);
      ctx.body = { data: await decisionLog().verify(ctx.params.municipalityCode, checkpoint) };
    },

    async checkpoint(ctx: any) {
      const { size } = validateRequest(checkpointQuery, ctx.query, 'query');
      await requireMunicipality(ctx);
      ctx.body = { data: await decisionLog().checkpoint(ctx.params.municipalityCode, size) };
    },

    async signingKey(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: decisionLog().signingKey() };
    },

    async exportLog(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      await requireMunicipality(ctx);
      ctx.set('Content-Disposition', `attachment; filename="decision-log-${ctx.params.municipalityCode}.json"`);
      ctx.body = await decisionLog().exportLog(ctx.params.municipalityCode);
    },
  };
};
