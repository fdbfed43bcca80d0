import type { DecisionLogPageProps } from './DecisionsPage';
import { usePortal } from '../components/portal-context';
import { DecisionFacts } from '../components/DecisionFacts';
import { DoneNotice } from '../components/DoneNotice';
import { LogVerification } from '../components/LogVerification';
import { Pagination } from '../components/Pagination';
import { WorkspaceTrail } from '../components/WorkspaceTrail';

/**
 * Staff's view of the municipality's decision log: whether it verifies, each entry as the public reads
 * it with a way to publish its correction, and the way to publish a new decision.
 */
export const WorkspaceDecisionsPage = ({
  municipality,
  entries,
  titles,
  verification,
  checkpoint,
  page,
  pageCount,
  published,
}: DecisionLogPageProps & { published: boolean }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/decisions`;
  return (
    <>
      <WorkspaceTrail municipality={municipality} />
      <h1>{t('wsDecisions.title')}</h1>
      <DoneNotice message={published ? 'wsDecisions.done.published' : null} />
      <p className="lead">{t('wsDecisions.lead')}</p>
      <p>
        <a className="button" href={href(`${base}/new`)}>
          {t('wsDecisions.newLink')}
        </a>
      </p>
      <LogVerification verification={verification} checkpoint={checkpoint} />
      <p>
        <a href={href(`/municipalities/${municipality.code}/decisions`)}>{t('wsDecisions.publicLog')}</a>
      </p>
      {entries.length === 0 ? (
        <p>{t('wsDecisions.empty')}</p>
      ) : (
        <>
          <h2>{t('decisions.entries')}</h2>
          <ol className="decision-log">
            {entries.map((entry) => (
              <li key={entry.sequence} className="decision-log__entry">
                <h3>
                  <a href={href(`/municipalities/${municipality.code}/decisions/${entry.sequence}`)}>{t('decision.entryNumber', { sequence: entry.sequence })}</a>
                </h3>
                <DecisionFacts entry={entry} titles={titles} currency={municipality.currency} language={municipality.contentLanguage} />
                <p>
                  <a href={href(`${base}/new?corrects=${entry.sequence}`)}>{t('wsDecisions.correctLink', { sequence: entry.sequence })}</a>
                </p>
              </li>
            ))}
          </ol>
          <Pagination page={page} pageCount={pageCount} hrefOf={(other) => href(`${base}?page=${other}`)} />
        </>
      )}
    </>
  );
};
