import { createElement } from 'react';
import { z } from 'zod';
import { errors } from '@strapi/utils';
import { UID } from '../../../server/src/constants/uids';
import { plainTextProblem } from '../../../server/src/domain/text/plain-text';
import { getService } from '../../../server/src/utils/get-service';
import type { FieldErrors } from '../components/ErrorSummary';
import { portalRoute, text, type PortalContext, type PortalRequest } from '../http/portal-route';
import { SignInPage } from '../pages/SignInPage';
import { RegisterPage } from '../pages/RegisterPage';
import { RegisteredPage } from '../pages/RegisteredPage';
import { sendAccountExistsMail } from '../mail/account-exists-mail';

/** The signed-in person as the API's controllers pass them to the `me` service. */
export const callerOf = (context: PortalContext) => ({ id: context.user!.id, username: context.user!.username });

/** Only a path of this portal: an address from elsewhere (`//evil.example`) must not become a redirect. */
const safeReturn = (raw: string) => (/^\/(?![/\\])[^\s]*$/.test(raw) ? raw : '/');

const signInPage = (request: PortalRequest<unknown>, values: { identifier?: string; returnTo?: string }, errors: FieldErrors, status = 200, throttled = false) => ({
  title: request.context.i18n.t('signIn.title'),
  status,
  body: createElement(SignInPage, { values, errors, throttled }),
});

export const signInRoutes = [
  portalRoute({
    method: 'GET',
    path: '/sign-in',
    actions: [],
    handle: async (request) => signInPage(request, { returnTo: safeReturn(text(request.query, 'returnTo') || '/') }, {}),
  }),
  portalRoute({
    method: 'POST',
    path: '/sign-in',
    actions: [],
    handle: async (request) => {
      const { strapi } = request.context;
      const identifier = text(request.form, 'identifier').trim();
      const password = text(request.form, 'password');
      const returnTo = safeReturn(text(request.form, 'returnTo'));
      const values = { identifier, returnTo };
      const missing: FieldErrors = {
        ...(identifier ? {} : { identifier: 'signIn.identifierMissing' as const }),
        ...(password ? {} : { password: 'signIn.passwordMissing' as const }),
      };
      if (Object.keys(missing).length > 0) return signInPage(request, values, missing, 400);

      // The API's sign-in throttle (per account and address) counts the portal's attempts too.
      const attempt = { request: { body: { identifier }, ip: request.address }, status: 200, userId: 0 };
      try {
        await getService(strapi, 'account-throttle').guard('sign-in', attempt, async () => {
          const user = await strapi.db.query(UID.user).findOne({
            where: { provider: 'local', $or: [{ email: identifier.toLowerCase() }, { username: identifier }] },
            select: ['id', 'password', 'blocked', 'confirmed'],
          });
          const valid = user?.password && (await strapi.plugin('users-permissions').service('user').validatePassword(password, user.password));
          if (!valid || user.blocked || !user.confirmed) attempt.status = 400;
          else attempt.userId = user.id;
        });
      } catch (error) {
        if (error instanceof errors.RateLimitError) return signInPage(request, values, {}, 429, true);
        throw error;
      }
      // One message whether the account is unknown, blocked or the password wrong: no probing for accounts.
      if (attempt.status !== 200) return signInPage(request, values, { identifier: 'signIn.wrong' }, 400);
      await request.session.begin(attempt.userId);
      return { redirect: request.context.href(returnTo) };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/sign-out',
    actions: [],
    handle: async (request) => {
      await request.session.end();
      return { redirect: request.context.href('/') };
    },
  }),
];

/** A new password, at registration or reset: bcrypt reads 72 bytes at most; a longer one would be silently cut. */
export const newPassword = z.string().min(8, 'register.passwordTooShort').refine((value) => Buffer.byteLength(value) <= 72, 'register.passwordTooLong');

/** An e-mail address as accounts store it: trimmed, lower case. */
export const emailAddress = z.string().trim().toLowerCase().max(254, 'register.emailInvalid').pipe(z.email('register.emailInvalid'));

const registration = z.object({
  username: z.string().trim().min(3, 'register.usernameTooShort').max(100, 'register.usernameTooLong'),
  email: emailAddress,
  password: newPassword,
});

const registerPage = (request: PortalRequest<unknown>, values: { username?: string; email?: string }, errors: FieldErrors, status = 200, closed = false) => ({
  title: request.context.i18n.t('register.title'),
  status,
  body: createElement(RegisterPage, { values, errors, closed }),
});

/** users-permissions' advanced settings, as its own register route reads them. */
const registrationSettings = async (request: PortalRequest<unknown>) =>
  (await request.context.strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' }).get()) as {
    allow_register?: boolean;
    default_role?: string;
    email_confirmation?: boolean;
  };

export const registerRoutes = [
  portalRoute({
    method: 'GET',
    path: '/register',
    actions: [],
    handle: async (request) => registerPage(request, {}, {}, 200, !(await registrationSettings(request)).allow_register),
  }),
  portalRoute({
    method: 'POST',
    path: '/register',
    actions: [],
    handle: async (request) => {
      const { strapi } = request.context;
      const settings = await registrationSettings(request);
      if (!settings.allow_register) return registerPage(request, {}, {}, 403, true);
      const values = { username: text(request.form, 'username'), email: text(request.form, 'email') };
      const parsed = registration.safeParse({ ...values, password: text(request.form, 'password') });
      const fieldErrors: FieldErrors = {};
      if (!parsed.success) {
        for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message as FieldErrors[string];
      } else if (plainTextProblem(parsed.data.username)) {
        fieldErrors.username = 'register.usernameInvalid';
      }
      if (Object.keys(fieldErrors).length > 0 || !parsed.success) return registerPage(request, values, fieldErrors, 400);

      try {
        await getService(strapi, 'account-throttle').guard('registration', { request: { ip: request.address } }, async () => undefined);
      } catch (error) {
        if (error instanceof errors.RateLimitError) return registerPage(request, values, { email: 'register.throttled' }, 429);
        throw error;
      }
      const { username, email, password } = parsed.data;
      const confirmedByMail = '/registered?confirm=email';
      if (settings.email_confirmation && (await strapi.db.query(UID.user).count({ where: { email } })) > 0) {
        // The page must not tell a stranger that this address has an account: it answers as for a new one,
        // and the address's owner learns of the attempt by mail. (Without confirmation by e-mail the page
        // cannot hide it: a new account is signed in at once.)
        await sendAccountExistsMail(request.context, email);
        return { redirect: request.context.href(confirmedByMail) };
      }
      const taken = await strapi.db.query(UID.user).findOne({ where: { $or: [{ email }, { username }] }, select: ['email', 'username'] });
      if (taken) return registerPage(request, values, taken.email === email ? { email: 'register.emailTaken' } : { username: 'register.usernameTaken' }, 400);
      const role = await strapi.db.query(UID.role).findOne({ where: { type: settings.default_role ?? 'authenticated' }, select: ['id'] });
      const users = strapi.plugin('users-permissions').service('user');
      const user = await users.add({ username, email, password, provider: 'local', role: role.id, confirmed: !settings.email_confirmation });
      if (settings.email_confirmation) {
        await users.sendConfirmationEmail(user);
      } else {
        await request.session.begin(user.id);
      }
      return { redirect: request.context.href(settings.email_confirmation ? confirmedByMail : '/registered') };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/registered',
    actions: [],
    handle: async (request) => ({
      title: request.context.i18n.t('registered.title'),
      body: createElement(RegisteredPage, { mustConfirm: text(request.query, 'confirm') === 'email' }),
    }),
  }),
];
