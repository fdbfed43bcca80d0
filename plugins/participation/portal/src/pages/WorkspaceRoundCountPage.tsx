import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Proposal, Round, RoundResult } from '../../../shared/contracts/rounds';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { DoneNotice } from '../components/DoneNotice';
import { RoundWorkspaceTrail } from '../components/RoundWorkspaceTrail';
import { ResultDistricts } from './ResultsPage';

/**
 * Count the ballots with the round's rule and see the result as citizens will, with the plain-words
 * explanations and the reserved shares, before publishing it. Counting again is harmless (the result is
 * not public until published); publishing has its own check page.
 */
export const WorkspaceRoundCountPage = ({
  municipality,
  round,
  result,
  proposals,
  done,
}: {
  municipality: Municipality;
  round: Round;
  result: RoundResult | null;
  proposals: Proposal[];
  done: MessageKey | null;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const roundPath = `/workspace/${municipality.code}/rounds/${round.documentId}`;
  return (
    <>
      <RoundWorkspaceTrail municipality={municipality} round={round} />
      <DoneNotice message={done} />
      <h1>{t('wsRounds.count.title')}</h1>
      {result ? (
        <>
          <div className="notice notice--warning">
            <p>{t('wsRounds.count.notPublic')}</p>
          </div>
          <p>{t('results.countedOn', { date: i18n.date(result.countedAt), ballots: result.participation.total })}</p>
          <ResultDistricts round={round} result={result} proposals={proposals} municipality={municipality} />
          <h2>{t('wsRounds.count.next')}</h2>
          <p>
            <a className="button" href={href(`${roundPath}/phase/publish-results`)}>
              {t('wsRounds.action.publish-results.button')}
            </a>
          </p>
        </>
      ) : (
        <p>{t('wsRounds.count.none')}</p>
      )}
      <form method="post" action={href(`${roundPath}/count`)}>
        <CsrfField />
        <button type="submit" className={result ? 'button button--secondary' : 'button'}>
          {t(result ? 'wsRounds.count.again' : 'wsRounds.count.run')}
        </button>
      </form>
    </>
  );
};
