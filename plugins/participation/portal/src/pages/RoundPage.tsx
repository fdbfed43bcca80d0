import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round, RoundPhase } from '../../../shared/contracts/rounds';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { PHASE_MESSAGES, PhaseName, closingDateOf } from '../components/round-phase';
import { RoundRules } from '../components/RoundRules';
import { IneligibleNotice } from '../components/IneligibleNotice';
import type { VoterStanding } from '../ballot/voter-standing';
import { LiveUpdates } from '../components/LiveUpdates';
import { RoundParticipation } from '../components/RoundParticipation';
import type { RoundParticipationStatistics } from '../../../shared/contracts/reports';
import { UserText, writtenIn } from '../components/UserText';

/** The public phases in their order, each with the scheduled dates that bound it. */
const TIMELINE: Array<{ phase: RoundPhase; from?: keyof Round['schedule']; until?: keyof Round['schedule'] }> = [
  { phase: 'proposals', from: 'proposalsOpen', until: 'proposalsClose' },
  { phase: 'review' },
  { phase: 'voting', from: 'votingOpen', until: 'votingClose' },
  { phase: 'counting' },
  { phase: 'results' },
  { phase: 'implementation' },
  { phase: 'closed' },
];
const ORDER: RoundPhase[] = ['draft', ...TIMELINE.map(({ phase }) => phase)];

/** While voting: the way to the ballot, or what stands in it (not signed in, not eligible), or when the reader voted. */
const VotingCall = ({ round, municipality, standing }: { round: Round; municipality: Municipality; standing: VoterStanding }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const ballotPath = `/rounds/${round.documentId}/vote`;
  switch (standing.kind) {
    case 'anonymous':
      return (
        <p>
          <a className="button" href={href(`/sign-in?returnTo=${encodeURIComponent(ballotPath)}`)}>
            {t('round.signInToVote')}
          </a>
        </p>
      );
    case 'ineligible':
      return <IneligibleNotice field={standing.field} round={round} municipality={municipality} />;
    case 'voted':
      return (
        <div className="notice notice--success">
          <p>
            {t('round.voted', {
              date: i18n.date(standing.at),
              until: round.schedule.votingClose ? i18n.date(round.schedule.votingClose) : '',
              hasUntil: round.schedule.votingClose ? 'yes' : 'no',
            })}
          </p>
          <p>
            <a href={href(ballotPath)}>{t('round.voteAgain')}</a>
          </p>
        </div>
      );
    default:
      return (
        <p>
          <a className="button" href={href(ballotPath)}>
            {t('round.vote')}
          </a>
        </p>
      );
  }
};

/**
 * A budgeting round: where it stands, its timeline, its rules in plain words and its districts; once
 * voting has closed, who took part (`participation`, null before).
 */
export const RoundPage = ({
  round,
  municipality,
  standing,
  participation,
  apiBase,
}: {
  round: Round;
  municipality: Municipality;
  standing: VoterStanding | null;
  participation: RoundParticipationStatistics | null;
  apiBase: string;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const currentIndex = ORDER.indexOf(round.phase);
  const closes = closingDateOf(round);
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/municipalities/${municipality.code}`)}>{municipality.name}</a>
      </p>
      <h1>
        <UserText language={writtenIn(round, municipality)}>{round.title}</UserText>
      </h1>
      <p className="status-line">
        <strong>
          <PhaseName phase={round.phase} />
        </strong>
        {closes && ` · ${t('round.closesOn', { date: i18n.date(closes) })}`}
      </p>
      {round.description && (
        <UserText as="p" language={writtenIn(round, municipality)}>
          {round.description}
        </UserText>
      )}
      {round.phase !== 'draft' && (
        <p>
          <a href={href(`/rounds/${round.documentId}/proposals`)}>{t('round.seeProposals')}</a>
        </p>
      )}
      {currentIndex >= ORDER.indexOf('counting') && <p><a href={href(`/rounds/${round.documentId}/results`)}>{t('round.seeResults')}</a></p>}
      <p>
        <a href={href(`/rounds/${round.documentId}/follow`)}>{t('roundFollow.link')}</a>
      </p>
      <LiveUpdates rooms={[`round:${round.documentId}`]} messages={{ 'round.phase-changed': t('live.roundPhaseChanged'), 'round.result-published': t('live.resultsPublished') }} />
      {standing && <VotingCall round={round} municipality={municipality} standing={standing} />}
      {round.phase === 'proposals' && (
        <p>
          <a className="button" href={href(`/rounds/${round.documentId}/proposals/new`)}>
            {t('round.submitProposal')}
          </a>
        </p>
      )}
      <dl className="summary-list">
        <div>
          <dt>{t('round.fiscalYear')}</dt>
          <dd>{String(round.fiscalYear)}</dd>
        </div>
        <div>
          <dt>{t('round.totalBudget')}</dt>
          <dd>{i18n.money(round.totalBudget, municipality.currency)}</dd>
        </div>
      </dl>

      <h2>{t('round.timeline')}</h2>
      <ol className="timeline">
        {TIMELINE.map(({ phase, from, until }) => {
          const index = ORDER.indexOf(phase);
          const state = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'coming';
          const dates = [from && round.schedule[from], until && round.schedule[until]].filter((date): date is string => Boolean(date));
          return (
            <li key={phase} className={`timeline__step timeline__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="timeline__name">{t(PHASE_MESSAGES[phase])}</span>
              <span className="timeline__state"> ({t(`round.step.${state}` as MessageKey)})</span>
              {dates.length > 0 && <span className="timeline__dates">{dates.map((date) => i18n.date(date)).join(' – ')}</span>}
            </li>
          );
        })}
      </ol>

      <h2>{t('round.rules')}</h2>
      <RoundRules round={round} municipality={municipality} />

      {round.districts.length > 0 && (
        <>
          <h2>{t('round.districts')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('round.district')}</th>
                <th scope="col" className="numeric">
                  {t('round.districtBudget')}
                </th>
              </tr>
            </thead>
            <tbody>
              {round.districts.map((district) => (
                <tr key={district.code}>
                  <th scope="row">
                    <UserText language={writtenIn(round, municipality)}>{district.name}</UserText>
                  </th>
                  <td className="numeric">{i18n.money(district.budget, municipality.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {participation && <RoundParticipation round={round} statistics={participation} apiBase={apiBase} />}
    </>
  );
};
