import type { z } from 'zod';
import { formatMinor } from '../../../server/src/domain/money/amount';
import { roundSettingsSchema, type RoundSettings } from '../../../server/src/domain/rounds/round-settings';
import type { Round } from '../../../shared/contracts/rounds';
import type { FormValues } from '../http/portal-route';
import type { MessageKey } from '../i18n/translator';
import { fieldErrorsFor } from './form-errors';

/**
 * The round form's fields, flat as a browser posts them, and the way between them and the API's own
 * settings schema (`roundSettingsSchema`, which the round service writes): a field the schema refuses
 * is named beside its input, whatever object it sits in (ballot rules, eligibility, schedule).
 */
export const TEXT_FIELDS = [
  'title',
  'fiscalYear',
  'description',
  'totalBudget',
  'districtsPerVoter',
  'kind',
  'minProjects',
  'maxProjects',
  'maxCost',
  'totalPoints',
  'maxPointsPerProject',
  'pointsPerPosition',
  'countingRule',
  'tieBreaking',
  'minSupport',
  'reserveGender',
  'reserveYouth',
  'minAge',
  'maxAge',
  'ageOnDate',
  'proposalsOpen',
  'proposalsClose',
  'votingOpen',
  'votingClose',
] as const;
export const FLAG_FIELDS = ['stopAtFirstMisfit', 'residentsOnly', 'verifiedParticipantsOnly', 'showRunningTotals'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type FlagField = (typeof FLAG_FIELDS)[number];
export type RoundFormField = TextField | FlagField | 'districts';

export interface DistrictRow {
  code: string;
  name: string;
  budget: string;
}

/** The form as typed, kept when it comes back with errors. */
export type RoundFormValues = Partial<Record<TextField, string>> & Record<FlagField, boolean> & { districts: DistrictRow[] };

/** One message per field: what it needs, in the page's language. */
export const FIELD_MESSAGES = Object.fromEntries(
  [...TEXT_FIELDS, ...FLAG_FIELDS, 'districts'].map((field) => [field, `wsRounds.error.${field}` as MessageKey])
) as Record<RoundFormField, MessageKey>;

/** Empty district rows offered below the round's own, so that districts can be added without scripts. */
export const SPARE_DISTRICT_ROWS = 3;

const BALLOT_RULE_FIELDS = ['kind', 'minProjects', 'maxProjects', 'maxCost', 'totalPoints', 'maxPointsPerProject', 'pointsPerPosition', 'countingRule', 'tieBreaking', 'minSupport', 'stopAtFirstMisfit'] as const;
const ELIGIBILITY_FIELDS = ['residentsOnly', 'minAge', 'maxAge', 'ageOnDate', 'verifiedParticipantsOnly'] as const;
const SCHEDULE_FIELDS = ['proposalsOpen', 'proposalsClose', 'votingOpen', 'votingClose'] as const;

export const emptyRoundForm = (fiscalYear: number): RoundFormValues => ({
  fiscalYear: String(fiscalYear),
  kind: 'approval',
  countingRule: 'greedy_cost',
  tieBreaking: 'id',
  districtsPerVoter: 'one',
  stopAtFirstMisfit: false,
  residentsOnly: true,
  verifiedParticipantsOnly: false,
  showRunningTotals: false,
  districts: [],
});

export const valuesOf = (form: FormValues): RoundFormValues => {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
  const list = (name: string) => [form[name] ?? []].flat().map((value) => (typeof value === 'string' ? value : ''));
  const [codes, names, budgets] = [list('districtCode'), list('districtName'), list('districtBudget')];
  const rows = Math.max(codes.length, names.length, budgets.length);
  return {
    ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, text(field)])),
    ...(Object.fromEntries(FLAG_FIELDS.map((field) => [field, form[field] !== undefined])) as Record<FlagField, boolean>),
    districts: Array.from({ length: rows }, (_, index) => ({ code: codes[index] ?? '', name: names[index] ?? '', budget: budgets[index] ?? '' })).filter(
      (row) => row.code.trim() !== '' || row.name.trim() !== '' || row.budget.trim() !== ''
    ),
  };
};

const optional = (value: number | string | undefined) => (value === undefined ? undefined : String(value));

export const valuesFromRound = (round: Round): RoundFormValues => {
  const rules = round.ballotRules;
  const share = (marker: string) => round.reservations.find((reservation) => reservation.marker === marker)?.share;
  return {
    title: round.title,
    fiscalYear: String(round.fiscalYear),
    description: round.description,
    totalBudget: round.totalBudget,
    districtsPerVoter: round.districtsPerVoter,
    kind: rules.kind,
    minProjects: optional(rules.minProjects),
    maxProjects: optional(rules.maxProjects),
    maxCost: rules.maxCost,
    totalPoints: optional(rules.totalPoints),
    maxPointsPerProject: optional(rules.maxPointsPerProject),
    pointsPerPosition: rules.pointsPerPosition?.join(', '),
    countingRule: rules.countingRule,
    tieBreaking: rules.tieBreaking,
    minSupport: optional(rules.minSupport),
    stopAtFirstMisfit: Boolean(rules.stopAtFirstMisfit),
    reserveGender: share('gender'),
    reserveYouth: share('youth'),
    residentsOnly: round.eligibility.residentsOnly,
    minAge: optional(round.eligibility.minAge),
    maxAge: optional(round.eligibility.maxAge),
    ageOnDate: round.eligibility.ageOnDate,
    verifiedParticipantsOnly: round.eligibility.verifiedParticipantsOnly,
    showRunningTotals: round.showRunningTotals,
    ...round.schedule,
    districts: round.districts.map((district) => ({ ...district })),
  };
};

