import type { ForumPost } from '../../../shared/contracts/forums';
import { visibleText } from '../../../server/src/domain/forums/post-body';
import { usePortal } from '../components/portal-context';
import { postAddress } from '../components/ForumPostItem';

/** Where a mention leads: the person's latest published posts, each linked where it stands in its thread. */
export const PersonPostsPage = ({ username, posts, pageSize }: { username: string; posts: Array<{ post: ForumPost; threadTitle: string }>; pageSize: number }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <h1>{t('person.title', { name: username })}</h1>
      {posts.length === 0 ? (
        <p>{t('person.none', { name: username })}</p>
      ) : (
        <ul className="card-list">
          {posts.map(({ post, threadTitle }) => (
            <li key={post.documentId} className="card">
              <a href={href(postAddress(post.threadDocumentId, post.position, pageSize))}>{t('person.postIn', { thread: threadTitle, date: i18n.date(post.createdAt) })}</a>
              <p>{visibleText(post.body ?? '').slice(0, 200)}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
