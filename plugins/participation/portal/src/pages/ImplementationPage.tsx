import Decimal from 'decimal.js';
import type { ProjectImplementation } from '../../../shared/contracts/decisions';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Proposal } from '../../../shared/contracts/rounds';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { BudgetLineLink } from '../components/DecisionSubject';
import { ProgressFigure } from '../components/ProgressFigure';
import { UserText, writtenIn } from '../components/UserText';
import { Message } from '../components/Message';

/** A milestone's place on the timeline: done ones filled, those under way marked; the status is always in words too. */
const STEP_CLASS: Partial<Record<string, string>> = { done: 'timeline__step--done', in_progress: 'timeline__step--current' };

/** How a funded proposal is being carried out: its funding from the log, spending against it, progress and milestones. */
export const ImplementationPage = ({
  proposal,
  municipality,
  implementation,
  budgetLineName,
}: {
  proposal: Proposal;
  municipality: Municipality;
  implementation: ProjectImplementation;
  budgetLineName?: string;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const money = (amount: string) => i18n.money(amount, municipality.currency);
  const { funding, milestones } = implementation;
  const spentFraction = funding && !new Decimal(funding.amount).isZero() ? new Decimal(implementation.spent).dividedBy(funding.amount).toNumber() : 0;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/proposals/${proposal.documentId}`)}>
          <UserText language={writtenIn(proposal, municipality)}>{proposal.title}</UserText>
        </a>
      </p>
      <h1>
        <Message id="implementation.title" values={{ proposal: <UserText language={writtenIn(proposal, municipality)}>{proposal.title}</UserText> }} />
      </h1>
      {funding ? (
        <>
          <h2>{t('implementation.money')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('implementation.funded')}</dt>
              <dd>{money(funding.amount)}</dd>
            </div>
            <div>
              <dt>{t('implementation.decidedBy')}</dt>
              <dd>
                <a href={href(`/municipalities/${municipality.code}/decisions/${funding.decisionEntry}`)}>{t('decision.entryNumber', { sequence: funding.decisionEntry })}</a>
              </dd>
            </div>
            <div>
              <dt>{t('decision.budgetLine')}</dt>
              <dd>
                <BudgetLineLink municipalityCode={municipality.code} line={funding.budgetLine} />
                {budgetLineName && ` ${budgetLineName}`}
              </dd>
            </div>
            <div>
              <dt>{t('budget.spent')}</dt>
              <dd>{money(implementation.spent)}</dd>
            </div>
            <div>
              <dt>{t('implementation.left')}</dt>
              <dd>{money(new Decimal(funding.amount).minus(implementation.spent).toFixed(2))}</dd>
            </div>
          </dl>
          <ProgressFigure
            id="spending"
            text={t('implementation.spentOf', { spent: money(implementation.spent), funded: money(funding.amount), share: i18n.percent(spentFraction) })}
            fraction={spentFraction}
          />
        </>
      ) : (
        <p>
          {t('implementation.notFunded')} <a href={href(`/municipalities/${municipality.code}/decisions`)}>{t('implementation.seeDecisions')}</a>
        </p>
      )}
      <h2>{t('implementation.progress')}</h2>
      <ProgressFigure id="progress" text={t('implementation.progressDone', { share: i18n.percent(implementation.progressPercent / 100) })} fraction={implementation.progressPercent / 100} />
      {implementation.updatedAt && <p className="hint">{t('implementation.updatedAt', { date: i18n.date(implementation.updatedAt) })}</p>}
      <h2>{t('implementation.milestones')}</h2>
      {milestones.length === 0 ? (
        <p>{t('implementation.noMilestones')}</p>
      ) : (
        <ol className="timeline">
          {milestones.map((milestone, index) => (
            <li key={index} className={`timeline__step ${STEP_CLASS[milestone.status] ?? ''}`}>
              <UserText className="timeline__name" language={municipality.contentLanguage}>
                {milestone.title}
              </UserText>
              <span className="timeline__dates">
                {t(`milestone.status.${milestone.status}` as MessageKey)} · {t('milestone.due', { date: i18n.date(milestone.dueDate) })}
                {milestone.doneDate && ` · ${t('milestone.doneOn', { date: i18n.date(milestone.doneDate) })}`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
};
