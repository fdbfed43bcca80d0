import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { realtimeRoutes as routes } from '../../routes/content-api/realtime';
import { handle } from './handle';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  eventsAfter: handle(routes.eventsAfter, async ({ params, query }, ctx) =>
    getService(strapi, 'realtime').eventsAfter(ctx.state.user, params.room, query.after, query.limit)
  ),
});
