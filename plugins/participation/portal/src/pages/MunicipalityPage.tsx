import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round, RoundPhase } from '../../../shared/contracts/rounds';
import { usePortal } from '../components/portal-context';
import { PhaseName, closingDateOf } from '../components/round-phase';
import type { ProgrammeIndicators } from '../../../shared/contracts/reports';
import { ProgrammeFigures } from '../components/ProgrammeFigures';
import { UserText, writtenIn } from '../components/UserText';

/** Open for the public to act on now, then under way, then finished: the order a citizen looks for. */
const GROUPS: Array<{ heading: 'municipality.openNow' | 'municipality.underWay' | 'municipality.finished' | 'municipality.comingSoon'; phases: RoundPhase[] }> = [
  { heading: 'municipality.openNow', phases: ['proposals', 'voting'] },
  { heading: 'municipality.underWay', phases: ['review', 'counting', 'implementation'] },
  { heading: 'municipality.finished', phases: ['results', 'closed'] },
  { heading: 'municipality.comingSoon', phases: ['draft'] },
];

/**
 * A municipality: its budgeting rounds by what a person can do in them now, its budgets by year, and its
 * headline figures (`indicators`: the programme indicators of this municipality over the years it has
 * rounds or budgets, null when it has neither).
 */
export const MunicipalityPage = ({
  municipality,
  rounds,
  budgetYears,
  indicators,
}: {
  municipality: Municipality;
  rounds: Round[];
  budgetYears: number[];
  indicators: ProgrammeIndicators | null;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <h1>{municipality.name}</h1>
      {indicators && (
        <section aria-labelledby="headline-figures">
          <h2 id="headline-figures">{t('municipality.figures')}</h2>
          <ProgrammeFigures
            sheet={indicators}
            caption={t('municipality.figuresCaption', { municipality: municipality.name, from: String(indicators.fromYear), to: String(indicators.toYear) })}
            perMunicipality={false}
          />
          <p>
            <a href={href(`/programme-indicators?municipalities=${municipality.code}&fromYear=${indicators.fromYear}&toYear=${indicators.toYear}`)}>{t('municipality.figuresLink')}</a>
          </p>
        </section>
      )}
      <h2>{t('municipality.rounds')}</h2>
      {rounds.length === 0 && <p>{t('municipality.noRounds')}</p>}
      {GROUPS.map(({ heading, phases }) => {
        const inGroup = rounds.filter((round) => phases.includes(round.phase));
        if (inGroup.length === 0) return null;
        return (
          <section key={heading} aria-labelledby={heading}>
            <h3 id={heading}>{t(heading)}</h3>
            <ul className="card-list">
              {inGroup.map((round) => {
                const closes = closingDateOf(round);
                return (
                  <li key={round.documentId} className="card">
                    <a href={href(`/rounds/${round.documentId}`)}>
                      <UserText language={writtenIn(round, municipality)}>{round.title}</UserText>
                    </a>
                    <p className="card__meta">
                      <PhaseName phase={round.phase} />
                      {closes && ` · ${t('round.closesOn', { date: i18n.date(closes) })}`}
                    </p>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      <h2>{t('municipality.budgets')}</h2>
      {budgetYears.length === 0 ? (
        <p>{t('municipality.noBudget')}</p>
      ) : (
        <ul className="inline-list">
          {budgetYears.map((year) => (
            <li key={year}>
              <a href={href(`/municipalities/${municipality.code}/budget/${year}`)}>{t('municipality.budgetOfYear', { year: String(year) })}</a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('municipality.decisions')}</h2>
      <p>
        <a href={href(`/municipalities/${municipality.code}/decisions`)}>{t('municipality.decisionsLink')}</a>
      </p>
      <h2>{t('municipality.community')}</h2>
      <ul className="inline-list">
        <li>
          <a href={href(`/municipalities/${municipality.code}/forums`)}>{t('municipality.forumsLink')}</a>
        </li>
        <li>
          <a href={href(`/municipalities/${municipality.code}/dialogue-groups`)}>{t('municipality.dialogueGroupsLink')}</a>
        </li>
        <li>
          <a href={href(`/municipalities/${municipality.code}/consultations`)}>{t('municipality.consultationsLink')}</a>
        </li>
      </ul>
    </>
  );
};
