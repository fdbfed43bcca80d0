import type { Round } from '../../../shared/contracts/rounds';
import { ballotSetIsPublic } from '../../../server/src/domain/rounds/ballot-publicity';
import { usePortal } from '../components/portal-context';
import { BallotsDownload } from '../components/round-results/BallotsDownload';
import { Message } from '../components/Message';
import { UserText } from '../components/UserText';
import type { PortalLanguage } from '../i18n/languages';

/** Before a round's results are published: when they come, and (once voting has closed) the ballots and receipt check already public. */
export const ResultsPendingPage = ({ round, roundLanguage, apiBase }: { round: Round; roundLanguage: PortalLanguage; apiBase: string }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const roundTitle = <UserText language={roundLanguage}>{round.title}</UserText>;
  const closed = ballotSetIsPublic(round.phase);
  const closes = round.schedule.votingClose;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/rounds/${round.documentId}`)}>{roundTitle}</a>
      </p>
      <h1>
        <Message id="results.title" values={{ round: roundTitle }} />
      </h1>
      <p className="notice">
        {closed ? t('results.pending.counting') : closes ? t('results.pending.votingCloses', { date: i18n.date(closes) }) : t('results.pending.notYet')}
      </p>
      {closed && (
        <>
          <p>
            <a href={href(`/rounds/${round.documentId}/receipt-check`)}>{t('receipt.title')}</a>
          </p>
          <BallotsDownload round={round} apiBase={apiBase} />
        </>
      )}
    </>
  );
};
