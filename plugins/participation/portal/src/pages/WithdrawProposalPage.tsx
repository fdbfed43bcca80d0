import type { Proposal } from '../../../shared/contracts/rounds';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';

/** Withdrawing cannot be undone: the page says so and asks once more (GOV.UK's check before acting). */
export const WithdrawProposalPage = ({ proposal }: { proposal: Proposal }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <h1>{t('withdraw.title')}</h1>
      <p>{t('withdraw.explain', { title: proposal.title })}</p>
      <form method="post" action={href(`/proposals/${proposal.documentId}/withdraw`)}>
        <CsrfField />
        <button type="submit" className="button button--warning">
          {t('withdraw.confirm')}
        </button>
      </form>
      <p>
        <a href={href(`/proposals/${proposal.documentId}`)}>{t('withdraw.cancel')}</a>
      </p>
    </>
  );
};
