import { MILESTONE_STATUSES } from '../../../server/src/domain/implementation/milestones';
import { implementationBody, type ImplementationBody } from '../../../server/src/routes/content-api/validation/decisions';
import type { ProjectImplementation } from '../../../shared/contracts/decisions';
import type { FieldErrors } from '../components/ErrorSummary';
import { text, type FormValues } from '../http/portal-route';
import type { MessageKey } from '../i18n/translator';
import { fieldErrorsFor } from './form-errors';

/** One milestone row of the form as typed; `remove` ticks an existing one off. */
export interface MilestoneRow {
  title: string;
  dueDate: string;
  status: string;
  doneDate: string;
  remove: boolean;
}

export interface ImplementationFormValues {
  progressPercent: string;
  spent: string;
  milestones: MilestoneRow[];
}

/** The API takes at most 100 milestones; one more row is the blank one for adding. */
const MAX_ROWS = 101;
const MILESTONE_FIELDS = ['title', 'dueDate', 'status', 'doneDate'] as const;

/** A milestone field's name and id in the form: `milestone-2-dueDate`. */
export const milestoneField = (row: number, field: (typeof MILESTONE_FIELDS)[number] | 'remove') => `milestone-${row}-${field}`;

const BLANK_ROW: MilestoneRow = { title: '', dueDate: '', status: 'planned', doneDate: '', remove: false };

/** The stored state as the form shows it, with a blank row to add a milestone. */
export const valuesFromImplementation = (implementation: ProjectImplementation): ImplementationFormValues => ({
  progressPercent: String(implementation.progressPercent),
  spent: implementation.spent,
  milestones: [
    ...implementation.milestones.map((milestone) => ({ title: milestone.title, dueDate: milestone.dueDate, status: milestone.status, doneDate: milestone.doneDate ?? '', remove: false })),
    BLANK_ROW,
  ],
});

export const implementationValuesOf = (form: FormValues): ImplementationFormValues => {
  const rows = Math.min(Math.max(Number.parseInt(text(form, 'milestoneRows'), 10) || 0, 0), MAX_ROWS);
  return {
    progressPercent: text(form, 'progressPercent'),
    spent: text(form, 'spent'),
    milestones: Array.from({ length: rows }, (_, row) => ({
      title: text(form, milestoneField(row, 'title')),
      dueDate: text(form, milestoneField(row, 'dueDate')),
      status: text(form, milestoneField(row, 'status')) || 'planned',
      doneDate: text(form, milestoneField(row, 'doneDate')),
      remove: text(form, milestoneField(row, 'remove')) === 'yes',
    })),
  };
};

/** A row left blank (the one for adding) or ticked off is not sent. */
const isSent = (row: MilestoneRow) => !row.remove && [row.title, row.dueDate, row.doneDate].some((value) => value.trim() !== '');

const messagesFor = (rows: number): Record<string, MessageKey> => ({
  progressPercent: 'wsImplementation.error.progressPercent',
  spent: 'wsImplementation.error.spent',
  milestones: 'wsImplementation.error.milestones',
  ...Object.fromEntries(
    Array.from({ length: rows }, (_, row) => MILESTONE_FIELDS.map((field) => [milestoneField(row, field), `wsImplementation.error.${field}` as MessageKey])).flat()
  ),
});

/**
 * The form as the API's whole-state body, judged by the API's own schema; an error in the n-th milestone
 * sent goes beside the row it came from.
 */
export const checkImplementation = (values: ImplementationFormValues): { update: ImplementationBody } | { errors: FieldErrors } => {
  const sentRows = values.milestones.map((row, index) => ({ row, index })).filter(({ row }) => isSent(row));
  const percent = values.progressPercent.trim();
  const body = {
    data: {
      progressPercent: percent === '' ? undefined : /^\d{1,3}$/.test(percent) ? Number(percent) : percent,
      spent: values.spent.trim() === '' ? undefined : values.spent.trim(),
      milestones: sentRows.map(({ row }) => ({
        title: row.title,
        dueDate: row.dueDate.trim(),
        status: row.status,
        doneDate: row.doneDate.trim() === '' ? null : row.doneDate.trim(),
      })),
    },
  };
  const parsed = implementationBody.safeParse(body);
  if (parsed.success) return { update: parsed.data.data };
  const fields = parsed.error.issues.map(({ path }) => {
    const [, field, position, milestoneFieldName] = path;
    if (field !== 'milestones' || typeof position !== 'number') return field;
    return milestoneField(sentRows[position].index, (milestoneFieldName ?? 'title') as (typeof MILESTONE_FIELDS)[number]);
  });
  return { errors: fieldErrorsFor(messagesFor(values.milestones.length), fields) };
};

/** A refusal by the service naming a field (`data.spent`: more than funded) as the form's error. */
export const refusedImplementationFields = (paths: readonly string[][]) =>
  fieldErrorsFor(messagesFor(0), paths.map((path) => (path[0] === 'data' ? path[1] : path[0])));

export { MILESTONE_STATUSES };
