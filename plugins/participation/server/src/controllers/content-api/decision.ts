import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { decisionRoutes as routes } from '../../routes/content-api/decisions';
import { callerOf, handle } from './handle';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const decisionLog = () => getService(strapi, 'decision-log');

  return {
    publish: handle(routes.publish, async ({ params, body }, ctx) => {
      const { entry, checkpoint } = await decisionLog().publish(params.municipalityCode, body.data, callerOf(ctx).id);
      return { data: entry, meta: { checkpoint } };
    }),
    find: handle(routes.find, async ({ params, query }) => decisionLog().find(params.municipalityCode, query)),
    findOne: handle(routes.findOne, async ({ params }) => ({ data: await decisionLog().findOne(params.municipalityCode, params.sequence) })),
    verifyLog: handle(routes.verifyLog, async ({ params, query }) => {
      // The query schema lets through all four fields of a kept checkpoint or none.
      const kept = query.size === undefined ? undefined : (query as Required<typeof query>);
      return { data: await decisionLog().verify(params.municipalityCode, kept) };
    }),
    checkpoint: handle(routes.checkpoint, async ({ params, query }) => ({ data: await decisionLog().checkpoint(params.municipalityCode, query.size) })),
    signingKey: handle(routes.signingKey, async () => ({ data: decisionLog().signingKey() })),
    exportLog: handle(routes.exportLog, async ({ params }, ctx) => {
      ctx.set('Content-Disposition', `attachment; filename="decision-log-${params.municipalityCode}.json"`);
      return decisionLog().exportLog(params.municipalityCode);
    }),
  };
};
