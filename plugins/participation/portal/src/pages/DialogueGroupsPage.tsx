import type { DialogueGroup } from '../../../shared/contracts/dialogue-groups';
import type { Municipality } from '../../../shared/contracts/municipalities';
import { usePortal } from '../components/portal-context';
import { Pagination } from '../components/Pagination';
import { UserText, writtenIn } from '../components/UserText';

/** A municipality's Local Social Dialogue Groups: what each is and whether its reserved seats are filled. */
export const DialogueGroupsPage = ({ municipality, groups, page, pageCount }: { municipality: Municipality; groups: Array<Omit<DialogueGroup, 'members'>>; page: number; pageCount: number }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/municipalities/${municipality.code}`)}>{municipality.name}</a>
      </p>
      <h1>{t('groups.title', { municipality: municipality.name })}</h1>
      <p className="lead">{t('groups.intro')}</p>
      {groups.length === 0 ? (
        <p>{t('groups.none')}</p>
      ) : (
        <ul className="card-list">
          {groups.map((group) => {
            const seats = group.reservedSeats.reduce((sum, seat) => sum + seat.seats, 0);
            const vacant = group.reservedSeats.reduce((sum, seat) => sum + seat.vacant, 0);
            return (
              <li key={group.documentId} className="card">
                <a href={href(`/dialogue-groups/${group.documentId}`)}>
                  <UserText language={writtenIn(group, municipality)}>{group.name}</UserText>
                </a>
                {group.description && (
                  <UserText as="p" language={writtenIn(group, municipality)}>
                    {group.description}
                  </UserText>
                )}
                {seats > 0 && <p className="card__meta">{t('groups.seatsSummary', { seats, vacant })}</p>}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} hrefOf={(target) => href(`/municipalities/${municipality.code}/dialogue-groups?page=${target}`)} />
    </>
  );
};
