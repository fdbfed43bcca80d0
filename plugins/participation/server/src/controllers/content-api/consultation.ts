import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { consultationRoutes as routes } from '../../routes/content-api/consultations';
import { callerOf, handle } from './handle';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const consultations = () => getService(strapi, 'consultation');

  return {
    find: handle(routes.find, async ({ query }) => consultations().find(query)),
    findOne: handle(routes.findOne, async ({ params }) => ({ data: await consultations().findOne(params.consultationId) })),
    create: handle(routes.create, async ({ params, body }, ctx) => ({
      data: await consultations().create(params.municipalityCode, body.data, callerOf(ctx).id),
    })),
    update: handle(routes.update, async ({ params, body }) => ({
      data: await consultations().update(params.municipalityCode, params.consultationId, body.data),
    })),
    transition: handle(routes.transition, async ({ params, body }) => ({
      data: await consultations().transition(params.municipalityCode, params.consultationId, body.action),
    })),
    submitOnline: handle(routes.submitOnline, async ({ params, body }, ctx) => ({
      data: await consultations().submitOnline(params.consultationId, callerOf(ctx).id, body.data.answers),
    })),
    submitOffline: handle(routes.submitOffline, async ({ params, body }, ctx) => ({
      data: await consultations().submitOffline(params.municipalityCode, params.consultationId, body.data, callerOf(ctx).id),
    })),
    findInputs: handle(routes.findInputs, async ({ params, query }) => consultations().listInputs(params.municipalityCode, params.consultationId, query)),
    publishSummary: handle(routes.publishSummary, async ({ params, body }) => ({
      data: await consultations().publishSummary(params.municipalityCode, params.consultationId, body.data),
    })),
  };
};
