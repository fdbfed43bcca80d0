import type { Resident } from '../../../server/src/services/participant-profile';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { DoneNotice } from '../components/DoneNotice';
import { Pagination } from '../components/Pagination';
import { TableRegion } from '../components/TableRegion';
import { WorkspaceTrail, type WorkspaceMunicipality } from '../components/WorkspaceTrail';

export const PARTICIPANT_NOTICES = ['verified', 'revoked'] as const;
export type ParticipantNotice = (typeof PARTICIPANT_NOTICES)[number];
export type ParticipantList = 'waiting' | 'verified';

interface People {
  data: Resident[];
  pagination: { page: number; pageCount: number; total: number };
}

/** Who waits to have their residence confirmed in the municipality, or who is confirmed; searchable by name or e-mail. */
export const ParticipantsWorkspacePage = ({
  municipality,
  list,
  search,
  people,
  done,
}: {
  municipality: WorkspaceMunicipality;
  list: ParticipantList;
  search: string;
  people: People;
  done?: ParticipantNotice;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const base = `/workspace/${municipality.code}/participants`;
  const listHref = (to: ParticipantList, page?: number) => {
    const query = new URLSearchParams();
    if (to === 'verified') query.set('list', 'verified');
    if (search && to === list) query.set('q', search);
    if (page && page > 1) query.set('page', String(page));
    const rest = query.toString();
    return href(rest ? `${base}?${rest}` : base);
  };
  return (
    <>
      <WorkspaceTrail municipality={municipality} />
      <h1>{t('wsParticipants.title')}</h1>
      <DoneNotice message={done ? (`wsParticipants.done.${done}` as MessageKey) : null} />
      <p>{t('wsParticipants.help')}</p>
      <nav aria-label={t('wsParticipants.lists')}>
        <ul className="inline-list">
          {(['waiting', 'verified'] as const).map((to) => (
            <li key={to}>
              <a href={listHref(to)} aria-current={to === list ? 'page' : undefined}>
                {t(`wsParticipants.list.${to}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={href(base)} className="filters" role="search" aria-label={t('wsParticipants.searchLabel')}>
        {list === 'verified' && <input type="hidden" name="list" value="verified" />}
        <div className="field">
          <label htmlFor="q">{t('wsParticipants.searchLabel')}</label>
          <input id="q" name="q" type="search" defaultValue={search} />
        </div>
        <button type="submit" className="button button--secondary">
          {t('wsParticipants.search')}
        </button>
      </form>
      {people.data.length === 0 ? (
        <p>{t(list === 'waiting' ? 'wsParticipants.noneWaiting' : 'wsParticipants.noneVerified')}</p>
      ) : (
        <TableRegion caption={t(list === 'waiting' ? 'wsParticipants.captionWaiting' : 'wsParticipants.captionVerified', { count: people.pagination.total })}>
          <thead>
            <tr>
              <th scope="col">{t('wsParticipants.name')}</th>
              <th scope="col">{t('wsParticipants.email')}</th>
              <th scope="col">{t('wsParticipants.birthDate')}</th>
              <th scope="col">{t('wsParticipants.action')}</th>
            </tr>
          </thead>
          <tbody>
            {people.data.map((person) => (
              <tr key={person.userId}>
                <th scope="row">{person.username}</th>
                <td>{person.email}</td>
                <td>{person.birthDate ? i18n.date(person.birthDate) : t('wsParticipants.notDeclared')}</td>
                <td>
                  <a href={href(`${base}/${person.userId}/${list === 'waiting' ? 'verify' : 'revoke'}`)}>
                    {t(list === 'waiting' ? 'wsParticipants.verify' : 'wsParticipants.revoke')}
                    <span className="visually-hidden"> {person.username}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
      <Pagination page={people.pagination.page} pageCount={people.pagination.pageCount} hrefOf={(page) => listHref(list, page)} />
    </>
  );
};
