import { formatMinor } from '../money/amount';
import type { BudgetLineField, BudgetLineValues } from './budget-line-input';

export interface ExistingBudgetLine extends BudgetLineValues {
  documentId: string;
}

export interface BudgetLineImportPlan {
  create: Array<{ line: number; values: BudgetLineValues }>;
  /** `values` holds only the changed fields; `diff` their old and new values (amounts as decimal strings). */
  update: Array<{ line: number; documentId: string; code: string; fiscalYear: number; values: Partial<BudgetLineValues>; changedFields: ComparedField[]; diff: FieldChange[] }>;
  unchanged: Array<{ line: number; documentId: string }>;
}

/** Each compared value and the column it is read from. */
const COMPARED_FIELDS = {
  name: 'name',
  programme: 'programme',
  functionalClassification: 'functionalClassification',
  approvedMinor: 'approved',
  revisedMinor: 'revised',
  committedMinor: 'committed',
  spentMinor: 'spent',
  genderMarker: 'genderMarker',
  youthMarker: 'youthMarker',
  sdgTargets: 'sdgTargets',
} as const satisfies Partial<Record<keyof BudgetLineValues, BudgetLineField>>;
type ComparedField = keyof typeof COMPARED_FIELDS;

export interface FieldChange {
  field: ComparedField;
  old: string | string[] | null;
  new: string | string[] | null;
}

const shown = (field: ComparedField, value: BudgetLineValues[ComparedField] | undefined) =>
  value === undefined || value === null ? null : field.endsWith('Minor') ? formatMinor(value as string) : value;

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Matches imported rows to existing lines by (fiscal year, code). Lines absent from the file are left
 * alone: an import adds and corrects, it never deletes. Columns absent from the file are left alone on
 * existing lines (a new line takes their defaults). Re-importing the same file plans nothing.
 */
export const planBudgetLineImport = (
  rows: Array<{ line: number; values: BudgetLineValues }>,
  existing: readonly ExistingBudgetLine[],
  columns: readonly BudgetLineField[]
): BudgetLineImportPlan => {
  const byKey = new Map(existing.map((line) => [`${line.fiscalYear}/${line.code}`, line]));
  const compared = (Object.keys(COMPARED_FIELDS) as ComparedField[]).filter((field) => columns.includes(COMPARED_FIELDS[field]));
  const plan: BudgetLineImportPlan = { create: [], update: [], unchanged: [] };
  for (const { line, values } of rows) {
    const current = byKey.get(`${values.fiscalYear}/${values.code}`);
    if (!current) {
      plan.create.push({ line, values });
      continue;
    }
    const changedFields = compared.filter((field) => !sameValue(current[field], values[field]));
    if (changedFields.length === 0) plan.unchanged.push({ line, documentId: current.documentId });
    else
      plan.update.push({
        line,
        documentId: current.documentId,
        code: values.code,
        fiscalYear: values.fiscalYear,
        values: Object.fromEntries(changedFields.map((field) => [field, values[field]])),
        changedFields,
        diff: changedFields.map((field) => ({ field, old: shown(field, current[field]), new: shown(field, values[field]) })),
      });
  }
  return plan;
};
