import type { Proposal } from '../../../shared/contracts/rounds';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { Message } from '../components/Message';
import { UserText } from '../components/UserText';
import type { PortalLanguage } from '../i18n/languages';

/** Withdrawing cannot be undone: the page says so and asks once more (GOV.UK's check before acting). */
export const WithdrawProposalPage = ({ proposal, language }: { proposal: Proposal; language: PortalLanguage }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <h1>{t('withdraw.title')}</h1>
      <p>
        <Message id="withdraw.explain" values={{ title: <UserText language={language}>{proposal.title}</UserText> }} />
      </p>
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
