import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Proposal, Round } from '../../../shared/contracts/rounds';
import type { MessageKey } from '../i18n/translator';
import type { ProjectImplementation } from '../../../shared/contracts/decisions';
import { usePortal } from '../components/portal-context';
import { DecisionAndImplementation } from '../components/DecisionAndImplementation';
import { LiveUpdates } from '../components/LiveUpdates';
import { PROPOSAL_STATUSES } from '../../../server/src/domain/proposals/statuses';
import { UserText, writtenIn } from '../components/UserText';

/** One proposal: what it asks for and costs, who it is for, and every status it went through. */
export const ProposalPage = ({
  proposal,
  round,
  municipality,
  mayEdit,
  done,
  implementation,
}: {
  proposal: Proposal;
  round: Round;
  municipality: Municipality;
  mayEdit: boolean;
  done?: 'submitted' | 'saved' | 'withdrawn';
  implementation: ProjectImplementation;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const money = (amount: string) => i18n.money(amount, municipality.currency);
  const district = round.districts.find((candidate) => candidate.code === proposal.districtCode);
  const proposalLanguage = writtenIn(proposal, municipality);
  // Staff write the review's reasons and notes; the round's districts are the round's.
  const staffLanguage = municipality.contentLanguage;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/rounds/${round.documentId}/proposals`)}>{t('proposals.title')}</a>
      </p>
      {done && (
        <div className="notice notice--success" role="status">
          <p>{t(`proposal.done.${done}` as MessageKey)}</p>
        </div>
      )}
      <h1>
        <UserText language={proposalLanguage}>{proposal.title}</UserText>
      </h1>
      <p className="status-line">
        <strong data-live-proposal-status>{t(`status.${proposal.status}` as MessageKey)}</strong>
      </p>
      <LiveUpdates
        rooms={[`proposal:${proposal.documentId}`]}
        proposalStatus={{
          announce: t('live.proposalStatusChanged', { status: '{status}' }),
          statuses: Object.fromEntries(PROPOSAL_STATUSES.map((status) => [status, t(`status.${status}` as MessageKey)])),
        }}
      />
      {mayEdit && (
        <ul className="inline-list actions">
          <li>
            <a href={href(`/proposals/${proposal.documentId}/edit`)}>{t('proposal.edit')}</a>
          </li>
          <li>
            <a href={href(`/proposals/${proposal.documentId}/withdraw`)}>{t('proposal.withdraw')}</a>
          </li>
        </ul>
      )}
      {proposal.easyReadSummary && (
        <UserText as="p" className="lead" language={proposalLanguage}>
          {proposal.easyReadSummary}
        </UserText>
      )}
      <dl className="summary-list">
        <div>
          <dt>{t('proposal.requested')}</dt>
          <dd>{money(proposal.requestedAmount)}</dd>
        </div>
        {proposal.costEstimate && (
          <div>
            <dt>{t('proposal.costEstimate')}</dt>
            <dd>{money(proposal.costEstimate)}</dd>
          </div>
        )}
        {district && (
          <div>
            <dt>{t('proposals.district')}</dt>
            <dd>
              <UserText language={writtenIn(round, municipality)}>{district.name}</UserText>
            </dd>
          </div>
        )}
      </dl>
      <h2>{t('proposal.description')}</h2>
      <UserText as="p" className="prose" language={proposalLanguage}>
        {proposal.description}
      </UserText>
      {proposal.location && (
        <p>
          <strong>{t('proposal.location')}</strong> <UserText language={proposalLanguage}>{proposal.location}</UserText>
        </p>
      )}
      {proposal.infeasibleReason && (
        <div className="notice">
          <h2>{t('proposal.infeasibleReason')}</h2>
          <UserText as="p" language={staffLanguage}>
            {proposal.infeasibleReason}
          </UserText>
        </div>
      )}
      <h2>{t('proposal.whoFor')}</h2>
      <ul>
        {proposal.targetGroups.map((group) => (
          <li key={group}>{t(`targetGroup.${group}` as MessageKey)}</li>
        ))}
        <li>
          {t('budget.genderMarker')}: {t(`marker.gender.${proposal.genderMarker}` as MessageKey)}
        </li>
        <li>
          {t('budget.youthMarker')}: {t(`marker.youth.${proposal.youthMarker}` as MessageKey)}
        </li>
      </ul>
      {proposal.genderImpactStatement && (
        <UserText as="p" language={proposalLanguage}>
          {proposal.genderImpactStatement}
        </UserText>
      )}
      {proposal.budgetLineCodes.length > 0 && (
        <>
          <h2>{t('proposal.budgetLines')}</h2>
          <ul>
            {proposal.budgetLineCodes.map((code) => (
              <li key={code}>
                <a href={href(`/municipalities/${municipality.code}/budget/${round.fiscalYear}`)}>
                  <span className="code">{code}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <DecisionAndImplementation proposal={proposal} implementation={implementation} currency={municipality.currency} />
      <h2>{t('proposal.history')}</h2>
      <ol className="timeline">
        {proposal.statusHistory.map((change, index) => (
          <li key={index} className="timeline__step timeline__step--done">
            <span className="timeline__name">{t(`status.${change.to}` as MessageKey)}</span>
            <span className="timeline__dates">{i18n.date(change.at)}</span>
            {change.note && (
              <UserText className="timeline__dates" language={staffLanguage}>
                {change.note}
              </UserText>
            )}
          </li>
        ))}
      </ol>
    </>
  );
};
