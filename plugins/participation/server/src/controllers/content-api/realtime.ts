import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { validateRequest } from '../../utils/validate';
import { decideRoomAccess } from '../../domain/access/realtime-rooms';

const eventsAfterQuery = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Catch-up after a reconnect, under the same room rules as the socket. */
  async eventsAfter(ctx: any) {
    const { after, limit } = validateRequest(eventsAfterQuery, ctx.query, 'query');
    const { room } = ctx.params;
    const actor = await strapi.plugin('participation').service('access').actorFor(ctx.state.user);
    const decision = decideRoomAccess(room, actor);
    if (!decision.allowed) throw new errors.PolicyError(decision.reason);
    ctx.body = await strapi.plugin('participation').service('events').eventsAfter(room, after, limit);
  },
});
