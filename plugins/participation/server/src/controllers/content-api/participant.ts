import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { participantRoutes as routes } from '../../routes/content-api/participants';
import { handle } from './handle';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  verify: handle(routes.verify, async ({ params }) => {
    await getService(strapi, 'participant-profile').verify(params.userId, params.municipalityCode);
  }),
});
