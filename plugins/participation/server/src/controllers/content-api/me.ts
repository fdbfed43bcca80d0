import type { Core } from '@strapi/strapi';
import type { Actor } from '../../domain/access/rules';
import { getService } from '../../utils/get-service';
import { meRoutes as routes } from '../../routes/content-api/me';
import { callerOf, handle } from './handle';

/** The caller as the access policy saw them (role and municipalities); null for a role outside the participant roles. */
const actorOf = (ctx: { state: { participationActor?: Actor | null } }): Actor | null => ctx.state.participationActor ?? null;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const me = () => getService(strapi, 'me');
  return {
    find: handle(routes.find, async (_input, ctx) => ({ data: await me().describe(callerOf(ctx), actorOf(ctx)) })),
    updateProfile: handle(routes.updateProfile, async ({ body }, ctx) => ({ data: await me().updateProfile(callerOf(ctx), actorOf(ctx), body.data) })),
    declareDemographics: handle(routes.declareDemographics, async ({ body }, ctx) => ({
      data: await me().declareDemographics(callerOf(ctx), actorOf(ctx), body.data),
    })),
    withdrawDemographics: handle(routes.withdrawDemographics, async (_input, ctx) => ({ data: await me().withdrawDemographics(callerOf(ctx), actorOf(ctx)) })),
  };
};
