import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';

/** Withdrawing erases the declaration: the page says so and asks once more before doing it. */
export const WithdrawDemographicsPage = () => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <h1>{t('demographics.withdrawTitle')}</h1>
      <p>{t('demographics.withdrawExplain')}</p>
      <form method="post" action={href('/account/demographics/withdraw')}>
        <CsrfField />
        <button type="submit" className="button button--warning">
          {t('demographics.withdrawConfirm')}
        </button>
      </form>
      <p>
        <a href={href('/account/demographics')}>{t('demographics.withdrawCancel')}</a>
      </p>
    </>
  );
};
