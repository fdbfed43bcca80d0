import Fraction from 'fraction.js';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round } from '../../../shared/contracts/rounds';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';
import { BallotRule } from './BallotRule';

const ruleFamily = (rule: string): 'greedy' | 'mes' | 'phragmen' => (rule.startsWith('mes') ? 'mes' : rule === 'phragmen' ? 'phragmen' : 'greedy');

/**
 * A round's rules in the plain words citizens read: how to vote, how the count funds projects, the
 * reserved shares and who may vote. The public round page shows it, and the workspace previews it while
 * staff set the round up, so both say exactly the same thing.
 */
export const RoundRules = ({ round, municipality }: { round: Round; municipality: Pick<Municipality, 'name' | 'currency'> }) => {
  const { i18n } = usePortal();
  const { t } = i18n;
  const { eligibility } = round;
  return (
    <ul className="rules">
      <li>
        <BallotRule round={round} currency={municipality.currency} />
      </li>
      <li>{t(`rules.counting.${ruleFamily(round.ballotRules.countingRule)}` as MessageKey)}</li>
      {round.reservations.map((reservation) => (
        <li key={reservation.marker}>
          {t(`rules.reservation.${reservation.marker}` as MessageKey, { share: i18n.percent(new Fraction(reservation.share).valueOf()) })}
        </li>
      ))}
      <li>{eligibility.residentsOnly ? t('rules.residentsOnly', { municipality: municipality.name }) : t('rules.anyone')}</li>
      {(eligibility.minAge !== undefined || eligibility.maxAge !== undefined) && (
        <li>
          {t('rules.ageBand', {
            min: eligibility.minAge ?? 0,
            max: eligibility.maxAge ?? 0,
            hasMax: eligibility.maxAge === undefined ? 'no' : 'yes',
            date: eligibility.ageOnDate ? i18n.date(eligibility.ageOnDate) : '',
          })}
        </li>
      )}
      {eligibility.verifiedParticipantsOnly && <li>{t('rules.verifiedOnly')}</li>}
      {round.districts.length > 1 && <li>{t(round.districtsPerVoter === 'every' ? 'rules.everyDistrict' : 'rules.oneDistrict')}</li>}
    </ul>
  );
};
