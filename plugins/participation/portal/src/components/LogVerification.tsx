import type { DecisionLogCheckpoint, DecisionLogProblem, DecisionLogVerification } from '../../../shared/contracts/decisions';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';

const PROBLEMS: Record<DecisionLogProblem['problem'], MessageKey> = {
  missing: 'decisions.problem.missing',
  reordered: 'decisions.problem.reordered',
  altered: 'decisions.problem.altered',
  'broken-link': 'decisions.problem.brokenLink',
  'head-not-found': 'decisions.problem.headNotFound',
  rewritten: 'decisions.problem.rewritten',
  truncated: 'decisions.problem.truncated',
};

/**
 * Whether the log verifies, in words: against the checkpoint the server signed with its latest entry
 * when there is one. A broken log is said in text ("Warning"), the border only repeats it.
 */
export const LogVerification = ({ verification, checkpoint }: { verification: DecisionLogVerification; checkpoint: DecisionLogCheckpoint | null }) => {
  const { t, date } = usePortal().i18n;
  const checkpointDate = checkpoint ? date(checkpoint.issuedAt) : '';
  const { firstProblem } = verification;
  return (
    <section aria-labelledby="log-verification" className={`notice ${verification.valid ? 'notice--success' : 'notice--warning'}`}>
      <h2 id="log-verification">{t('decisions.verification')}</h2>
      {verification.entries === 0 && verification.valid ? (
        <p>{t('decisions.verify.empty')}</p>
      ) : verification.valid ? (
        <p>
          {checkpoint
            ? t('decisions.verify.intactSinceCheckpoint', { entries: verification.entries, date: checkpointDate })
            : t('decisions.verify.intact', { entries: verification.entries })}
        </p>
      ) : (
        <p>
          <strong>{t('decisions.verify.warning')}</strong> {t('decisions.verify.broken', { entries: verification.entries })}{' '}
          {firstProblem && t(PROBLEMS[firstProblem.problem], { sequence: firstProblem.sequence, date: checkpointDate })}
        </p>
      )}
    </section>
  );
};
