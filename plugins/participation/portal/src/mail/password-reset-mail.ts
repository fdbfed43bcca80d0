import { randomBytes } from 'crypto';
import { UID } from '../../../server/src/constants/uids';
import type { PortalContext } from '../http/portal-route';
import { publicLink, sendAccountMail } from './account-mail';

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
  const link = publicLink(context, `/reset-password?code=${token}`);
  await sendAccountMail(context, { to: user.email, subject: i18n.t('resetMail.subject'), text: i18n.t('resetMail.body', { username: user.username, link }), link });
};
