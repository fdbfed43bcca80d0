import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round } from '../../../shared/contracts/rounds';
import { ROUND_PHASES, rulesAreFrozen } from '../../../server/src/domain/rounds/phases';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { UserText, writtenIn } from '../components/UserText';
import { PhaseName } from '../components/round-phase';
import { RoundRules } from '../components/RoundRules';
import { WorkspaceTrail } from '../components/WorkspaceTrail';
import { DoneNotice } from '../components/DoneNotice';
import type { NextStep } from '../workspace/round-next-step';

const after = (round: Round, phase: Round['phase']) => ROUND_PHASES.indexOf(round.phase) >= ROUND_PHASES.indexOf(phase);

/** The next phase as a button, with what it will do, or what blocks it and must be done first. */
const NextStepPanel = ({ round, step, base }: { round: Round; step: NextStep | null; base: string }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  if (!step) return <p>{t('wsRounds.step.none')}</p>;
  return (
    <>
      <p>{t(`wsRounds.action.${step.action}` as MessageKey)}</p>
      <ul>
        {step.effects.map((effect) => (
          <li key={effect.key}>{t(effect.key, effect.values)}</li>
        ))}
      </ul>
      {step.blockers.length > 0 ? (
        <div className="notice notice--warning">
          <p>{t('wsRounds.step.blocked')}</p>
          <ul>
            {step.blockers.map((blocker) => (
              <li key={blocker.key}>{t(blocker.key, blocker.values)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p>
          <a className="button" href={href(`${base}/${round.documentId}/phase/${step.action}`)}>
            {t(`wsRounds.action.${step.action}.button` as MessageKey)}
          </a>
        </p>
      )}
    </>
  );
};

/** One round at work: where it stands, its rules as citizens read them, its next step, turnout and count. */
export const WorkspaceRoundPage = ({ municipality, round, step, done }: { municipality: Municipality; round: Round; step: NextStep | null; done: MessageKey | null }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/rounds`;
  const frozen = rulesAreFrozen(round.phase);
  return (
    <>
      <WorkspaceTrail municipality={municipality} steps={[{ label: t('wsRounds.title'), path: '/rounds' }]} />
      <DoneNotice message={done} />
      <h1>
        <UserText language={writtenIn(round, municipality)}>{round.title}</UserText>
      </h1>
      <dl className="summary-list">
        <div>
          <dt>{t('wsRounds.column.phase')}</dt>
          <dd>
            <PhaseName phase={round.phase} />
          </dd>
        </div>
        <div>
          <dt>{t('wsRounds.column.year')}</dt>
          <dd>{String(round.fiscalYear)}</dd>
        </div>
        <div>
          <dt>{t('wsRounds.column.budget')}</dt>
          <dd>{i18n.money(round.totalBudget, municipality.currency)}</dd>
        </div>
      </dl>
      <p>
        <a href={href(`${base}/${round.documentId}/edit`)}>{t(frozen ? 'wsRounds.seeSettings' : 'wsRounds.editSettings')}</a>
        {round.phase !== 'draft' && (
          <>
            {' · '}
            <a href={href(`/rounds/${round.documentId}`)}>{t('wsRounds.publicPage')}</a>
          </>
        )}
      </p>

      <h2>{t('wsRounds.step.title')}</h2>
      <NextStepPanel round={round} step={step} base={base} />

      {after(round, 'voting') && (
        <p>
          <a href={href(`${base}/${round.documentId}/turnout`)}>{t('wsRounds.turnout.link')}</a>
        </p>
      )}
      {round.phase === 'counting' && (
        <p>
          <a href={href(`${base}/${round.documentId}/count`)}>{t('wsRounds.count.link')}</a>
        </p>
      )}
      {after(round, 'results') && (
        <p>
          <a href={href(`/rounds/${round.documentId}/results`)}>{t('wsRounds.count.published')}</a>
        </p>
      )}

      <h2>{t('wsRounds.preview.title')}</h2>
      <RoundRules round={round} municipality={municipality} />
    </>
  );
};
