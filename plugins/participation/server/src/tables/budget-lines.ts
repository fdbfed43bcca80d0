import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import type { BudgetLineValues } from '../domain/budget-lines/budget-line-input';
import { columnOf, tableOf } from './metadata';

/**
 * The budget lines' table, owned by services/budget-line.ts, which writes it through the Document Service
 * and sums its amounts with one knex query (the Document Service has no aggregates).
 */
export const budgetLineTables = (strapi: Core.Strapi) => ({
  lines: tableOf(strapi, UID.budgetLine),
  column: (attribute: string) => columnOf(strapi, UID.budgetLine, attribute),
});

/** A budget line as the Document Service returns it: its values (`sdgTargets`, JSON, is read with readJson) and where it belongs. */
export interface BudgetLineRow extends Omit<BudgetLineValues, 'sdgTargets'> {
  id: number;
  documentId: string;
  municipalityCode: string;
  sdgTargets: unknown;
}
