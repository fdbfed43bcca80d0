import { createElement } from 'react';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import { DECIMAL_SEPARATORS, type DecimalSeparator } from '../../../server/src/domain/money/amount';
import type { PluginConfig } from '../../../server/src/config/schema';
import { getService } from '../../../server/src/utils/get-service';
import type { ImportBudgetLines } from '../../../shared/contracts/budget-lines';
import type { FieldErrors } from '../components/ErrorSummary';
import type { PortalUpload } from '../http/multipart-form';
import { portalRoute, text, type FormValues, type PortalContext } from '../http/portal-route';
import { BudgetImportFormPage, type BudgetImportFormValues } from '../pages/BudgetImportFormPage';
import { BudgetImportReportPage } from '../pages/BudgetImportReportPage';
import { workspaceMunicipality } from '../workspace/workspace-municipality';

const municipalityParams = z.object({ municipalityCode: z.string().max(32) });

type ImportInput = { csv: string; decimalSeparator?: DecimalSeparator; values: BudgetImportFormValues };

/**
 * The CSV from the form: an uploaded `file` or the `csv` pasted into the textarea, exactly one of them,
 * within the import's size limit; and the decimal separator, stated or left to the file. A refusal names
 * the field it is about.
 */
const importInput = (strapi: PortalContext['strapi'], form: FormValues, uploads: Record<string, PortalUpload>): ImportInput | { values: BudgetImportFormValues; fieldErrors: FieldErrors } => {
  const file = uploads.file;
  const pasted = text(form, 'csv');
  const separator = text(form, 'decimalSeparator');
  const values: BudgetImportFormValues = { csv: file?.text ?? pasted, decimalSeparator: separator };
  const fieldErrors: FieldErrors = {};
  const { maxBytes } = (strapi.config.get('plugin::participation') as PluginConfig).budgetLineImport;
  if (separator !== '' && !(DECIMAL_SEPARATORS as readonly string[]).includes(separator)) fieldErrors.decimalSeparator = 'wsBudget.error.decimalSeparator';
  if (file && pasted.trim() !== '') fieldErrors.file = 'wsBudget.error.fileAndText';
  else if (file?.tooLarge || Buffer.byteLength(values.csv) > maxBytes) fieldErrors[file ? 'file' : 'csv'] = 'wsBudget.error.tooLarge';
  else if (values.csv.trim() === '') fieldErrors.csv = 'wsBudget.error.csv';
  if (Object.keys(fieldErrors).length > 0) return { values: file?.tooLarge ? { ...values, csv: '' } : values, fieldErrors };
  return { csv: values.csv, decimalSeparator: (separator || undefined) as DecimalSeparator | undefined, values };
};

const formPage = async (context: PortalContext, code: string, options: { values?: BudgetImportFormValues; errors?: FieldErrors; problems?: ImportBudgetLines.Problem[]; conflict?: boolean }, status = 200) => ({
  title: context.i18n.t('wsBudget.importTitle'),
  status,
  noStore: true,
  body: createElement(BudgetImportFormPage, {
    municipality: await workspaceMunicipality(context, code),
    values: options.values ?? { csv: '', decimalSeparator: '' },
    errors: options.errors ?? {},
    problems: options.problems ?? [],
    conflict: options.conflict ?? false,
  }),
});

/** A report that found problems: the form again (400) with the CSV kept to fix in place, and each problem by line and column. */
const problemsPage = (context: PortalContext, code: string, input: ImportInput, report: ImportBudgetLines.Report) =>
  formPage(context, code, { values: input.values, errors: { csv: 'wsBudget.error.csvProblems' }, problems: report.problems }, 400);

/**
 * The CSV import of budget lines (issue #15, item 8): the file or pasted text goes through the
 * budget-line-import service as a dry run first, which shows every change with the old and new value
 * of each changed field; applying it sends the same CSV again, and the service checks it again and
 * writes all of it in one transaction or nothing.
 */
export const wsBudgetImportRoutes = [
  portalRoute({
    method: 'GET',
    path: '/workspace/:municipalityCode/budget-lines/import',
    actions: ['budget-line.import'],
    params: municipalityParams,
    handle: async ({ params, context }) => formPage(context, params.municipalityCode, {}),
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/budget-lines/import',
    actions: ['budget-line.import'],
    params: municipalityParams,
    handle: async ({ params, form, uploads, context }) => {
      const code = params.municipalityCode;
      const input = importInput(context.strapi, form, uploads);
      if ('fieldErrors' in input) return formPage(context, code, { values: input.values, errors: input.fieldErrors }, 400);
      const report = await getService(context.strapi, 'budget-line-import').import({ municipalityCode: code, csv: input.csv, dryRun: true, decimalSeparator: input.decimalSeparator });
      if (!report.valid) return problemsPage(context, code, input, report);
      return {
        title: context.i18n.t('wsBudget.reportTitle'),
        noStore: true,
        body: createElement(BudgetImportReportPage, {
          municipality: await workspaceMunicipality(context, code),
          report,
          // The same CSV and separator go to the apply step; the report's separator is the one the file showed.
          hidden: { csv: input.csv, decimalSeparator: report.decimalSeparator },
        }),
      };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/workspace/:municipalityCode/budget-lines/import/apply',
    actions: ['budget-line.import'],
    params: municipalityParams,
    handle: async ({ params, form, uploads, context }) => {
      const code = params.municipalityCode;
      const input = importInput(context.strapi, form, uploads);
      if ('fieldErrors' in input) return formPage(context, code, { values: input.values, errors: input.fieldErrors }, 400);
      let report: ImportBudgetLines.Report;
      try {
        report = await getService(context.strapi, 'budget-line-import').import({ municipalityCode: code, csv: input.csv, dryRun: false, decimalSeparator: input.decimalSeparator });
      } catch (error) {
        // Refused as a whole (the service wrote nothing): the CSV no longer passes, or another import ran at the same time.
        if (error instanceof errors.ValidationError) return problemsPage(context, code, input, error.details as ImportBudgetLines.Report);
        if (error instanceof errors.ApplicationError) return formPage(context, code, { values: input.values, conflict: true }, 409);
        throw error;
      }
      const years = [...new Set(report.changes.map((change) => change.fiscalYear))].sort((a, b) => b - a);
      return { redirect: context.href(`/workspace/${code}/budget-lines?${years.length > 0 ? `year=${years[0]}&` : ''}done=imported`) };
    },
  }),
];
