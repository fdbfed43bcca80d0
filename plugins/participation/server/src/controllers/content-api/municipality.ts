import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { municipalityRoutes as routes } from '../../routes/content-api/municipalities';
import { handle } from './handle';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const municipalities = () => getService(strapi, 'municipality');
  return {
    find: handle(routes.find, async ({ query }) => municipalities().find(query)),
    findOne: handle(routes.findOne, async ({ params }) => ({ data: await municipalities().getByCode(params.municipalityCode) })),
  };
};
