import type { Round, VerifyReceipt } from '../../../shared/contracts/rounds';
import { ballotSetIsPublic } from '../../../server/src/domain/rounds/ballot-publicity';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { BallotsDownload } from '../components/round-results/BallotsDownload';
import { UserText } from '../components/UserText';
import type { PortalLanguage } from '../i18n/languages';

export type ReceiptAnswer = VerifyReceipt.Response['data'];

/** What the API's check found, in words: in the count as cast, in it but changed, or not in it. Never the choices. */
const Answer = ({ answer }: { answer: ReceiptAnswer }) => {
  const { t } = usePortal().i18n;
  if (answer.inPublishedBallotSet && answer.matchesBallotAsCast) {
    return (
      <div className="notice receipt-answer" role="status">
        <p className="receipt-answer__verdict">{t('receipt.found')}</p>
        <p>{t('receipt.foundDetail', { code: answer.receiptCode, channel: answer.channel ?? 'online' })}</p>
      </div>
    );
  }
  return (
    <div className="notice receipt-answer receipt-answer--problem" role="status">
      <p className="receipt-answer__verdict">{t(answer.inPublishedBallotSet ? 'receipt.mismatch' : 'receipt.notFound')}</p>
      <p>{t(answer.inPublishedBallotSet ? 'receipt.mismatchHelp' : 'receipt.notFoundHelp', { code: answer.receiptCode })}</p>
    </div>
  );
};

/** Check a receipt against the published ballot set, once voting has closed (the API's verify, through a form). */
export const ReceiptCheckPage = ({
  round,
  roundLanguage,
  code,
  answer,
  errors,
  apiBase,
}: {
  round: Round;
  roundLanguage: PortalLanguage;
  code?: string;
  answer?: ReceiptAnswer;
  errors: FieldErrors;
  apiBase: string;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const open = ballotSetIsPublic(round.phase);
  const action = href(`/rounds/${round.documentId}/receipt-check`);
  return (
    <>
      <ErrorSummary errors={errors} />
      <p className="breadcrumb">
        <a href={href(`/rounds/${round.documentId}`)}>
          <UserText language={roundLanguage}>{round.title}</UserText>
        </a>
      </p>
      <h1>{t('receipt.title')}</h1>
      {!open && <p className="notice">{round.schedule.votingClose ? t('receipt.notYetDate', { date: i18n.date(round.schedule.votingClose) }) : t('receipt.notYet')}</p>}
      {open && (
        <>
          {answer && <Answer answer={answer} />}
          <p>{t('receipt.lead')}</p>
          <form method="post" action={action} noValidate>
            <CsrfField />
            <TextField name="receiptCode" label={t('receipt.code')} hint={t('receipt.codeHint')} value={code} error={errors.receiptCode} autoComplete="off" />
            <button type="submit" className="button">
              {t('receipt.submit')}
            </button>
          </form>
          <p>
            <a href={href(`/rounds/${round.documentId}/results`)}>{t('receipt.seeResults')}</a>
          </p>
          <BallotsDownload round={round} apiBase={apiBase} />
        </>
      )}
    </>
  );
};
