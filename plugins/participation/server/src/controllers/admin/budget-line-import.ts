import type { Core } from '@strapi/strapi';
import { validateRequest } from '../../utils/validate';
import { getService } from '../../utils/get-service';
import { csvFromRequest } from '../../utils/uploaded-csv';
import type { Context } from 'koa';
import { budgetLineCsvBodySchema, budgetLineImportOptionsSchema } from '../../domain/budget-lines/import-options';

/** The admin panel's CSV import screen: the same import as the content API, for Strapi admin users. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async import(ctx: Context) {
    const options = validateRequest(budgetLineImportOptionsSchema, ctx.query, 'query');
    const { csv } = validateRequest(budgetLineCsvBodySchema, ctx.request.body, 'body');
    const municipalityCode = ctx.params.municipalityCode as string;
    await getService(strapi, 'municipality').requireByCode(municipalityCode, 'municipalityCode');
    const report = await getService(strapi, 'budget-line-import').import({
      municipalityCode,
      csv: await csvFromRequest(csv, ctx.request.files as never),
      ...options,
    });
    ctx.body = { data: report };
  },
});
