import type { CastBallot } from '../../../shared/contracts/rounds';
import type { BallotKind } from '../../../server/src/domain/voting/ballot-kinds';
import type { FormValues } from '../http/portal-route';
import type { FieldErrors } from '../components/ErrorSummary';

/** The ballot form as the voter filled it in, kept when it comes back and carried through the review. */
export interface BallotFormValues {
  districtCode?: string;
  /** Approval and choose-one: the proposals ticked. */
  projects: string[];
  /** Cumulative: points; ordinal: positions; as typed, by proposal id. */
  numbers: Record<string, string>;
}

/** The form field of a proposal's number: `points-<id>` or `rank-<id>` (flat names: the body parser nests brackets). */
export const NUMBER_FIELD_PREFIX: Partial<Record<BallotKind, string>> = { cumulative: 'points-', ordinal: 'rank-' };

/** The id the error summary links to: the first control of the proposals. */
export const CHOICES_FIELD = 'choices';

const text = (value: FormValues[string]) => (typeof value === 'string' ? value.trim() : '');

export const ballotValuesOf = (form: FormValues, kind: BallotKind): BallotFormValues => {
  const prefix = NUMBER_FIELD_PREFIX[kind];
  const numbers: Record<string, string> = {};
  if (prefix) {
    for (const [name, value] of Object.entries(form)) {
      if (name.startsWith(prefix) && text(value) !== '') numbers[name.slice(prefix.length)] = text(value);
    }
  }
  return {
    districtCode: text(form.districtCode) || undefined,
    projects: prefix ? [] : [form.projects ?? []].flat().filter((id): id is string => typeof id === 'string'),
    numbers,
  };
};

/** The form's fields with their values, for the review's hidden fields. */
export const ballotFieldsOf = (values: BallotFormValues, kind: BallotKind): Array<[string, string]> => [
  ...(values.districtCode ? [['districtCode', values.districtCode] as [string, string]] : []),
  ...values.projects.map((id): [string, string] => ['projects', id]),
  ...Object.entries(values.numbers).map(([id, value]): [string, string] => [`${NUMBER_FIELD_PREFIX[kind]}${id}`, value]),
];

const WHOLE_NUMBER = /^\d{1,6}$/;

/**
 * The choices in the API's shape (`CastBallot.Body`), for the ballot service to check and cast. What
 * only a form can get wrong (a number that is not one, two proposals in one position) is refused here;
 * every rule of the ballot is the domain's (services/ballot.ts).
 */
export const ballotBodyOf = (values: BallotFormValues, kind: BallotKind): { body: CastBallot.Body } | { errors: FieldErrors } => {
  const entries = Object.entries(values.numbers);
  if (kind === 'cumulative') {
    if (entries.some(([, value]) => !WHOLE_NUMBER.test(value))) return { errors: { [CHOICES_FIELD]: 'ballot.error.pointsNumber' } };
    const points = Object.fromEntries(entries.map(([id, value]): [string, number] => [id, Number(value)]).filter(([, value]) => value > 0));
    return { body: { districtCode: values.districtCode, choices: { points } } };
  }
  if (kind === 'ordinal') {
    if (entries.some(([, value]) => !WHOLE_NUMBER.test(value) || Number(value) < 1)) return { errors: { [CHOICES_FIELD]: 'ballot.error.rankNumber' } };
    if (new Set(entries.map(([, value]) => Number(value))).size !== entries.length) return { errors: { [CHOICES_FIELD]: 'ballot.error.duplicateRanks' } };
    const ranking = entries.sort(([, a], [, b]) => Number(a) - Number(b)).map(([id]) => id);
    return { body: { districtCode: values.districtCode, choices: { ranking } } };
  }
  return { body: { districtCode: values.districtCode, choices: { projects: values.projects } } };
};
