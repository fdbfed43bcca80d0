import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round } from '../../../shared/contracts/rounds';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { UserText, writtenIn } from '../components/UserText';
import { PHASE_MESSAGES } from '../components/round-phase';
import { ConfirmForm } from '../components/ConfirmForm';
import { RoundWorkspaceTrail } from '../components/RoundWorkspaceTrail';
import type { NextStep } from '../workspace/round-next-step';

/**
 * Check before a phase moves on: no phase can be gone back to. What it will do, and one button; or, when
 * something blocks it (found here or refused by the service), what must be done first.
 */
export const WorkspaceRoundPhasePage = ({ municipality, round, step, refused = false }: { municipality: Municipality; round: Round; step: NextStep; refused?: boolean }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const roundPath = `/workspace/${municipality.code}/rounds/${round.documentId}`;
  return (
    <>
      <RoundWorkspaceTrail municipality={municipality} round={round} />
      <h1>{t(`wsRounds.action.${step.action}.confirm` as MessageKey)}</h1>
      {step.blockers.length > 0 || refused ? (
        <>
          <div className="notice notice--warning" role="alert">
            <p>{t('wsRounds.step.blocked')}</p>
            <ul>
              {step.blockers.map((blocker) => (
                <li key={blocker.key}>{t(blocker.key, blocker.values)}</li>
              ))}
              {refused && step.blockers.length === 0 && <li>{t('wsRounds.step.refused')}</li>}
            </ul>
          </div>
          <p>
            <a href={href(roundPath)}>{t('wsRounds.backToRound')}</a>
          </p>
        </>
      ) : (
        <ConfirmForm
          rows={[
            { label: t('wsRounds.column.round'), value: <UserText language={writtenIn(round, municipality)}>{round.title}</UserText> },
            { label: t('wsRounds.confirm.from'), value: t(PHASE_MESSAGES[round.phase]) },
            { label: t('wsRounds.confirm.to'), value: t(PHASE_MESSAGES[step.to]) },
            {
              label: t('wsRounds.confirm.effects'),
              value: (
                <ul>
                  {step.effects.map((effect) => (
                    <li key={effect.key}>{t(effect.key, effect.values)}</li>
                  ))}
                </ul>
              ),
            },
          ]}
          action={href(`${roundPath}/phase/${step.action}`)}
          submitLabel={t(`wsRounds.action.${step.action}.button` as MessageKey)}
          backHref={href(roundPath)}
          backLabel={t('wsRounds.confirm.notNow')}
          warning={t('wsRounds.confirm.irreversible')}
        />
      )}
    </>
  );
};
