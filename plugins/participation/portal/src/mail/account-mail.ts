import type { PortalContext } from '../http/portal-route';
import { escapeHtml } from './escape-html';

/** The mail's text as HTML: paragraphs as written, the link a link. */
const htmlOf = (text: string, link: string) =>
  text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/** A portal page's address on the server's public address (`PUBLIC_URL`), in the page's language: what a mailed link opens. */
export const publicLink = (context: PortalContext, path: string) => `${String(context.strapi.config.get('server.absoluteUrl')).replace(/\/+$/, '')}${context.href(path)}`;

/**
 * Sends a mail about a person's account, as text with one link and the same as HTML. The pages that send
 * these answer the same whether or not an address has an account, so a failed send goes to the log only.
 */
export const sendAccountMail = async (context: PortalContext, mail: { to: string; subject: string; text: string; link: string }) => {
  try {
    await context.strapi.plugin('email').service('email').send({ to: mail.to, subject: mail.subject, text: mail.text, html: htmlOf(mail.text, mail.link) });
  } catch (error) {
    context.strapi.log.error(error as Error);
  }
};
