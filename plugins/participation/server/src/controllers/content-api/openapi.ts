import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { openApiRoutes as routes } from '../../routes/content-api/openapi';
import { renderApiReference } from '../../openapi/reference-page';
import { handle } from './handle';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  document: handle(routes.document, async () => getService(strapi, 'openapi').document()),
  page: handle(routes.page, async (_input, ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    return renderApiReference(getService(strapi, 'openapi').document());
  }),
});
