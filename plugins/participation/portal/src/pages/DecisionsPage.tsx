import type { DecisionLogCheckpoint, DecisionLogEntry, DecisionLogVerification } from '../../../shared/contracts/decisions';
import type { Municipality } from '../../../shared/contracts/municipalities';
import { usePortal } from '../components/portal-context';
import { DecisionFacts } from '../components/DecisionFacts';
import type { SubjectTitles } from '../components/DecisionSubject';
import { LogVerification } from '../components/LogVerification';
import { Pagination } from '../components/Pagination';
import { LiveUpdates } from '../components/LiveUpdates';

/** How much of a hash the list shows; the whole is one click away (and on the entry's page). */
const SHORT_HASH = 12;

/** A page of a municipality's decision log as it was read and verified (routes/decisions.ts, readLogPage). */
export interface DecisionLogPageProps {
  municipality: Municipality;
  entries: DecisionLogEntry[];
  titles: SubjectTitles;
  verification: DecisionLogVerification;
  checkpoint: DecisionLogCheckpoint | null;
  page: number;
  pageCount: number;
}

/** A municipality's public decision log, newest first, with whether it verifies. */
export const DecisionsPage = ({
  municipality,
  entries,
  titles,
  verification,
  checkpoint,
  page,
  pageCount,
}: DecisionLogPageProps) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const logPath = `/municipalities/${municipality.code}/decisions`;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/municipalities/${municipality.code}`)}>{municipality.name}</a>
      </p>
      <h1>{t('decisions.title', { municipality: municipality.name })}</h1>
      <p className="lead">{t('decisions.lead')}</p>
      <LogVerification verification={verification} checkpoint={checkpoint} />
      <LiveUpdates rooms={[`municipality:${municipality.code}:decisions`]} messages={{ 'decision.published': t('live.decisionPublished') }} />
      {entries.length > 0 && (
        <>
          <h2>{t('decisions.entries')}</h2>
          <ol className="decision-log">
            {entries.map((entry) => (
              <li key={entry.sequence} className="decision-log__entry">
                <h3>
                  <a href={href(`${logPath}/${entry.sequence}`)}>{t('decision.entryNumber', { sequence: entry.sequence })}</a>
                </h3>
                <DecisionFacts entry={entry} titles={titles} currency={municipality.currency} language={municipality.contentLanguage} />
                <details className="hash">
                  <summary>{t('decision.hashShort', { hash: entry.hash.slice(0, SHORT_HASH) })}</summary>
                  <code className="hash__full">{entry.hash}</code>
                </details>
              </li>
            ))}
          </ol>
          <Pagination page={page} pageCount={pageCount} hrefOf={(other) => href(`${logPath}?page=${other}`)} />
        </>
      )}
    </>
  );
};
