import { demographicDeclarationSchema, type DemographicDeclaration } from '../../../server/src/domain/statistics/demographics';
import type { FieldErrors } from '../components/ErrorSummary';
import type { MessageKey } from '../i18n/translator';
import { text, type FormValues } from '../http/portal-route';
import { DIFFICULTY_DOMAINS, type DemographicsFormValues } from '../components/DemographicAnswerFields';

/*
 * Self-declared demographics as a form: the person's own (account/demographics) or a person's given on
 * paper and typed in by a facilitator (an offline consultation input). The consent is each form's own.
 */

/** One message per field, in the page's language, saying what the field needs. */
const DEMOGRAPHICS_MESSAGES: Record<string, MessageKey> = {
  gender: 'demographics.error.gender',
  birthYear: 'demographics.error.birthYear',
  ageBand: 'demographics.error.ageBand',
  minorityGroup: 'demographics.error.minorityGroup',
};

export const demographicsValuesOf = (form: FormValues): DemographicsFormValues =>
  Object.fromEntries(
    ['gender', 'genderSelfDescription', 'birthYear', 'ageBand', 'minorityGroup', 'washingtonGroupPreferNotToSay', ...DIFFICULTY_DOMAINS.map((domain) => `wg-${domain}`)].map((name) => [
      name,
      text(form, name).trim(),
    ])
  );

/**
 * The six difficulty questions are answered all together, or declined as a whole, or left out: a part
 * of them names the first question left open.
 */
const difficultiesOf = (values: DemographicsFormValues): { answers?: unknown; problem?: FieldErrors } => {
  const answered = DIFFICULTY_DOMAINS.filter((domain) => values[`wg-${domain}`]);
  if (values.washingtonGroupPreferNotToSay) {
    return answered.length > 0 ? { problem: { washingtonGroupPreferNotToSay: 'demographics.error.difficultiesBoth' } } : { answers: 'prefer-not-to-say' };
  }
  if (answered.length === 0) return {};
  const open = DIFFICULTY_DOMAINS.find((domain) => !values[`wg-${domain}`]);
  if (open) return { problem: { [`wg-${open}`]: 'demographics.error.difficultiesPartial' } };
  return { answers: Object.fromEntries(DIFFICULTY_DOMAINS.map((domain) => [domain, values[`wg-${domain}`]])) };
};

/** The self-description's problem: missing for "in my own words", given for another answer, or not one line of plain text. */
const selfDescriptionMessage = (values: DemographicsFormValues): MessageKey => {
  if (values.gender === 'self-described') return values.genderSelfDescription ? 'demographics.error.selfDescriptionInvalid' : 'demographics.error.selfDescriptionMissing';
  return 'demographics.error.selfDescriptionUnused';
};

/** Whether any question about the person is answered. */
export const answersDemographics = (values: DemographicsFormValues) => Object.values(values).some(Boolean);

/**
 * The form checked with the API's own schema. Consent is checked apart, by the form that asks for it
 * (its `field` gets `message` when the box is not ticked): zod skips the schema's cross-field rules (birth year or age band, the
 * self-description) while a field fails, and a missing tick would hide them.
 */
export const declarationFrom = (
  values: DemographicsFormValues,
  consent: { given: boolean; field: string; message: MessageKey }
): { declaration?: DemographicDeclaration; fieldErrors: FieldErrors } => {
  const difficulties = difficultiesOf(values);
  const parsed = demographicDeclarationSchema.safeParse({
    gender: values.gender || undefined,
    genderSelfDescription: values.genderSelfDescription || undefined,
    birthYear: values.birthYear ? (/^\d{1,4}$/.test(values.birthYear) ? Number(values.birthYear) : Number.NaN) : undefined,
    ageBand: values.ageBand || undefined,
    washingtonGroup: difficulties.answers,
    minorityGroup: values.minorityGroup || undefined,
    consent: true,
  });
  const fieldErrors: FieldErrors = { ...difficulties.problem, ...(consent.given ? {} : { [consent.field]: consent.message }) };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0]);
    if (field === 'genderSelfDescription') fieldErrors[field] ??= selfDescriptionMessage(values);
    // The difficulty answers come from fixed lists: only a forged form gets here; the first question takes the message.
    else if (field === 'washingtonGroup') fieldErrors[`wg-${DIFFICULTY_DOMAINS[0]}`] ??= 'demographics.error.difficultiesPartial';
    else fieldErrors[field] ??= DEMOGRAPHICS_MESSAGES[field] ?? 'demographics.error.gender';
  }
  return parsed.success && Object.keys(fieldErrors).length === 0 ? { declaration: parsed.data, fieldErrors } : { fieldErrors };
};
