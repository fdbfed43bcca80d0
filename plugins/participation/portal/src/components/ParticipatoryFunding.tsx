import type { ParticipatorySpending } from '../../../shared/contracts/decisions';
import type { Municipality } from '../../../shared/contracts/municipalities';
import { usePortal } from './portal-context';
import { UserText, writtenIn } from './UserText';

/** On a budget page: for each line, the participatory projects funded from it, what they commit and have spent. */
export const ParticipatoryFunding = ({
  spending,
  lineNames,
  municipality,
}: {
  spending: ParticipatorySpending[];
  lineNames: ReadonlyMap<string, string>;
  municipality: Pick<Municipality, 'currency' | 'contentLanguage'>;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const money = (amount: string) => i18n.money(amount, municipality.currency);
  return (
    <section aria-labelledby="participatory-funding">
      <h2 id="participatory-funding">{t('budget.participatoryFunding')}</h2>
      {spending.length === 0 ? (
        <p>{t('budget.noParticipatoryFunding')}</p>
      ) : (
        spending.map(({ budgetLine, committed, spent, projects }) => (
          <section key={budgetLine.documentId} aria-labelledby={`funding-${budgetLine.documentId}`}>
            <h3 id={`funding-${budgetLine.documentId}`}>
              <span className="code">{budgetLine.code}</span> <UserText language={municipality.contentLanguage}>{lineNames.get(budgetLine.documentId)}</UserText>
            </h3>
            <p>{t('budget.lineParticipatoryTotals', { committed: money(committed), spent: money(spent) })}</p>
            <ul>
              {projects.map((project) => (
                <li key={project.proposalDocumentId}>
                  <a href={href(`/proposals/${project.proposalDocumentId}/implementation`)}>
                    <UserText language={writtenIn(project, municipality)}>{project.title}</UserText>
                  </a>
                  {' – '}
                  {t('budget.projectFunding', { committed: money(project.committed), spent: money(project.spent), share: i18n.percent(project.progressPercent / 100) })}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
};
