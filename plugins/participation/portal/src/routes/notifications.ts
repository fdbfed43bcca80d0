import { createElement } from 'react';
import { z } from 'zod';
import { getService } from '../../../server/src/utils/get-service';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind } from '../../../server/src/domain/notifications/kinds';
import { portalRoute, text, type PortalContext, type FormValues } from '../http/portal-route';
import { isPortalLanguage } from '../i18n/languages';
import type { FieldErrors } from '../components/ErrorSummary';
import { NotificationsPage } from '../pages/NotificationsPage';
import { languagesOfItems } from '../i18n/content-language';
import { NotificationSettingsPage, type NotificationSettingsValues } from '../pages/NotificationSettingsPage';
import { UnsubscribePage } from '../pages/UnsubscribePage';

const PAGE_SIZE = 30;
const tokenParams = z.object({ token: z.string().max(200) });
const service = (context: PortalContext) => getService(context.strapi, 'notifications');

/** The ticked `kind:channel` boxes of the settings form; anything else (a forged value) is ignored. */
const ticked = (form: FormValues) =>
  [form.on ?? []].flat().flatMap((value) => {
    const [kind, channel] = String(value).split(':');
    return (NOTIFICATION_KINDS as readonly string[]).includes(kind) && (NOTIFICATION_CHANNELS as readonly string[]).includes(channel)
      ? [{ kind: kind as NotificationKind, channel: channel as NotificationChannel }]
      : [];
  });

const settingsPage = (context: PortalContext, values: NotificationSettingsValues, errors: FieldErrors, status = 200, saved = false) => ({
  title: context.i18n.t('notificationSettings.title'),
  status,
  noStore: true,
  body: createElement(NotificationSettingsPage, { values, errors, saved }),
});

/**
 * The signed-in person's notifications and their settings; and the one-click unsubscribe address of
 * every mail, which needs no sign-in: its signed token names the person and the kind.
 */
export const notificationRoutes = [
  portalRoute({
    method: 'GET',
    path: '/account/notifications',
    actions: ['me.find'],
    handle: async ({ context, query }) => {
      const userId = context.user!.id;
      // The language the person reads the portal in is the one their mails use, until they choose another.
      await service(context).rememberLanguage(userId, context.lang);
      const before = Number(text(query, 'before')) || undefined;
      const { items, more } = await service(context).list(userId, { before, limit: PAGE_SIZE });
      // The socket joins the person's own room with a token good for a quarter of an hour (the page is never cached).
      const languageOf = await languagesOfItems(context.strapi, items.flatMap(({ payload }) => (payload.municipalityCode === undefined ? [] : [{ municipalityCode: payload.municipalityCode }])));
      const liveToken = context.strapi.plugin('users-permissions').service('jwt').issue({ id: userId }, { expiresIn: '15m' });
      return {
        title: context.i18n.t('notifications.title'),
        noStore: true,
        scripts: ['live.js'],
        body: createElement(NotificationsPage, { items, languageOf, olderThan: more ? items[items.length - 1].id : null, userId, liveToken }),
      };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/account/notifications/read',
    actions: ['me.find'],
    handle: async ({ context, form }) => {
      const id = Number(text(form, 'id'));
      await service(context).markRead(context.user!.id, Number.isInteger(id) && id > 0 ? id : undefined);
      return { redirect: context.href('/account/notifications') };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/account/notifications/settings',
    actions: ['me.find'],
    handle: async ({ context, query }) => {
      const settings = await service(context).settings(context.user!.id);
      return settingsPage(context, { language: settings.language ?? context.lang, kinds: settings.kinds }, {}, 200, text(query, 'saved') === '1');
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/account/notifications/settings',
    actions: ['me.updateProfile'],
    handle: async ({ context, form }) => {
      const on = ticked(form);
      const language = text(form, 'language');
      if (!isPortalLanguage(language)) {
        const kinds = NOTIFICATION_KINDS.map((kind) => ({ kind, email: on.some((o) => o.kind === kind && o.channel === 'email'), portal: on.some((o) => o.kind === kind && o.channel === 'portal') }));
        return settingsPage(context, { language, kinds }, { language: 'notificationSettings.languageInvalid' }, 400);
      }
      await service(context).saveSettings(context.user!.id, { language, on });
      return { redirect: context.href('/account/notifications/settings?saved=1') };
    },
  }),
  portalRoute({
    method: 'GET',
    path: '/unsubscribe/:token',
    actions: [],
    params: tokenParams,
    handle: async ({ context, params }) => {
      const named = service(context).readUnsubscribe(params.token);
      return {
        title: context.i18n.t('unsubscribe.title'),
        status: named ? 200 : 404,
        noStore: true,
        body: createElement(UnsubscribePage, { token: params.token, kind: named?.kind ?? null, state: named ? 'ask' : 'invalid' }),
      };
    },
  }),
  portalRoute({
    method: 'POST',
    path: '/unsubscribe/:token',
    actions: [],
    params: tokenParams,
    // RFC 8058: the mail client POSTs with no cookie and no form token; the signed token is the proof.
    signedPath: true,
    handle: async ({ context, params }) => {
      const named = await service(context).unsubscribe(params.token);
      return {
        title: context.i18n.t('unsubscribe.title'),
        status: named ? 200 : 404,
        noStore: true,
        body: createElement(UnsubscribePage, { token: params.token, kind: named?.kind ?? null, state: named ? 'done' : 'invalid' }),
      };
    },
  }),
];
