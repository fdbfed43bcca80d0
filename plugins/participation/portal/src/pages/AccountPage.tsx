import { usePortal } from '../components/portal-context';

/** The signed-in person's own pages, each with what it is for. */
export const AccountPage = ({ email }: { email: string }) => {
  const { i18n, href, user } = usePortal();
  const { t } = i18n;
  return (
    <>
      <h1>{t('account.title')}</h1>
      <p>{t('account.signedInAs', { name: user?.username ?? '', email })}</p>
      <ul className="account-links">
        <li>
          <a href={href('/account/profile')}>{t('profile.title')}</a>
          <p className="hint">{t('account.profileHelp')}</p>
        </li>
        <li>
          <a href={href('/account/demographics')}>{t('demographics.title')}</a>
          <p className="hint">{t('account.demographicsHelp')}</p>
        </li>
        <li>
          <a href={href('/account/notifications')}>{t('account.notificationsLink')}</a>
        </li>
        <li>
          <a href={href('/account/activity')}>{t('account.activityLink')}</a>
        </li>
      </ul>
    </>
  );
};
