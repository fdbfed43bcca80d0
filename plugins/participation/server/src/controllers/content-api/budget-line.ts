import { readFile } from 'fs/promises';
import type { Core } from '@strapi/strapi';
import { validateRequest } from '../../utils/validate';
import { emptyQuery } from '../../routes/content-api/validation/municipalities';
import {
  budgetLineBody,
  importBudgetLinesBody,
  importBudgetLinesQuery,
  listBudgetLinesQuery,
} from '../../routes/content-api/validation/budget-lines';

/** The CSV arrives as a JSON `{ csv }` body or as a multipart upload in a `file` field. */
export const readCsvFromRequest = async (ctx: any): Promise<string> => {
  const file = ctx.request.files?.file;
  if (file) {
    validateRequest(emptyQuery, ctx.request.body, 'body');
    return readFile((Array.isArray(file) ? file[0] : file).filepath, 'utf8');
  }
  return validateRequest(importBudgetLinesBody, ctx.request.body, 'body').csv;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const budgetLines = () => strapi.plugin('participation').service('budget-line');

  return {
    async find(ctx: any) {
      const { municipality, page, pageSize, sort, ...filters } = validateRequest(listBudgetLinesQuery, ctx.query, 'query');
      if (municipality) await strapi.plugin('participation').service('municipality').requireByCode(municipality, 'municipality');
      ctx.body = await budgetLines().find({ ...filters, municipalityCode: municipality }, { page, pageSize }, sort);
    },

    async findOne(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      ctx.body = { data: await budgetLines().findOne(ctx.params.documentId) };
    },

    async create(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(budgetLineBody, ctx.request.body, 'body');
      ctx.status = 201;
      ctx.body = { data: await budgetLines().create(ctx.params.municipalityCode, data) };
    },

    async update(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      const { data } = validateRequest(budgetLineBody, ctx.request.body, 'body');
      ctx.body = { data: await budgetLines().update(ctx.params.municipalityCode, ctx.params.documentId, data) };
    },

    async delete(ctx: any) {
      validateRequest(emptyQuery, ctx.query, 'query');
      await budgetLines().delete(ctx.params.municipalityCode, ctx.params.documentId);
      ctx.status = 204;
    },

    async import(ctx: any) {
      const { dryRun, decimalSeparator } = validateRequest(importBudgetLinesQuery, ctx.query, 'query');
      const csv = await readCsvFromRequest(ctx);
      const report = await strapi
        .plugin('participation')
        .service('budget-line-import')
        .import({ municipalityCode: ctx.params.municipalityCode, csv, dryRun, decimalSeparator });
      ctx.body = { data: report };
    },
  };
};
