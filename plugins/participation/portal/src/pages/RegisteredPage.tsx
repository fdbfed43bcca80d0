import { usePortal } from '../components/portal-context';

/** After registering: signed in, or asked to confirm the e-mail address first. */
export const RegisteredPage = ({ mustConfirm }: { mustConfirm: boolean }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <h1>{t('registered.title')}</h1>
      <p>{t(mustConfirm ? 'registered.confirmEmail' : 'registered.signedIn')}</p>
      <p>
        <a href={href('/')}>{t('registered.continue')}</a>
      </p>
    </>
  );
};
