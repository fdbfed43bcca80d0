import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round } from '../../../shared/contracts/rounds';
import { usePortal } from './portal-context';

/**
 * Why this voter cannot vote in the round (the ballot service's eligibility field: residence, birth date,
 * verification), said before they start, with the way to their profile where most of it is put right.
 */
export const IneligibleNotice = ({ field, round, municipality }: { field: string; round: Round; municipality: Municipality }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const { eligibility } = round;
  const reason =
    field === 'residence'
      ? t('ballot.ineligible.residence', { municipality: municipality.name })
      : field === 'birthDate'
        ? t('ballot.ineligible.age', {
            min: eligibility.minAge ?? 0,
            max: eligibility.maxAge ?? 0,
            hasMin: eligibility.minAge === undefined ? 'no' : 'yes',
            hasMax: eligibility.maxAge === undefined ? 'no' : 'yes',
            date: eligibility.ageOnDate ? i18n.date(eligibility.ageOnDate) : '',
          })
        : t('ballot.ineligible.verified');
  return (
    <div className="notice notice--warning">
      <h2>{t('ballot.ineligible.title')}</h2>
      <p>{reason}</p>
      <p>
        <a href={href('/account/profile')}>{t('ballot.ineligible.profileLink')}</a>
      </p>
    </div>
  );
};
