import type { Core } from '@strapi/strapi';
import { validateRequest } from '../../utils/validate';
import { importBudgetLinesQuery } from '../../routes/content-api/validation/budget-lines';
import { readCsvFromRequest } from '../content-api/budget-line';

/** The admin panel's CSV import screen: the same import as the content API, for Strapi admin users. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async listMunicipalities(ctx: any) {
    ctx.body = await strapi.plugin('participation').service('municipality').find({ page: 1, pageSize: 100 });
  },

  async import(ctx: any) {
    const { dryRun, decimalSeparator } = validateRequest(importBudgetLinesQuery, ctx.query, 'query');
    const { municipalityCode } = ctx.params;
    await strapi.plugin('participation').service('municipality').requireByCode(municipalityCode, 'municipalityCode');
    const csv = await readCsvFromRequest(ctx);
    const report = await strapi
      .plugin('participation')
      .service('budget-line-import')
      .import({ municipalityCode, csv, dryRun, decimalSeparator });
    ctx.body = { data: report };
  },
});
