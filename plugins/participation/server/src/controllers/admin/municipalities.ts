import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { CreateMunicipality } from '../../../../shared/contracts';
import { getService } from '../../utils/get-service';
import { validateRequest } from '../../utils/validate';

/** The administrator's municipalities: the list every admin screen picks from, a new one, one's overview. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    ctx.body = await getService(strapi, 'municipality').find({ page: 1, pageSize: 1000 });
  },

  async create(ctx: Context) {
    const body = validateRequest(CreateMunicipality.bodySchema, ctx.request.body, 'body');
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'municipality').create(body) };
  },

  async overview(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'municipality-overview').forMunicipality(String(ctx.params.municipalityCode)) };
  },
});
