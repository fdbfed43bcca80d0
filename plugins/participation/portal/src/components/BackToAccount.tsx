import { usePortal } from './portal-context';

/** The way back from one of the account's pages to the account. */
export const BackToAccount = () => {
  const { i18n, href } = usePortal();
  return (
    <p>
      <a href={href('/account')}>{i18n.t('account.back')}</a>
    </p>
  );
};
