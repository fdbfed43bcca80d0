import { z } from 'zod';
import { budgetLineAnswerSchema, budgetLineListSchema, importAnswerSchema } from '../../../../shared/contracts/budget-lines';
import { budgetLineCsvBodySchema, budgetLineImportOptionsSchema } from '../../domain/budget-lines/import-options';
import { declareRoute } from './declare-route';
import { budgetLineBody, listBudgetLinesQuery } from './validation/budget-lines';

export const budgetLineRoutes = {
  find: declareRoute({
    method: 'GET',
    path: '/budget-lines',
    action: 'budget-line.find',
    summary: 'Budget lines, filtered and sorted, with the totals of all that match',
    query: listBudgetLinesQuery,
    response: budgetLineListSchema,
  }),
  findOne: declareRoute({
    method: 'GET',
    path: '/budget-lines/:documentId',
    action: 'budget-line.findOne',
    summary: 'One budget line',
    response: budgetLineAnswerSchema,
  }),
  create: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/budget-lines',
    action: 'budget-line.create',
    summary: "Add a line to the municipality's budget",
    body: budgetLineBody,
    response: budgetLineAnswerSchema,
    status: 201,
  }),
  update: declareRoute({
    method: 'PUT',
    path: '/municipalities/:municipalityCode/budget-lines/:documentId',
    action: 'budget-line.update',
    summary: 'Change a budget line (all its fields)',
    body: budgetLineBody,
    response: budgetLineAnswerSchema,
  }),
  delete: declareRoute({
    method: 'DELETE',
    path: '/municipalities/:municipalityCode/budget-lines/:documentId',
    action: 'budget-line.delete',
    summary: 'Delete a budget line no proposal, decision or round refers to',
    response: z.undefined(),
    status: 204,
  }),
  import: declareRoute({
    method: 'POST',
    path: '/municipalities/:municipalityCode/budget-lines/import',
    action: 'budget-line.import',
    summary: 'Import budget lines from CSV (JSON `{ csv }` or a multipart `file`); `dryRun=true` only reports',
    query: budgetLineImportOptionsSchema,
    body: budgetLineCsvBodySchema,
    response: importAnswerSchema,
  }),
};
