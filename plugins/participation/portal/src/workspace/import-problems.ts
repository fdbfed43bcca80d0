import { fieldForHeader } from '../../../server/src/domain/budget-lines/csv-import';
import type { BudgetLineField } from '../../../server/src/domain/budget-lines/budget-line-input';
import type { ImportBudgetLines } from '../../../shared/contracts/budget-lines';
import type { MessageKey } from '../i18n/translator';
import { BUDGET_LINE_FIELD_ERRORS, isBudgetLineField } from './budget-line-form';

/** Where a cell differs from the form: the file's own rules (once per year, one decimal separator). */
const CELL_MESSAGES: Partial<Record<BudgetLineField, MessageKey>> = {
  code: 'wsBudget.csv.code',
  approved: 'wsBudget.csv.amount',
  revised: 'wsBudget.csv.amount',
  committed: 'wsBudget.csv.amount',
  spent: 'wsBudget.csv.amount',
};

/**
 * What an import problem (line, column as written, the service's English message) means, in the page's
 * language: the header row, the file as a whole, a row's shape, or a cell of a known column.
 */
export const importProblemMessage = (problem: ImportBudgetLines.Problem): MessageKey => {
  if (problem.field === 'file') return 'wsBudget.csv.file';
  if (problem.field === 'row') return 'wsBudget.csv.row';
  if (problem.line <= 1) return 'wsBudget.csv.header';
  const field = isBudgetLineField(problem.field) ? problem.field : fieldForHeader(problem.field);
  if (!field) return 'wsBudget.csv.cell';
  return CELL_MESSAGES[field] ?? BUDGET_LINE_FIELD_ERRORS[field];
};

/** The field an import's changed value belongs to (`revisedMinor` is the `revised` column). */
export const changedField = (field: string): BudgetLineField | undefined => {
  const name = field.replace(/Minor$/, '');
  return isBudgetLineField(name) ? name : undefined;
};
