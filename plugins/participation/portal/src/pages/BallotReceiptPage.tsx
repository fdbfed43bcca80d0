import type { Round } from '../../../shared/contracts/rounds';
import type { BallotReceipt } from '../ballot/ballot-receipt';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { Message } from '../components/Message';
import { UserText } from '../components/UserText';
import type { PortalLanguage } from '../i18n/languages';

/**
 * The receipt, shown once right after the vote (it is in no address and no cache): the code large, a way
 * to print it and a way to save it as a text file. Read again, the page says where the receipt went.
 */
export const BallotReceiptPage = ({ round, roundLanguage, receipt }: { round: Round; roundLanguage: PortalLanguage; receipt: BallotReceipt | null }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const roundPath = `/rounds/${round.documentId}`;
  const roundTitle = <UserText language={roundLanguage}>{round.title}</UserText>;
  if (!receipt) {
    return (
      <>
        <h1>{t('ballot.receiptGoneTitle')}</h1>
        <p>{t('ballot.receiptGone')}</p>
        <p>
          <a href={href(roundPath)}>{roundTitle}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <div className="panel panel--confirmation">
        <h1>{t(receipt.replaced ? 'ballot.replacedTitle' : 'ballot.castTitle')}</h1>
        <p>{t('ballot.receiptLabel')}</p>
        <p className="receipt-code">{receipt.receiptCode}</p>
      </div>
      <p>{t('ballot.receiptKeep', { date: i18n.date(receipt.castAt) })}</p>
      <p className="no-print">
        {t('ballot.printHint')}{' '}
        <button type="button" className="link-button" data-print hidden>
          {t('ballot.print')}
        </button>
      </p>
      <form method="post" action={href(`${roundPath}/vote/receipt`)} className="no-print">
        <CsrfField />
        <input type="hidden" name="receiptCode" value={receipt.receiptCode} />
        <input type="hidden" name="castAt" value={receipt.castAt} />
        <button type="submit" className="button button--secondary">
          {t('ballot.save')}
        </button>
      </form>
      <p className="no-print">
        <a href={href(roundPath)}>
          <Message id="ballot.backToRound" values={{ round: roundTitle }} />
        </a>
      </p>
    </>
  );
};
