import { createElement } from 'react';
import type { DemographicDeclaration } from '../../../server/src/domain/statistics/demographics';
import { getService } from '../../../server/src/utils/get-service';
import type { FieldErrors } from '../components/ErrorSummary';
import { portalRoute, text, type PortalContext } from '../http/portal-route';
import { DemographicsPage } from '../pages/DemographicsPage';
import { DIFFICULTY_DOMAINS, type DemographicsFormValues } from '../components/DemographicAnswerFields';
import { declarationFrom, demographicsValuesOf } from '../community/demographic-answers';
import { WithdrawDemographicsPage } from '../pages/WithdrawDemographicsPage';
import { callerOf } from './account';

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
      const { declaration, fieldErrors } = declarationFrom(values, { given: text(form, 'consent') === 'yes', field: 'consent', message: 'demographics.error.consent' });
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

