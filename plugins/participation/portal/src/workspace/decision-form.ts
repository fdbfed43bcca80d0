import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { decisionBody, type DecisionBody } from '../../../server/src/routes/content-api/validation/decisions';
import { DECISION_KINDS_NEEDING_AMOUNT } from '../../../server/src/domain/decision-log/decision-kinds';
import { getService } from '../../../server/src/utils/get-service';
import type { DecisionLogEntry } from '../../../shared/contracts/decisions';
import type { FieldErrors } from '../components/ErrorSummary';
import { text, type FormValues } from '../http/portal-route';
import type { MessageKey } from '../i18n/translator';
import { fieldErrorsFor } from './form-errors';

/** The decision form's fields as typed; `subject` and `budgetLine` are each one choice encoding what they name. */
export interface DecisionFormValues {
  kind?: string;
  subject?: string;
  amount?: string;
  budgetLine?: string;
  councilDecisionReference?: string;
  decisionDate?: string;
  rationale?: string;
  correctsEntry?: string;
}

export const DECISION_FIELDS = ['kind', 'subject', 'amount', 'budgetLine', 'councilDecisionReference', 'decisionDate', 'rationale', 'correctsEntry'] as const;

const FIELD_MESSAGES: Record<(typeof DECISION_FIELDS)[number], MessageKey> = {
  kind: 'wsDecisions.error.kind',
  subject: 'wsDecisions.error.subject',
  amount: 'wsDecisions.error.amount',
  budgetLine: 'wsDecisions.error.budgetLine',
  councilDecisionReference: 'wsDecisions.error.councilDecisionReference',
  decisionDate: 'wsDecisions.error.decisionDate',
  rationale: 'wsDecisions.error.rationale',
  correctsEntry: 'wsDecisions.error.correctsEntry',
};

export const decisionValuesOf = (form: FormValues): DecisionFormValues => Object.fromEntries(DECISION_FIELDS.map((field) => [field, text(form, field)]));

/** A budget line as one choice: `2026:0950-01` (the year first: codes are free text). */
export const lineChoice = (line: { code: string; fiscalYear: number }) => `${line.fiscalYear}:${line.code}`;
const readLineChoice = (value: string) => {
  const match = /^(\d{4}):(.+)$/.exec(value);
  return match ? { code: match[2], fiscalYear: Number(match[1]) } : undefined;
};

/** What a decision decides on, as one choice: `proposal:<id>`, `round:<id>` or `budget-line:<year>:<code>`. */
export const subjectChoice = (subject: DecisionLogEntry['decision']['subject']) =>
  subject.kind === 'budget-line' ? `budget-line:${lineChoice(subject)}` : `${subject.kind}:${subject.documentId}`;
const readSubjectChoice = (value: string) => {
  const [kind, ...rest] = value.split(':');
  const ref = rest.join(':');
  if (kind === 'budget-line') return readLineChoice(ref) && { kind, ...readLineChoice(ref)! };
  if (kind === 'proposal' || kind === 'round') return { kind, documentId: ref };
  return undefined;
};

const blankless = (value: string | undefined) => (value && value.trim() !== '' ? value : undefined);

/** The form as the API's publish body, for the API's own schema to judge. */
const bodyOf = (values: DecisionFormValues) => {
  const corrects = blankless(values.correctsEntry);
  return {
    data: {
      kind: values.kind,
      subject: readSubjectChoice(values.subject ?? ''),
      amount: blankless(values.amount),
      budgetLine: values.budgetLine ? (readLineChoice(values.budgetLine) ?? values.budgetLine) : undefined,
      councilDecisionReference: values.councilDecisionReference ?? '',
      decisionDate: values.decisionDate ?? '',
      rationale: values.rationale ?? '',
      // A whole number is the entry; anything else goes to the schema as typed, to be named as wrong.
      correctsEntry: corrects === undefined ? undefined : /^\d{1,9}$/.test(corrects.trim()) ? Number(corrects) : corrects,
    },
  };
};

/** The form's field a request path names: `data.subject.documentId` is the subject choice. */
const fieldOf = (path: ReadonlyArray<PropertyKey>) => (path[0] === 'data' ? path[1] : path[0]);

export const checkDecision = (values: DecisionFormValues): { decision: DecisionBody } | { errors: FieldErrors } => {
  const body = bodyOf(values);
  const parsed = decisionBody.safeParse(body);
  if (parsed.success) return { decision: parsed.data.data };
  const fields = parsed.error.issues.map((issue) => fieldOf(issue.path));
  // zod skips the schema's cross-field rules while another field fails; the page lists every problem at once.
  if ((DECISION_KINDS_NEEDING_AMOUNT as readonly string[]).includes(values.kind ?? '') && body.data.amount === undefined) fields.push('amount');
  if (values.kind === 'fund' && !values.budgetLine && body.data.subject?.kind !== 'budget-line') fields.push('budgetLine');
  return { errors: fieldErrorsFor(FIELD_MESSAGES, fields) };
};

/** A refusal by the decision-log service (a subject of another municipality, an entry not in the log) as field errors, or null. */
export const refusedDecisionFields = (error: unknown): FieldErrors | null => {
  if (!(error instanceof errors.ValidationError)) return null;
  const details = error.details as { errors?: Array<{ path?: string[] }> } | undefined;
  return fieldErrorsFor(FIELD_MESSAGES, (details?.errors ?? []).map(({ path }) => fieldOf(path ?? [])));
};

/** A logged decision as the form's values: the starting point of its correction. */
export const valuesToCorrect = (entry: DecisionLogEntry): DecisionFormValues => ({
  kind: entry.decision.kind,
  subject: subjectChoice(entry.decision.subject),
  amount: entry.decision.amount ?? '',
  budgetLine: entry.decision.budgetLine ? lineChoice(entry.decision.budgetLine) : '',
  councilDecisionReference: entry.decision.councilDecisionReference,
  decisionDate: entry.decision.decisionDate,
  rationale: entry.decision.rationale,
  correctsEntry: String(entry.sequence),
});

export interface SubjectOption {
  value: string;
  label: string;
}

/** What a decision in the municipality can be about: its proposals (not withdrawn), its rounds, its budget lines. */
export const decisionChoices = async (strapi: Core.Strapi, municipalityCode: string) => {
  const rounds = (await getService(strapi, 'round').find({ municipality: municipalityCode, page: 1, pageSize: 100 })).data;
  const [proposals, years] = await Promise.all([
    Promise.all(rounds.map((round) => getService(strapi, 'proposal').allOfRound(round.documentId))),
    getService(strapi, 'budget-line').fiscalYears(municipalityCode),
  ]);
  const lines = (await getService(strapi, 'budget-line').findForMunicipality(municipalityCode, years)).sort(
    (a, b) => b.fiscalYear - a.fiscalYear || a.code.localeCompare(b.code)
  );
  return {
    rounds: rounds.map((round) => ({ documentId: round.documentId, title: round.title })),
    proposals: proposals.flat().filter((proposal) => proposal.status !== 'withdrawn').map((proposal) => ({ documentId: proposal.documentId, title: proposal.title })),
    lines: lines.map((line) => ({ code: line.code, fiscalYear: line.fiscalYear, name: line.name })),
  };
};
export type DecisionChoices = Awaited<ReturnType<typeof decisionChoices>>;
