import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round } from '../../../shared/contracts/rounds';
import type { BallotFormValues } from '../ballot/ballot-form';
import type { BallotTally, OpenBallot } from '../ballot/ballot-tally';
import { usePortal } from '../components/portal-context';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { BallotRule } from '../components/BallotRule';
import { BallotForm } from '../components/BallotForm';
import { LiveUpdates } from '../components/LiveUpdates';
import { UserText, writtenIn } from '../components/UserText';
import type { ProjectLanguages } from '../ballot/project-languages';

/**
 * The voter's ballot: the round's rule in plain words, then the ballot form (components/BallotForm.tsx),
 * with the ballots listing each proposal so far in rounds that show running totals. Works as a plain form;
 * ballot.js adds the running count, live.js keeps the totals current.
 */
export const BallotChoosePage = ({
  round,
  municipality,
  ballot,
  languages,
  values,
  errors,
  tally,
}: {
  round: Round;
  municipality: Municipality;
  ballot: OpenBallot;
  languages: ProjectLanguages;
  values: BallotFormValues;
  errors: FieldErrors;
  tally: BallotTally | null;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const { currency } = municipality;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/rounds/${round.documentId}`)}>
          <UserText language={writtenIn(round, municipality)}>{round.title}</UserText>
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <h1>{t('ballot.chooseTitle')}</h1>
      <p>
        <BallotRule round={round} currency={currency} />
      </p>
      {round.runningTotals && <LiveUpdates rooms={[`round:${round.documentId}`]} runningTotals={t('live.runningTotalsUpdated')} />}
      <BallotForm
        round={round}
        currency={currency}
        ballot={ballot}
        languages={languages}
        values={values}
        errors={errors}
        tally={tally}
        action={href(`/rounds/${round.documentId}/vote`)}
        submitLabel={t('ballot.continue')}
        showRunningTotals
      />
    </>
  );
};
