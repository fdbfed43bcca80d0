import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ImportBudgetLines } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { parseBudgetLineCsv } from '../domain/budget-lines/csv-import';
import { planBudgetLineImport } from '../domain/budget-lines/import-plan';
import type { DecimalSeparator } from '../domain/money/amount';
import type { PluginConfig } from '../config/schema';
import { isUniqueViolation } from '../utils/database-errors';
import { getService } from '../utils/get-service';
import type { UpdateData } from '../utils/update-data';

export interface ImportRequest {
  municipalityCode: string;
  csv: string;
  dryRun: boolean;
  /** When absent, read from the file's amounts. */
  decimalSeparator?: DecimalSeparator;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Dry run: report every problem and every change, write nothing. Real import: refuse the whole file
   * (400 with the same report) if any row is bad; otherwise apply all changes in one transaction.
   */
  async import({ municipalityCode, csv, dryRun, decimalSeparator }: ImportRequest): Promise<ImportBudgetLines.Report> {
    const config = strapi.config.get('plugin::participation') as PluginConfig;
    if (Buffer.byteLength(csv) > config.budgetLineImport.maxBytes) {
      throw new errors.PayloadTooLargeError(`csv: larger than ${config.budgetLineImport.maxBytes} bytes`);
    }
    const parsed = parseBudgetLineCsv(csv, { decimalSeparator, maxRows: config.budgetLineImport.maxRows });
    const years = [...new Set(parsed.rows.map((row) => row.values.fiscalYear))];
    const existing = await getService(strapi, 'budget-line').findForMunicipality(municipalityCode, years);
    const plan = planBudgetLineImport(parsed.rows, existing, parsed.columns);

    const report: ImportBudgetLines.Report = {
      dryRun,
      valid: parsed.problems.length === 0,
      decimalSeparator: parsed.decimalSeparator,
      rows: parsed.rows.length + new Set(parsed.problems.filter((p) => p.line > 1).map((p) => p.line)).size,
      created: plan.create.length,
      updated: plan.update.length,
      unchanged: plan.unchanged.length,
      problems: parsed.problems,
      changes: [
        ...plan.create.map(({ line, values }) => ({ line, code: values.code, fiscalYear: values.fiscalYear, action: 'create' as const })),
        ...plan.update.map(({ line, code, fiscalYear, changedFields, diff }) => ({
          line,
          code,
          fiscalYear,
          action: 'update' as const,
          fields: changedFields,
          diff,
        })),
      ].sort((a, b) => a.line - b.line),
    };
    if (dryRun) return report;
    if (!report.valid) {
      throw new errors.ValidationError(
        `The CSV has ${parsed.problems.length} problem(s); nothing was imported. First: line ${parsed.problems[0].line}, ${parsed.problems[0].field}: ${parsed.problems[0].message}`,
        report
      );
    }

    const documents = strapi.documents(UID.budgetLine);
    try {
      await strapi.db.transaction(async () => {
        for (const { values } of plan.create) {
          await documents.create({ data: { ...values, municipalityCode } });
        }
        for (const { documentId, values } of plan.update) {
          await documents.update({ documentId, data: values as UpdateData<typeof UID.budgetLine> });
        }
      });
    } catch (error) {
      // A concurrent import created the same code between planning and writing; the transaction rolled back.
      if (isUniqueViolation(error)) {
        throw new errors.ApplicationError('Another import changed these budget lines at the same time; nothing was imported. Try again.');
      }
      throw error;
    }
    if (report.created + report.updated > 0) {
      await getService(strapi, 'events').publish('budget-line.changed', `municipality:${municipalityCode}:budget`, {
        municipalityCode,
        change: 'imported',
        imported: { created: report.created, updated: report.updated },
      });
    }
    return report;
  },
});