const blank = (value: string | undefined) => value === undefined || value.trim() === '';
/** A whole number as a number; anything else as typed, so that the schema names the field that is not one. */
const integer = (value: string | undefined) => (blank(value) ? undefined : /^\s*\d+\s*$/.test(value!) ? Number(value) : value);
const trimmed = (value: string | undefined) => (blank(value) ? undefined : value!.trim());
const defined = (entries: Record<string, unknown>) => Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined && value !== false));

/** "3, 2, 1" as [3, 2, 1]; anything else as typed (refused by the schema). */
const pointList = (value: string | undefined) => {
  if (blank(value)) return undefined;
  const parts = value!.split(/[\s,;]+/).filter(Boolean);
  return parts.every((part) => /^\d+$/.test(part)) ? parts.map(Number) : value;
};

/** What the API would be sent for this form: the settings schema's input. */
export const candidateOf = (values: RoundFormValues) => ({
  ...defined({
    title: values.title ?? '',
    fiscalYear: integer(values.fiscalYear),
    description: values.description ?? '',
    totalBudget: trimmed(values.totalBudget),
    districtsPerVoter: trimmed(values.districtsPerVoter),
  }),
  districts: values.districts.map((row) => ({ code: row.code.trim(), name: row.name, budget: row.budget.trim() })),
  ballotRules: defined({
    kind: trimmed(values.kind),
    minProjects: integer(values.minProjects),
    maxProjects: integer(values.maxProjects),
    maxCost: trimmed(values.maxCost),
    totalPoints: integer(values.totalPoints),
    maxPointsPerProject: integer(values.maxPointsPerProject),
    pointsPerPosition: pointList(values.pointsPerPosition),
    countingRule: trimmed(values.countingRule),
    tieBreaking: trimmed(values.tieBreaking),
    minSupport: integer(values.minSupport),
    stopAtFirstMisfit: values.stopAtFirstMisfit || undefined,
  }),
  reservations: [
    ...(blank(values.reserveGender) ? [] : [{ marker: 'gender', share: values.reserveGender!.trim() }]),
    ...(blank(values.reserveYouth) ? [] : [{ marker: 'youth', share: values.reserveYouth!.trim() }]),
  ],
  eligibility: {
    residentsOnly: values.residentsOnly,
    verifiedParticipantsOnly: values.verifiedParticipantsOnly,
    ...defined({ minAge: integer(values.minAge), maxAge: integer(values.maxAge), ageOnDate: trimmed(values.ageOnDate) }),
  },
  showRunningTotals: values.showRunningTotals,
  schedule: defined({
    proposalsOpen: trimmed(values.proposalsOpen),
    proposalsClose: trimmed(values.proposalsClose),
    votingOpen: trimmed(values.votingOpen),
    votingClose: trimmed(values.votingClose),
  }),
});

type Candidate = ReturnType<typeof candidateOf>;

/** The form field a path into the settings names: nested objects are flat on the form. */
export const fieldOfPath = (path: ReadonlyArray<PropertyKey>, candidate: Candidate): RoundFormField | undefined => {
  const [head, next] = path;
  if (head === 'ballotRules') return (BALLOT_RULE_FIELDS as readonly PropertyKey[]).includes(next) ? (next as RoundFormField) : 'kind';
  if (head === 'eligibility') return (ELIGIBILITY_FIELDS as readonly PropertyKey[]).includes(next) ? (next as RoundFormField) : 'residentsOnly';
  if (head === 'schedule') return (SCHEDULE_FIELDS as readonly PropertyKey[]).includes(next) ? (next as RoundFormField) : 'proposalsOpen';
  if (head === 'reservations') {
    const marker = typeof next === 'number' ? candidate.reservations[next]?.marker : undefined;
    return marker === 'youth' ? 'reserveYouth' : 'reserveGender';
  }
  return typeof head === 'string' && head in FIELD_MESSAGES ? (head as RoundFormField) : undefined;
};

export type RoundFormCheck = { ok: true; settings: RoundSettings } | { ok: false; fields: RoundFormField[] };

/** The form checked by the API's own schema: the settings the service writes, or the fields it refused. */
export const checkRoundForm = (values: RoundFormValues): RoundFormCheck => {
  const candidate = candidateOf(values);
  const parsed = roundSettingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, fields: issueFields(parsed.error, candidate) };
};

const issueFields = (error: z.ZodError, candidate: Candidate): RoundFormField[] => [
  ...new Set(error.issues.map((issue) => fieldOfPath(issue.path, candidate)).filter((field): field is RoundFormField => field !== undefined)),
];

export const roundFormErrors = (fields: readonly RoundFormField[]) => fieldErrorsFor(FIELD_MESSAGES, fields);

/**
 * Checked settings as the round they would make, for the plain-words preview before saving: amounts
 * back in currency units, as the API answers them.
 */
export const previewRound = (settings: RoundSettings, base: Pick<Round, 'documentId' | 'municipalityCode' | 'phase'>): Round => ({
  ...base,
  fiscalYear: settings.fiscalYear,
  title: settings.title,
  description: settings.description,
  totalBudget: formatMinor(settings.totalBudget),
  districts: settings.districts.map((district) => ({ ...district, budget: formatMinor(district.budget) })),
  districtsPerVoter: settings.districtsPerVoter,
  ballotRules: { ...settings.ballotRules, ...(settings.ballotRules.maxCost ? { maxCost: formatMinor(settings.ballotRules.maxCost) } : {}) },
  reservations: settings.reservations,
  eligibility: settings.eligibility,
  showRunningTotals: settings.showRunningTotals,
  schedule: settings.schedule,
  phaseHistory: [],
  rulesFrozenAt: null,
  runningTotals: null,
  result: null,
  language: settings.language,
});
