import type { Core } from '@strapi/strapi';
import type { Me } from '../../../../shared/contracts';
import { UID } from '../../constants/uids';
import { validateRequest } from '../../utils/validate';
import { emptyQuery } from '../../routes/content-api/validation/municipalities';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Who am I and where may I act: what the portal needs to show staff their municipalities. */
  async find(ctx: any) {
    validateRequest(emptyQuery, ctx.query, 'query');
    const actor = ctx.state.participationActor;
    const municipalities = actor?.municipalityCodes.length
      ? await strapi.documents(UID.municipality).findMany({
          filters: { code: { $in: actor.municipalityCodes } },
          fields: ['code', 'name'],
          sort: 'name:asc',
        })
      : [];
    const me: Me = {
      id: ctx.state.user.id,
      username: ctx.state.user.username,
      role: actor?.role ?? null,
      municipalities: municipalities.map(({ code, name }) => ({ code: String(code), name: String(name) })),
    };
    ctx.body = { data: me };
  },
});
