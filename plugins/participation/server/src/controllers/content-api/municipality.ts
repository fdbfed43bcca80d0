import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validateRequest } from '../../utils/validate';
import { emptyQuery, listMunicipalitiesQuery } from '../../routes/content-api/validation/municipalities';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const query = validateRequest(listMunicipalitiesQuery, ctx.query, 'query');
    ctx.body = await strapi.plugin('participation').service('municipality').find(query);
  },

  async findOne(ctx: any) {
    validateRequest(emptyQuery, ctx.query, 'query');
    const municipality = await strapi.plugin('participation').service('municipality').findByCode(ctx.params.municipalityCode);
    if (!municipality) throw new errors.NotFoundError('Municipality not found');
    ctx.body = { data: municipality };
  },
});
