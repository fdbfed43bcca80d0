import type { Core } from '@strapi/strapi';
import { validateRequest } from '../../utils/validate';
import { emptyQuery } from '../../routes/content-api/validation/municipalities';
import { listByMunicipalityQuery } from '../../routes/content-api/validation/dialogue-groups';
import {
  consultationBody,
  consultationTransitionBody,
  listInputsQuery,
  offlineInputBody,
  onlineInputBody,
  summaryBody,
} from '../../routes/content-api/validation/consultations';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const consultations = () => strapi.plugin('participation').service('consultation');

  return {
    async find(ctx: any) {
      ctx.body = await consultations().find(validateRequest(listByMunicipalityQuery, ctx.query, 'query'));
    },

    async findOne(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: await consultations().findOne(ctx.params.consultationId) };
    },

    async create(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(consultationBody, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = { data: await consultations().create(ctx.params.municipalityCode, data, ctx.state.user.id) };
    },

    async update(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(consultationBody, ctx.request.body, 'body');
      ctx.body = { data: await consultations().update(ctx.params.municipalityCode, ctx.params.consultationId, data) };
    },

    async transition(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { action } = validateRequest(consultationTransitionBody, ctx.request.body, 'body');
      ctx.body = { data: await consultations().transition(ctx.params.municipalityCode, ctx.params.consultationId, action) };
    },

    async submitOnline(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(onlineInputBody, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = { data: await consultations().submitOnline(ctx.params.consultationId, ctx.state.user.id, data.answers) };
    },

    async submitOffline(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(offlineInputBody, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = { data: await consultations().submitOffline(ctx.params.municipalityCode, ctx.params.consultationId, data, ctx.state.user.id) };
    },

    async findInputs(ctx: any) {
      const page = validateRequest(listInputsQuery, ctx.query, 'query');
      ctx.body = await consultations().listInputs(ctx.params.municipalityCode, ctx.params.consultationId, page);
    },

    async publishSummary(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(summaryBody, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = { data: await consultations().publishSummary(ctx.params.municipalityCode, ctx.params.consultationId, data) };
    },
  };
};
