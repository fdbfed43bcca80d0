import type { ReactNode } from 'react';
import type { Round } from '../../../shared/contracts/rounds';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { BallotRule } from '../components/BallotRule';
import { WorkspaceTrail, type WorkspaceMunicipality } from '../components/WorkspaceTrail';
import { Message } from '../components/Message';
import { UserText, writtenIn } from '../components/UserText';
import type { DeskFlash } from '../workspace/ballot-desk-flash';

export type DeskReceipt = DeskFlash['receipt'];

/** The last ballot's receipt, to hand over (or print, or save) before the next form is entered. */
const LastReceipt = ({ round, receipt }: { round: Round; receipt: DeskReceipt }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <section className="panel panel--confirmation" aria-labelledby="desk-receipt-title" role="status">
      <h2 id="desk-receipt-title">{t(receipt.channel === 'paper' ? 'wsDesk.recordedPaper' : 'wsDesk.recordedAssisted')}</h2>
      <p>{t('wsDesk.receiptLabel')}</p>
      <p className="receipt-code">{receipt.receiptCode}</p>
      <div className="no-print desk-receipt-actions">
        <button type="button" className="link-button" data-print hidden>
          {t('ballot.print')}
        </button>
        <form method="post" action={href(`/rounds/${round.documentId}/vote/receipt`)}>
          <CsrfField />
          <input type="hidden" name="receiptCode" value={receipt.receiptCode} />
          <input type="hidden" name="castAt" value={receipt.castAt} />
          <button type="submit" className="button button--secondary">
            {t('ballot.save')}
          </button>
        </form>
      </div>
    </section>
  );
};

/**
 * The facilitator's desk for one round: the last receipt (after a ballot), then the desk's form
 * (components/BallotDeskForm.tsx). After each ballot the same page comes back empty, so a stack of paper
 * forms is entered one after another without leaving it.
 */
export const BallotDeskPage = ({
  round,
  municipality,
  errors,
  receipt,
  form,
}: {
  round: Round;
  municipality: WorkspaceMunicipality & { currency: string };
  errors: FieldErrors;
  receipt: DeskReceipt | null;
  /** The form (components/BallotDeskForm.tsx), as rendered now or, empty, as kept (workspace/ballot-desk-empty-form.ts). */
  form: ReactNode;
}) => {
  const { i18n } = usePortal();
  const { t } = i18n;
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('wsDesk.title'), path: '/ballot-desk' }]} />
      <ErrorSummary errors={errors} />
      {receipt && <LastReceipt round={round} receipt={receipt} />}
      <h1>
        <Message id="wsDesk.roundTitle" values={{ round: <UserText language={writtenIn(round, municipality)}>{round.title}</UserText> }} />
      </h1>
      <p>
        <BallotRule round={round} currency={municipality.currency} />
      </p>
      <div className="no-print">{form}</div>
    </>
  );
};
