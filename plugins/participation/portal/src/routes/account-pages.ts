import { createElement } from 'react';
import { portalRoute } from '../http/portal-route';
import { AccountPage } from '../pages/AccountPage';
import { passwordResetRoutes } from './password-reset';
import { profileRoutes } from './profile';
import { demographicsRoutes } from './demographics';

/** Forgotten password, and the signed-in person's own pages: the account, profile and demographics. */
export const accountPages = [
  ...passwordResetRoutes,
  portalRoute({
    method: 'GET',
    path: '/account',
    actions: ['me.find'],
    handle: async ({ context }) => ({ title: context.i18n.t('account.title'), body: createElement(AccountPage, { email: context.user!.email }) }),
  }),
  ...profileRoutes,
  ...demographicsRoutes,
];
