import type { z } from 'zod';
import { budgetLineInputSchema, BUDGET_LINE_FIELDS, type BudgetLineField, type BudgetLineValues } from '../../../server/src/domain/budget-lines/budget-line-input';
import type { BudgetLine } from '../../../shared/contracts/budget-lines';
import type { FieldErrors } from '../components/ErrorSummary';
import type { MessageKey } from '../i18n/translator';
import type { FormValues } from '../http/portal-route';
import { fieldErrorsFor, refusedPaths, zodIssuePaths } from './form-errors';

/** The budget-line form as typed: every field a string, kept when the form comes back with errors. */
export type BudgetLineFormValues = Partial<Record<BudgetLineField, string>>;

/** What each field needs, in the page's language (also the words for a CSV cell the import refused). */
export const BUDGET_LINE_FIELD_ERRORS: Record<BudgetLineField, MessageKey> = {
  fiscalYear: 'wsBudget.error.fiscalYear',
  code: 'wsBudget.error.code',
  name: 'wsBudget.error.name',
  programme: 'wsBudget.error.programme',
  functionalClassification: 'wsBudget.error.functionalClassification',
  approved: 'wsBudget.error.amount',
  revised: 'wsBudget.error.amount',
  committed: 'wsBudget.error.amount',
  spent: 'wsBudget.error.amount',
  genderMarker: 'wsBudget.error.genderMarker',
  youthMarker: 'wsBudget.error.youthMarker',
  sdgTargets: 'wsBudget.error.sdgTargets',
};

/** Each field's label: the form's and the import report's column of old and new values. */
export const BUDGET_LINE_FIELD_LABELS: Record<BudgetLineField, MessageKey> = {
  fiscalYear: 'wsBudget.field.fiscalYear',
  code: 'wsBudget.field.code',
  name: 'wsBudget.field.name',
  programme: 'wsBudget.field.programme',
  functionalClassification: 'wsBudget.field.functionalClassification',
  approved: 'budget.approved',
  revised: 'budget.revised',
  committed: 'budget.committed',
  spent: 'budget.spent',
  genderMarker: 'budget.genderMarker',
  youthMarker: 'budget.youthMarker',
  sdgTargets: 'wsBudget.field.sdgTargets',
};

export const isBudgetLineField = (name: string): name is BudgetLineField => (BUDGET_LINE_FIELDS as readonly string[]).includes(name);

export const budgetLineFormValues = (form: FormValues): BudgetLineFormValues =>
  Object.fromEntries(BUDGET_LINE_FIELDS.map((field) => [field, typeof form[field] === 'string' ? (form[field] as string) : undefined]));

export const valuesFromLine = (line: BudgetLine): BudgetLineFormValues => ({
  fiscalYear: String(line.fiscalYear),
  code: line.code,
  name: line.name,
  programme: line.programme ?? '',
  functionalClassification: line.functionalClassification ?? '',
  approved: line.amounts.approved,
  revised: line.amounts.revised,
  committed: line.amounts.committed,
  spent: line.amounts.spent,
  genderMarker: line.genderMarker,
  youthMarker: line.youthMarker,
  sdgTargets: line.sdgTargets.join(' '),
});

type Outcome = { line: BudgetLine; values?: never } | { line?: never; values: BudgetLineFormValues; fieldErrors: FieldErrors; status: 400 | 409 };

/** After the schema has accepted the form, the service refuses a field only for a code the year already has. */
const SERVICE_REFUSALS: Record<BudgetLineField, MessageKey> = { ...BUDGET_LINE_FIELD_ERRORS, code: 'wsBudget.error.codeTaken' };

/**
 * Checks the form with the API's own schema (the same one a JSON body and a CSV row go through), then
 * lets the service write; a field refused by either comes back beside that field, nothing written. A
 * line that proposals or decisions refer to keeps its year and code (409, said beside the code).
 */
export const submitBudgetLine = async (form: FormValues, write: (values: BudgetLineValues) => Promise<BudgetLine>): Promise<Outcome> => {
  const values = budgetLineFormValues(form);
  // Only the form's own fields reach the strict schema; a field left out is absent, not an empty string.
  const candidate = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  const parsed = (budgetLineInputSchema() as z.ZodType<BudgetLineValues>).safeParse(candidate);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsFor(BUDGET_LINE_FIELD_ERRORS, zodIssuePaths(parsed.error)), status: 400 };
  try {
    return { line: await write(parsed.data) };
  } catch (error) {
    if ((error as { status?: number }).status === 409) return { values, fieldErrors: { code: 'wsBudget.error.keyReferenced' }, status: 409 };
    const paths = refusedPaths(error);
    if (!paths) throw error;
    return { values, fieldErrors: fieldErrorsFor(SERVICE_REFUSALS, paths), status: 400 };
  }
};
