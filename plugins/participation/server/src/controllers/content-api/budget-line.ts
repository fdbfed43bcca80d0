import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { csvFromRequest } from '../../utils/uploaded-csv';
import { budgetLineRoutes as routes } from '../../routes/content-api/budget-lines';
import { handle } from './handle';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const budgetLines = () => getService(strapi, 'budget-line');

  return {
    find: handle(routes.find, async ({ query: { municipality, page, pageSize, sort, ...filters } }) =>
      budgetLines().find({ ...filters, municipalityCode: municipality }, { page, pageSize }, sort)
    ),
    findOne: handle(routes.findOne, async ({ params }) => ({ data: await budgetLines().findOne(params.documentId) })),
    create: handle(routes.create, async ({ params, body }) => ({ data: await budgetLines().create(params.municipalityCode, body.data) })),
    update: handle(routes.update, async ({ params, body }) => ({
      data: await budgetLines().update(params.municipalityCode, params.documentId, body.data),
    })),
    delete: handle(routes.delete, async ({ params }) => budgetLines().delete(params.municipalityCode, params.documentId)),
    import: handle(routes.import, async ({ params, query, body }, ctx) => ({
      data: await getService(strapi, 'budget-line-import').import({
        municipalityCode: params.municipalityCode,
        csv: await csvFromRequest(body.csv, ctx.request.files),
        ...query,
      }),
    })),
  };
};
