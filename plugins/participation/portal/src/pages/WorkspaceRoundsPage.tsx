import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round } from '../../../shared/contracts/rounds';
import { usePortal } from '../components/portal-context';
import { UserText, writtenIn } from '../components/UserText';
import { PhaseName } from '../components/round-phase';
import { TableRegion } from '../components/TableRegion';
import { WorkspaceTrail } from '../components/WorkspaceTrail';
import { Pagination } from '../components/Pagination';

/** Every round of the municipality, drafts included, newest fiscal year first, and the way to a new one. */
export const WorkspaceRoundsPage = ({ municipality, rounds, page, pageCount }: { municipality: Municipality; rounds: Round[]; page: number; pageCount: number }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/rounds`;
  return (
    <>
      <WorkspaceTrail municipality={municipality} />
      <h1>{t('wsRounds.title')}</h1>
      <p>
        <a className="button" href={href(`${base}/new`)}>
          {t('wsRounds.new')}
        </a>
      </p>
      {rounds.length === 0 ? (
        <p>{t('wsRounds.none')}</p>
      ) : (
        <TableRegion caption={t('wsRounds.listCaption', { count: rounds.length })}>
          <thead>
            <tr>
              <th scope="col">{t('wsRounds.column.round')}</th>
              <th scope="col">{t('wsRounds.column.year')}</th>
              <th scope="col">{t('wsRounds.column.phase')}</th>
              <th scope="col" className="numeric">{t('wsRounds.column.budget')}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((round) => (
              <tr key={round.documentId}>
                <th scope="row">
                  <a href={href(`${base}/${round.documentId}`)}>
                    <UserText language={writtenIn(round, municipality)}>{round.title}</UserText>
                  </a>
                </th>
                <td>{String(round.fiscalYear)}</td>
                <td>
                  <PhaseName phase={round.phase} />
                </td>
                <td className="numeric">{i18n.money(round.totalBudget, municipality.currency)}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
      <Pagination page={page} pageCount={pageCount} hrefOf={(to) => href(`${base}?page=${to}`)} />
    </>
  );
};
