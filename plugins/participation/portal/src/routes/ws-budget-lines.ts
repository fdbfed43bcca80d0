import { createElement } from 'react';
import { z } from 'zod';
import { documentIdSchema } from '../../../server/src/routes/content-api/validation/common';
import { getService } from '../../../server/src/utils/get-service';
import type { BudgetLine } from '../../../shared/contracts/budget-lines';
import type { FieldErrors } from '../components/ErrorSummary';
import { portalRoute, text, type FormValues, type PortalContext } from '../http/portal-route';
import { BudgetLineDeletePage } from '../pages/BudgetLineDeletePage';
import { BudgetLineFormPage } from '../pages/BudgetLineFormPage';
import { BudgetLinesWorkspacePage, BUDGET_LINE_NOTICES } from '../pages/BudgetLinesWorkspacePage';
import { submitBudgetLine, valuesFromLine, type BudgetLineFormValues } from '../workspace/budget-line-form';
import { workspaceMunicipality } from '../workspace/workspace-municipality';

const PAGE_SIZE = 50;

const municipalityParams = z.object({ municipalityCode: z.string().max(32) });
const lineParams = municipalityParams.extend({ lineId: documentIdSchema });

const positiveInteger = (raw: string) => (/^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : undefined);

const listPath = (code: string, fiscalYear: number, done?: string) => `/workspace/${code}/budget-lines?year=${fiscalYear}${done ? `&done=${done}` : ''}`;

/** A line loaded by id for this path's municipality: a line of another municipality is not found. */
const lineIn = async (context: PortalContext, municipalityCode: string, lineId: string): Promise<BudgetLine> => {
  const budgetLines = getService(context.strapi, 'budget-line');
  await budgetLines.requireInMunicipality(municipalityCode, lineId);
  return budgetLines.findOne(lineId);
};

const formPage = async (
  context: PortalContext,
  code: string,
  form: { values: BudgetLineFormValues; errors: FieldErrors; line?: BudgetLine },
  status = 200
) => {
  const municipality = await workspaceMunicipality(context, code);
  const path = form.line ? `/budget-lines/${form.line.documentId}/edit` : '/budget-lines/new';
  return {
    title: context.i18n.t(form.line ? 'wsBudget.editTitle' : 'wsBudget.newTitle'),
    status,
    noStore: true,
    body: createElement(BudgetLineFormPage, { municipality, ...form, action: context.href(`/workspace/${code}${path}`) }),
  };
};

const deletePage = async (context: PortalContext, code: string, line: BudgetLine, refused = false) => ({
  title: context.i18n.t('wsBudget.deleteTitle', { code: line.code }),
  status: refused ? 409 : 200,
  noStore: true,
  body: createElement(BudgetLineDeletePage, { municipality: await workspaceMunicipality(context, code), line, refused }),
});

const newLineValues = (query: FormValues): BudgetLineFormValues => ({ fiscalYear: text(query, 'year') || String(new Date().getUTCFullYear()) });

/**
 * Staff's budget lines (issue #15, item 8): the lines of one fiscal year, a page at a time, and a form
 * to add, change or delete one, through the budget-line service and the API's own schema. The CSV
 * import is routes/ws-budget-import.ts.
 */
export const wsBudgetLineRoutes = [
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/budget-lines',
    actions: ['budget-line.find', 'budget-line.create'],
    params: municipalityParams,
    handle: async ({ params, query, context }) => {
      const municipality = await workspaceMunicipality(context, params.municipalityCode);
      const budgetLines = getService(context.strapi, 'budget-line');
      const years = await budgetLines.fiscalYears(municipality.code);
      const asked = positiveInteger(text(query, 'year'));
      const fiscalYear = asked !== undefined && years.includes(asked) ? asked : (years[0] ?? new Date().getUTCFullYear());
      const page = positiveInteger(text(query, 'page')) ?? 1;
      const lines = await budgetLines.find({ municipalityCode: municipality.code, fiscalYear }, { page, pageSize: PAGE_SIZE });
      return {
        title: context.i18n.t('wsBudget.title'),
        noStore: true,
        body: createElement(BudgetLinesWorkspacePage, {
          municipality,
          years,
          fiscalYear,
          lines,
          done: BUDGET_LINE_NOTICES.find((notice) => notice === text(query, 'done')),
        }),
      };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/budget-lines/new',
    actions: ['budget-line.create'],
    params: municipalityParams,
    handle: async ({ params, query, context }) => formPage(context, params.municipalityCode, { values: newLineValues(query), errors: {} }),
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/budget-lines/new',
    actions: ['budget-line.create'],
    params: municipalityParams,
    handle: async ({ params, form, context }) => {
      const code = params.municipalityCode;
      const outcome = await submitBudgetLine(form, (values) => getService(context.strapi, 'budget-line').create(code, values));
      if (outcome.line) return { redirect: context.href(listPath(code, outcome.line.fiscalYear, 'created')) };
      return formPage(context, code, { values: outcome.values, errors: outcome.fieldErrors }, outcome.status);
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/budget-lines/:lineId/edit',
    actions: ['budget-line.update'],
    params: lineParams,
    handle: async ({ params, context }) => {
      const line = await lineIn(context, params.municipalityCode, params.lineId);
      return formPage(context, params.municipalityCode, { values: valuesFromLine(line), errors: {}, line });
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/budget-lines/:lineId/edit',
    actions: ['budget-line.update'],
    params: lineParams,
    handle: async ({ params, form, context }) => {
      const code = params.municipalityCode;
      const line = await lineIn(context, code, params.lineId);
      const outcome = await submitBudgetLine(form, (values) => getService(context.strapi, 'budget-line').update(code, line.documentId, values));
      if (outcome.line) return { redirect: context.href(listPath(code, outcome.line.fiscalYear, 'saved')) };
      return formPage(context, code, { values: outcome.values, errors: outcome.fieldErrors, line }, outcome.status);
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/budget-lines/:lineId/delete',
    actions: ['budget-line.delete'],
    params: lineParams,
    handle: async ({ params, context }) => deletePage(context, params.municipalityCode, await lineIn(context, params.municipalityCode, params.lineId)),
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/budget-lines/:lineId/delete',
    actions: ['budget-line.delete'],
    params: lineParams,
    handle: async ({ params, context }) => {
      const code = params.municipalityCode;
      const line = await lineIn(context, code, params.lineId);
      try {
        await getService(context.strapi, 'budget-line').delete(code, line.documentId);
      } catch (error) {
        // Proposals or decisions refer to the line (services/budget-line.ts): said on the same page.
        if ((error as { status?: number }).status === 409) return deletePage(context, code, line, true);
        throw error;
      }
      return { redirect: context.href(listPath(code, line.fiscalYear, 'deleted')) };
    },
  }),
];
