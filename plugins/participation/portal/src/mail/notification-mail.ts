import type { NotificationKind, NotificationPayload } from '../../../server/src/domain/notifications/kinds';
import { translatorFor } from '../i18n/translator';
import { TEXT_DIRECTIONS, type PortalLanguage } from '../i18n/languages';
import { notificationMessage, notificationText } from './notification-text';
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
  /** What the first news's title is written in, when that is known. */
  titleLanguage?: PortalLanguage;
}

/** Where the title goes in the HTML sentence: a character no stored text holds (PostgreSQL refuses it). */
const TITLE_SLOT = '\u0000';

/**
 * A notification mail in the person's language, with RFC 8058 one-click unsubscribe headers: a mail
 * client's "unsubscribe" button POSTs `List-Unsubscribe=One-Click` to the signed link, no sign-in needed.
 */
export const notificationMail = ({ lang, username, kind, payloads, portalUrl, unsubscribeUrl, titleLanguage }: NotificationMailInput) => {
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
  const linked = (html: string, url: string) => html.split(escapeHtml(url)).join(`<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`);
  // The news's sentence with its title marked when that is written in another language than the mail (WCAG 3.1.2).
  const titleHtml = titleLanguage && titleLanguage !== lang ? `<span lang="${titleLanguage}" dir="${TEXT_DIRECTIONS[titleLanguage]}">${escapeHtml(first.title)}</span>` : escapeHtml(first.title);
  const { id, values } = notificationMessage(i18n, first, TITLE_SLOT, payloads.length);
  const lineHtml = escapeHtml(i18n.t(id, values)).split(TITLE_SLOT).join(titleHtml);
  const [greeting, , open, footer] = paragraphs.map((paragraph) => linked(linked(escapeHtml(paragraph), link), unsubscribeUrl));
  const html = [greeting, lineHtml, open, footer].map((paragraph) => `<p>${paragraph}</p>`).join('\n');
  return {
    subject: line,
    text: paragraphs.join('\n\n'),
    html: `<!doctype html><html lang="${lang}"><body>${html}</body></html>`,
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
};
