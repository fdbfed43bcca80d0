import type { ProjectImplementation } from '../../../shared/contracts/decisions';
import type { Proposal } from '../../../shared/contracts/rounds';
import { usePortal } from './portal-context';

/** Statuses after which a citizen looks for the council's decision, funded or not yet. */
const AWAITING_DECISION: ReadonlySet<Proposal['status']> = new Set(['selected', 'in_implementation', 'completed']);

/** On a proposal's page: the decision that funds it and how its implementation goes, with links to both. */
export const DecisionAndImplementation = ({ proposal, implementation, currency }: { proposal: Proposal; implementation: ProjectImplementation; currency: string }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const { funding } = implementation;
  if (!funding && !AWAITING_DECISION.has(proposal.status)) return null;
  const decisions = `/municipalities/${proposal.municipalityCode}/decisions`;
  return (
    <section aria-labelledby="decision-and-implementation">
      <h2 id="decision-and-implementation">{t('proposal.decisionAndImplementation')}</h2>
      {funding ? (
        <ul>
          <li>
            <a href={href(`${decisions}/${funding.decisionEntry}`)}>
              {t('proposal.fundedBy', { amount: i18n.money(funding.amount, currency), code: funding.budgetLine.code, sequence: funding.decisionEntry })}
            </a>
          </li>
          <li>
            <a href={href(`/proposals/${proposal.documentId}/implementation`)}>
              {t('proposal.implementationProgress', { share: i18n.percent(implementation.progressPercent / 100) })}
            </a>
          </li>
        </ul>
      ) : (
        <p>
          {t('proposal.noFundingYet')} <a href={href(decisions)}>{t('implementation.seeDecisions')}</a>
        </p>
      )}
    </section>
  );
};
