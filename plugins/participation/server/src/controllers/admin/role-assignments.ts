import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { AssignRole, ListRoleHolders, RevokeRole, SearchPeople } from '../../../../shared/contracts';
import { getService } from '../../utils/get-service';
import { validateRequest } from '../../utils/validate';

/** Who holds which scoped role where, and the administrator giving and taking those roles. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async holders(ctx: Context) {
    const { municipality } = validateRequest(ListRoleHolders.querySchema, ctx.query, 'query');
    ctx.body = { data: await getService(strapi, 'role-assignments').holders(municipality) };
  },

  async searchPeople(ctx: Context) {
    const { search } = validateRequest(SearchPeople.querySchema, ctx.query, 'query');
    ctx.body = { data: await getService(strapi, 'role-assignments').searchPeople(search) };
  },

  async assign(ctx: Context) {
    const body = validateRequest(AssignRole.bodySchema, ctx.request.body, 'body');
    ctx.body = { data: await getService(strapi, 'role-assignments').assign(body) };
  },

  async revoke(ctx: Context) {
    const params = validateRequest(RevokeRole.paramsSchema, ctx.params, 'path');
    ctx.body = { data: await getService(strapi, 'role-assignments').revoke(params) };
  },
});
