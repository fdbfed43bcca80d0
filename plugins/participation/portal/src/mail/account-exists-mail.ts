import { UID } from '../../../server/src/constants/uids';
import type { PortalContext } from '../http/portal-route';
import { publicLink, sendAccountMail } from './account-mail';

/**
 * Tells the owner of an address that someone tried to register it again, with the way to sign in (and from
 * there to a new password). While accounts are confirmed by e-mail, the register page answers a taken
 * address as it answers a new one, so that no page says which addresses have accounts: this mail, to the
 * address itself, is the only answer. A blocked account gets nothing.
 */
export const sendAccountExistsMail = async (context: PortalContext, email: string) => {
  const { strapi, i18n } = context;
  const user = await strapi.db.query(UID.user).findOne({ where: { email }, select: ['username', 'email', 'blocked'] });
  if (!user || user.blocked) return;
  const link = publicLink(context, '/sign-in');
  await sendAccountMail(context, { to: user.email, subject: i18n.t('accountExistsMail.subject'), text: i18n.t('accountExistsMail.body', { username: user.username, link }), link });
};
