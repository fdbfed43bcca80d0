import { createElement } from 'react';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import { birthDate } from '../../../server/src/routes/content-api/validation/birth-date';
import { getService } from '../../../server/src/utils/get-service';
import type { FieldErrors } from '../components/ErrorSummary';
import type { MessageKey } from '../i18n/translator';
import { portalRoute, text, type PortalContext } from '../http/portal-route';
import { ProfilePage, type ProfileValues } from '../pages/ProfilePage';
import { callerOf } from './account';

/** More municipalities than any deployment has: the residence is chosen from one list. */
const ALL_MUNICIPALITIES = { page: 1, pageSize: 100 };

const profileForm = z.object({
  residenceMunicipalityCode: z.string().max(32, 'profile.error.residence').nullable(),
  birthDate: birthDate.nullable(),
});

const PROFILE_MESSAGES: Record<string, MessageKey> = { residenceMunicipalityCode: 'profile.error.residence', birthDate: 'profile.error.birthDate' };

const profilePage = async (context: PortalContext, values: ProfileValues, fieldErrors: FieldErrors, status = 200, saved = false) => {
  const [me, municipalities] = await Promise.all([
    getService(context.strapi, 'me').describe(callerOf(context), context.actor),
    getService(context.strapi, 'municipality').find(ALL_MUNICIPALITIES),
  ]);
  return {
    title: context.i18n.t('profile.title'),
    status,
    body: createElement(ProfilePage, { municipalities: municipalities.data, values, errors: fieldErrors, verifiedIn: me.profile.verifiedIn, saved }),
  };
};

export const profileRoutes = [
  portalRoute({
    method: 'GET',
    path: '/account/profile',
    actions: ['me.find', 'municipality.find'],
    handle: async ({ context, query }) => {
      const { profile } = await getService(context.strapi, 'me').describe(callerOf(context), context.actor);
      const values = { residenceMunicipalityCode: profile.residenceMunicipalityCode ?? '', birthDate: profile.birthDate ?? '' };
      return profilePage(context, values, {}, 200, text(query, 'saved') === '1');
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/account/profile',
    actions: ['me.updateProfile', 'municipality.find'],
    handle: async ({ context, form }) => {
      const values = { residenceMunicipalityCode: text(form, 'residenceMunicipalityCode'), birthDate: text(form, 'birthDate').trim() };
      const parsed = profileForm.safeParse({ residenceMunicipalityCode: values.residenceMunicipalityCode || null, birthDate: values.birthDate || null });
      if (!parsed.success) {
        const fieldErrors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), PROFILE_MESSAGES[String(issue.path[0])]]));
        return profilePage(context, values, fieldErrors, 400);
      }
      try {
        await getService(context.strapi, 'me').updateProfile(callerOf(context), context.actor, parsed.data);
      } catch (error) {
        // The service refuses a municipality that does not exist (a stale or forged form).
        if (error instanceof errors.ValidationError) return profilePage(context, values, { residenceMunicipalityCode: 'profile.error.residence' }, 400);
        throw error;
      }
      return { redirect: context.href('/account/profile?saved=1') };
    },
  }),
];

