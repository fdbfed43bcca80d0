import type { ListDialogueGroups } from '../../../shared/contracts/dialogue-groups';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { UserText, writtenIn } from '../components/UserText';
import { WorkspaceTrail } from '../components/WorkspaceTrail';
import { DoneNotice } from '../components/DoneNotice';
import { Pagination } from '../components/Pagination';

/** The municipality's dialogue groups for their organisers, and a way to set up another. */
export const WsDialogueGroupsPage = ({ municipality, groups, done }: { municipality: Municipality; groups: ListDialogueGroups; done: MessageKey | null }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/dialogue-groups`;
  const { page, pageCount } = groups.meta.pagination;
  return (
    <>
      <WorkspaceTrail municipality={municipality} />
      <DoneNotice message={done} />
      <h1>{t('wsGroups.title')}</h1>
      <p>
        <a href={href(`${base}/new`)} className="button">
          {t('wsGroups.new')}
        </a>
      </p>
      {groups.data.length === 0 ? (
        <p>{t('wsGroups.none')}</p>
      ) : (
        <ul className="card-list">
          {groups.data.map((group) => (
            <li key={group.documentId} className="card">
              <h2>
                <a href={href(`${base}/${group.documentId}`)}>
                  <UserText language={writtenIn(group, municipality)}>{group.name}</UserText>
                </a>
              </h2>
              {group.reservedSeats.length > 0 && (
                <p className="hint">
                  {group.reservedSeats
                    .map((seat) => t('wsGroups.seatLine', { group: t(`targetGroup.${seat.category}` as MessageKey), filled: seat.filled, seats: seat.seats }))
                    .join(' · ')}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} hrefOf={(to) => href(`${base}?page=${to}`)} />
    </>
  );
};
