import { randomBytes } from 'crypto';
import { UID } from '../../../server/src/constants/uids';
import type { PortalContext } from '../http/portal-route';
import { escapeHtml } from './escape-html';

/** The mail's text as HTML: paragraphs as written, the link a link. */
const htmlOf = (text: string, link: string) =>
  text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/**
 * Starts a password reset as users-permissions' own forgot-password route does: 64 random bytes in the
 * account's `resetPasswordToken` (its reset route and the portal's both accept it once), and a mail with
 * the link, here to the portal's reset page in the page's language, on the server's public address
 * (`PUBLIC_URL`). An unknown or blocked address gets nothing, and nothing says so.
 */
export const sendPasswordResetMail = async (context: PortalContext, email: string) => {
  const { strapi, i18n } = context;
  const user = await strapi.db.query(UID.user).findOne({ where: { email, provider: 'local' }, select: ['id', 'username', 'email', 'blocked'] });
  if (!user || user.blocked) return;
  const token = randomBytes(64).toString('hex');
  await strapi.plugin('users-permissions').service('user').edit(user.id, { resetPasswordToken: token });
  const server = String(strapi.config.get('server.absoluteUrl')).replace(/\/+$/, '');
  const link = `${server}${context.href(`/reset-password?code=${token}`)}`;
  const text = i18n.t('resetMail.body', { username: user.username, link });
  try {
    await strapi.plugin('email').service('email').send({ to: user.email, subject: i18n.t('resetMail.subject'), text, html: htmlOf(text, link) });
  } catch (error) {
    // The page answers the same whether or not the address has an account: a failed send goes to the log only.
    strapi.log.error(error as Error);
  }
};
