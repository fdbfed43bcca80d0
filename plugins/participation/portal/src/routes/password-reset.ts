import { createElement } from 'react';
import { errors } from '@strapi/utils';
import { UID } from '../../../server/src/constants/uids';
import { getService } from '../../../server/src/utils/get-service';
import type { FieldErrors } from '../components/ErrorSummary';
import { portalRoute, text, type PortalContext, type PortalRequest } from '../http/portal-route';
import { sendPasswordResetMail } from '../mail/password-reset-mail';
import { ForgotPasswordPage } from '../pages/ForgotPasswordPage';
import { ResetPasswordPage, type ResetPasswordState } from '../pages/ResetPasswordPage';
import { emailAddress, newPassword } from './account';

const forgotPage = (context: PortalContext, props: { email?: string; errors?: FieldErrors; sent?: boolean; throttled?: boolean }, status = 200) => ({
  title: context.i18n.t(props.sent ? 'forgotPassword.sentTitle' : 'forgotPassword.title'),
  status,
  body: createElement(ForgotPasswordPage, { errors: {}, ...props }),
});

const RESET_TITLES = { form: 'resetPassword.title', invalid: 'resetPassword.invalidTitle', done: 'resetPassword.doneTitle' } as const;

const resetPage = (context: PortalContext, state: ResetPasswordState, props: { code?: string; errors?: FieldErrors; throttled?: boolean } = {}, status = 200) => ({
  title: context.i18n.t(RESET_TITLES[state]),
  status,
  body: createElement(ResetPasswordPage, { state, errors: {}, ...props }),
});

/** users-permissions' reset tokens: 64 random bytes in hex. Anything else is not looked up. */
const RESET_CODE = /^[0-9a-f]{128}$/;

const accountWithCode = async (context: PortalContext, code: string) =>
  RESET_CODE.test(code) ? context.strapi.db.query(UID.user).findOne({ where: { resetPasswordToken: code }, select: ['id', 'blocked'] }) : null;

/** The API's throttle for its password routes (every attempt, per address) counts the portal's too; false when spent. */
const withinPasswordThrottle = async (request: PortalRequest<unknown>) => {
  try {
    await getService(request.context.strapi, 'account-throttle').guard('password', { request: { ip: request.address } }, async () => undefined);
    return true;
  } catch (error) {
    if (error instanceof errors.RateLimitError) return false;
    throw error;
  }
};

export const passwordResetRoutes = [
  portalRoute({
    method: 'GET',
    path: '/forgot-password',
    actions: [],
    handle: async ({ context, query }) => forgotPage(context, { sent: text(query, 'sent') === '1' }),
  }),
  portalRoute({
    method: 'POST',
    path: '/forgot-password',
    actions: [],
    handle: async (request) => {
      const { context } = request;
      const email = text(request.form, 'email');
      const parsed = emailAddress.safeParse(email);
      if (!parsed.success) return forgotPage(context, { email, errors: { email: 'register.emailInvalid' } }, 400);
      if (!(await withinPasswordThrottle(request))) return forgotPage(context, { email, throttled: true }, 429);
      await sendPasswordResetMail(context, parsed.data);
      return { redirect: context.href('/forgot-password?sent=1') };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/reset-password',
    actions: [],
    handle: async ({ context, query }) => {
      if (text(query, 'done') === '1') return resetPage(context, 'done');
      const code = text(query, 'code');
      const account = await accountWithCode(context, code);
      return account && !account.blocked ? resetPage(context, 'form', { code }) : resetPage(context, 'invalid', {}, 404);
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/reset-password',
    actions: [],
    handle: async (request) => {
      const { context } = request;
      const code = text(request.form, 'code');
      if (!(await withinPasswordThrottle(request))) return resetPage(context, 'form', { code, throttled: true }, 429);
      const account = await accountWithCode(context, code);
      if (!account || account.blocked) return resetPage(context, 'invalid', {}, 400);

      const password = text(request.form, 'password');
      const parsed = newPassword.safeParse(password);
      const fieldErrors: FieldErrors = parsed.success ? {} : { password: parsed.error.issues[0].message as FieldErrors[string] };
      if (parsed.success && password !== text(request.form, 'passwordConfirmation')) fieldErrors.passwordConfirmation = 'resetPassword.mismatch';
      if (Object.keys(fieldErrors).length > 0) return resetPage(context, 'form', { code, errors: fieldErrors }, 400);

      // The token goes with the change; writing the password ends every session of the account (services/sessions.ts).
      await context.strapi.plugin('users-permissions').service('user').edit(account.id, { resetPasswordToken: null, password });
      return { redirect: context.href('/reset-password?done=1') };
    },
  }),
];
