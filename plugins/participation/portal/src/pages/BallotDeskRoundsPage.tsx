import type { Round } from '../../../shared/contracts/rounds';
import { usePortal } from '../components/portal-context';
import { WorkspaceTrail, type WorkspaceMunicipality } from '../components/WorkspaceTrail';
import { UserText, writtenIn } from '../components/UserText';

/** The ballot desk's first page: the municipality's rounds open for voting, each leading to its desk. */
export const BallotDeskRoundsPage = ({ municipality, rounds }: { municipality: WorkspaceMunicipality; rounds: readonly Round[] }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <WorkspaceTrail municipality={municipality} />
      <h1>{t('wsDesk.title')}</h1>
      <p>{t('wsDesk.intro')}</p>
      {rounds.length === 0 ? (
        <p>{t('wsDesk.noRounds')}</p>
      ) : (
        <ul className="account-links">
          {rounds.map((round) => (
            <li key={round.documentId}>
              <a href={href(`/workspace/${municipality.code}/ballot-desk/${round.documentId}`)}>
                <UserText language={writtenIn(round, municipality)}>{round.title}</UserText>
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
