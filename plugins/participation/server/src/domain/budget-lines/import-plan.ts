import type { BudgetLineValues } from './budget-line-input';

export interface ExistingBudgetLine extends BudgetLineValues {
  documentId: string;
}

export interface BudgetLineImportPlan {
  create: Array<{ line: number; values: BudgetLineValues }>;
  update: Array<{ line: number; documentId: string; values: BudgetLineValues; changedFields: string[] }>;
  unchanged: Array<{ line: number; documentId: string }>;
}

const COMPARED_FIELDS = [
  'name',
  'programme',
  'functionalClassification',
  'approvedMinor',
  'revisedMinor',
  'committedMinor',
  'spentMinor',
  'genderMarker',
  'youthMarker',
  'sdgTargets',
] as const satisfies ReadonlyArray<keyof BudgetLineValues>;

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Matches imported rows to existing lines by (fiscal year, code). Lines absent from the file are left
 * alone: an import adds and corrects, it never deletes. Re-importing the same file plans nothing.
 */
export const planBudgetLineImport = (
  rows: Array<{ line: number; values: BudgetLineValues }>,
  existing: readonly ExistingBudgetLine[]
): BudgetLineImportPlan => {
  const byKey = new Map(existing.map((line) => [`${line.fiscalYear}/${line.code}`, line]));
  const plan: BudgetLineImportPlan = { create: [], update: [], unchanged: [] };
  for (const { line, values } of rows) {
    const current = byKey.get(`${values.fiscalYear}/${values.code}`);
    if (!current) {
      plan.create.push({ line, values });
      continue;
    }
    const changedFields = COMPARED_FIELDS.filter((field) => !sameValue(current[field], values[field]));
    if (changedFields.length === 0) plan.unchanged.push({ line, documentId: current.documentId });
    else plan.update.push({ line, documentId: current.documentId, values, changedFields });
  }
  return plan;
};
