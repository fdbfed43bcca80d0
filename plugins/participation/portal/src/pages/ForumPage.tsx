import type { Forum, ForumThread } from '../../../shared/contracts/forums';
import type { Municipality } from '../../../shared/contracts/municipalities';
import { usePortal } from '../components/portal-context';
import { Pagination } from '../components/Pagination';
import { UserText, writtenIn } from '../components/UserText';

/** A forum's threads, pinned first, then the latest activity first; pages of THREADS_PER_PAGE. */
export const ForumPage = ({ forum, municipality, threads, page, pageCount }: { forum: Forum; municipality: Municipality; threads: ForumThread[]; page: number; pageCount: number }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/municipalities/${municipality.code}/forums`)}>{t('forums.title', { municipality: municipality.name })}</a>
      </p>
      <h1>
        <UserText language={writtenIn(forum, municipality)}>{forum.title}</UserText>
      </h1>
      {forum.description && (
        <UserText as="p" className="lead" language={writtenIn(forum, municipality)}>
          {forum.description}
        </UserText>
      )}
      <p>
        <a className="button" href={href(`/forums/${forum.documentId}/threads/new`)}>
          {t('forum.newThread')}
        </a>
      </p>
      <h2>{t('forum.threads')}</h2>
      {threads.length === 0 ? (
        <p>{t('forum.noThreads')}</p>
      ) : (
        <ul className="card-list">
          {threads.map((thread) => (
            <li key={thread.documentId} className="card">
              <a href={href(`/threads/${thread.documentId}`)}>
                <UserText language={writtenIn(thread, municipality)}>{thread.title}</UserText>
              </a>
              <p className="card__meta">
                {thread.pinned && <strong>{t('forum.pinned')} · </strong>}
                {thread.locked && <strong>{t('forum.locked')} · </strong>}
                {t('forum.threadMeta', { posts: thread.postCount, date: i18n.date(thread.lastPostAt), author: thread.authorName })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} hrefOf={(target) => href(`/forums/${forum.documentId}?page=${target}`)} />
    </>
  );
};
