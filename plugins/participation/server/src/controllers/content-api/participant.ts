import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validateRequest } from '../../utils/validate';
import { emptyQuery } from '../../routes/content-api/validation/municipalities';
import { UID } from '../../constants/uids';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Staff or a facilitator confirms in person that someone takes part in their municipality. */
  async verify(ctx: any) {
    validateRequest(emptyQuery, ctx.query, 'query');
    validateRequest(emptyQuery, ctx.request.body, 'body');
    const userId = Number(ctx.params.userId);
    const user = Number.isInteger(userId) ? await strapi.db.query(UID.user).findOne({ where: { id: userId }, select: ['id'] }) : null;
    if (!user) throw new errors.NotFoundError('Participant not found');
    await strapi.plugin('participation').service('participant-profile').verify(userId, ctx.params.municipalityCode);
    ctx.status = 204;
  },
});
