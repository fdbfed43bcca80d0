import { createElement } from 'react';
import { demographicDeclarationSchema, type DemographicDeclaration } from '../../../server/src/domain/statistics/demographics';
import { getService } from '../../../server/src/utils/get-service';
import type { FieldErrors } from '../components/ErrorSummary';
import type { MessageKey } from '../i18n/translator';
import { portalRoute, text, type FormValues, type PortalContext } from '../http/portal-route';
import { DemographicsPage, DIFFICULTY_DOMAINS, type DemographicsFormValues } from '../pages/DemographicsPage';
import { WithdrawDemographicsPage } from '../pages/WithdrawDemographicsPage';
import { callerOf } from './account';

/** One message per field, in the page's language, saying what the field needs. */
const DEMOGRAPHICS_MESSAGES: Record<string, MessageKey> = {
  gender: 'demographics.error.gender',
  birthYear: 'demographics.error.birthYear',
  ageBand: 'demographics.error.ageBand',
  minorityGroup: 'demographics.error.minorityGroup',
};

const demographicsValuesOf = (form: FormValues): DemographicsFormValues =>
  Object.fromEntries(
    ['gender', 'genderSelfDescription', 'birthYear', 'ageBand', 'minorityGroup', 'washingtonGroupPreferNotToSay', ...DIFFICULTY_DOMAINS.map((domain) => `wg-${domain}`)].map((name) => [
      name,
      text(form, name).trim(),
    ])
  );

const demographicsValuesFrom = (declaration: DemographicDeclaration | null): DemographicsFormValues => {
  const difficulties = declaration?.washingtonGroup;
  return {
    gender: declaration?.gender,
    genderSelfDescription: declaration?.genderSelfDescription,
    birthYear: declaration?.birthYear === undefined ? undefined : String(declaration.birthYear),
    ageBand: declaration?.ageBand,
    minorityGroup: declaration?.minorityGroup,
    washingtonGroupPreferNotToSay: difficulties === 'prefer-not-to-say' ? 'yes' : undefined,
    ...(difficulties && difficulties !== 'prefer-not-to-say' ? Object.fromEntries(DIFFICULTY_DOMAINS.map((domain) => [`wg-${domain}`, difficulties[domain]])) : {}),
  };
};

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

/**
 * The form checked with the API's own schema. Consent is checked apart: zod skips the schema's
 * cross-field rules (birth year or age band, the self-description) while a field fails, and a missing
 * tick would hide them.
 */
const declarationFrom = (values: DemographicsFormValues, consent: boolean): { declaration?: DemographicDeclaration; fieldErrors: FieldErrors } => {
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
  const fieldErrors: FieldErrors = { ...difficulties.problem, ...(consent ? {} : { consent: 'demographics.error.consent' as const }) };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0]);
    if (field === 'genderSelfDescription') fieldErrors[field] ??= selfDescriptionMessage(values);
    // The difficulty answers come from fixed lists: only a forged form gets here; the first question takes the message.
    else if (field === 'washingtonGroup') fieldErrors[`wg-${DIFFICULTY_DOMAINS[0]}`] ??= 'demographics.error.difficultiesPartial';
    else fieldErrors[field] ??= DEMOGRAPHICS_MESSAGES[field] ?? 'demographics.error.gender';
  }
  return parsed.success && Object.keys(fieldErrors).length === 0 ? { declaration: parsed.data, fieldErrors } : { fieldErrors };
};

const demographicsPage = async (context: PortalContext, values: DemographicsFormValues | null, fieldErrors: FieldErrors, status = 200, notice?: 'saved' | 'withdrawn') => {
  const userId = context.user!.id;
  const profiles = getService(context.strapi, 'participant-profile');
  const [declaration, { consentGivenAt }] = await Promise.all([profiles.ownDemographics(userId), profiles.demographicsStatus(userId)]);
  return {
    title: context.i18n.t('demographics.title'),
    status,
    body: createElement(DemographicsPage, {
      declared: declaration && consentGivenAt ? { declaration, consentGivenAt } : null,
      values: values ?? demographicsValuesFrom(declaration),
      errors: fieldErrors,
      minimumGroup: context.strapi.plugin('participation').config('statistics.minimumCellSize') as number,
      notice,
    }),
  };
};

export const demographicsRoutes = [
  portalRoute({
    method: 'GET',
    path: '/account/demographics',
    actions: ['me.find'],
    handle: async ({ context, query }) => {
      const done = text(query, 'done');
      return demographicsPage(context, null, {}, 200, done === 'saved' || done === 'withdrawn' ? done : undefined);
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/account/demographics',
    actions: ['me.declareDemographics'],
    handle: async ({ context, form }) => {
      const values = demographicsValuesOf(form);
      const { declaration, fieldErrors } = declarationFrom(values, text(form, 'consent') === 'yes');
      if (!declaration) return demographicsPage(context, values, fieldErrors, 400);
      await getService(context.strapi, 'me').declareDemographics(callerOf(context), context.actor, declaration);
      return { redirect: context.href('/account/demographics?done=saved') };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/account/demographics/withdraw',
    actions: ['me.withdrawDemographics'],
    handle: async ({ context }) => ({ title: context.i18n.t('demographics.withdrawTitle'), body: createElement(WithdrawDemographicsPage) }),
  }),
  portalRoute({
    method: 'POST',
    path: '/account/demographics/withdraw',
    actions: ['me.withdrawDemographics'],
    handle: async ({ context }) => {
      await getService(context.strapi, 'me').withdrawDemographics(callerOf(context), context.actor);
      return { redirect: context.href('/account/demographics?done=withdrawn') };
    },
  }),
];

