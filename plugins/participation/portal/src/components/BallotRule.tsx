import type { Round } from '../../../shared/contracts/rounds';
import { usePortal } from './portal-context';

/** What a voter may choose, in plain words, from the round's ballot rules (a rule the round leaves unset is not mentioned). */
export const BallotRule = ({ round, currency }: { round: Round; currency: string }) => {
  const { i18n } = usePortal();
  const { t } = i18n;
  const rules = round.ballotRules;
  const hasMax = rules.maxProjects === undefined ? 'no' : 'yes';
  switch (rules.kind) {
    case 'approval':
      return (
        <>
          {t('rules.approval', { max: rules.maxProjects ?? 0, hasMax })}
          {rules.maxCost && ` ${t('rules.maxCost', { amount: i18n.money(rules.maxCost, currency) })}`}
        </>
      );
    case 'choose-1':
      return <>{t('rules.chooseOne')}</>;
    case 'cumulative':
      return <>{t('rules.cumulative', { points: rules.totalPoints ?? 0, perProject: rules.maxPointsPerProject ?? rules.totalPoints ?? 0 })}</>;
    default:
      return <>{t('rules.ordinal', { max: rules.maxProjects ?? 0, hasMax })}</>;
  }
};
