import type { NotificationKind, NotificationPayload } from '../../../server/src/domain/notifications/kinds';
import { translatorFor } from '../i18n/translator';
import type { PortalLanguage } from '../i18n/languages';
import { notificationText } from './notification-text';
import { escapeHtml } from './escape-html';

export interface NotificationMailInput {
  lang: PortalLanguage;
  username: string;
  kind: NotificationKind;
  /** The news, oldest first; several only for posts in a followed thread, told in one mail. */
  payloads: NotificationPayload[];
  /** The portal's address up to the language (`https://example.org`). */
  portalUrl: (path: string) => string;
  /** The one-click unsubscribe address (POST unsubscribes, GET asks first). */
  unsubscribeUrl: string;
}

/**
 * A notification mail in the person's language, with RFC 8058 one-click unsubscribe headers: a mail
 * client's "unsubscribe" button POSTs `List-Unsubscribe=One-Click` to the signed link, no sign-in needed.
 */
export const notificationMail = ({ lang, username, kind, payloads, portalUrl, unsubscribeUrl }: NotificationMailInput) => {
  const i18n = translatorFor(lang);
  const first = payloads[0];
  const line = notificationText(i18n, first, payloads.length);
  const link = portalUrl(first.path);
  const kindName = i18n.t(`notify.kind.${kind}`);
  const paragraphs = [
    i18n.t('notify.mail.greeting', { username }),
    line,
    i18n.t('notify.mail.open', { link }),
    i18n.t('notify.mail.footer', { kind: kindName, link: unsubscribeUrl }),
  ];
  const html = paragraphs
    .map((paragraph) =>
      `<p>${escapeHtml(paragraph)
        .replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`)
        .replace(escapeHtml(unsubscribeUrl), `<a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(unsubscribeUrl)}</a>`)}</p>`
    )
    .join('\n');
  return {
    subject: line,
    text: paragraphs.join('\n\n'),
    html: `<!doctype html><html lang="${lang}"><body>${html}</body></html>`,
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
};
