import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { ballotRoutes as routes } from '../../routes/content-api/ballots';
import { callerOf, handle } from './handle';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const ballots = () => getService(strapi, 'ballot');
  return {
    cast: handle(routes.cast, async ({ params, body }, ctx) => ({ data: await ballots().castOnline(params.roundId, callerOf(ctx).id, body) })),
    castAssisted: handle(routes.castAssisted, async ({ params, body }, ctx) => ({
      data: await ballots().castAssisted(params.municipalityCode, params.roundId, callerOf(ctx).id, body),
    })),
    verifyReceipt: handle(routes.verifyReceipt, async ({ params }) => ({ data: await ballots().verifyReceipt(params.roundId, params.receiptCode) })),
    participation: handle(routes.participation, async ({ params, query }) => ballots().participationIn(params.municipalityCode, params.roundId, query)),
  };
};
