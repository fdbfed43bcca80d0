import type { Decision, DecisionLogEntry } from '../../../shared/contracts/decisions';
import { usePortal } from './portal-context';

/** Titles of the proposals and rounds a page's entries decide on, by document id. */
export type SubjectTitles = ReadonlyMap<string, string>;

/** A budget line a decision names, linked to its year's budget page. */
export const BudgetLineLink = ({ municipalityCode, line }: { municipalityCode: string; line: NonNullable<Decision['budgetLine']> }) => {
  const { i18n, href } = usePortal();
  return (
    <a href={href(`/municipalities/${municipalityCode}/budget/${line.fiscalYear}`)}>
      {i18n.t('decision.subject.budgetLine', { code: line.code, year: String(line.fiscalYear) })}
    </a>
  );
};

/** What an entry decides on, linked to its page in the portal; a subject without a readable title keeps its reference. */
export const DecisionSubject = ({ entry, titles }: { entry: DecisionLogEntry; titles: SubjectTitles }) => {
  const { i18n, href } = usePortal();
  const { subject } = entry.decision;
  if (subject.kind === 'budget-line') return <BudgetLineLink municipalityCode={entry.municipalityCode} line={subject} />;
  const title = titles.get(subject.documentId) ?? subject.documentId;
  return subject.kind === 'proposal' ? (
    <a href={href(`/proposals/${subject.documentId}`)}>{i18n.t('decision.subject.proposal', { title })}</a>
  ) : (
    <a href={href(`/rounds/${subject.documentId}`)}>{i18n.t('decision.subject.round', { title })}</a>
  );
};
