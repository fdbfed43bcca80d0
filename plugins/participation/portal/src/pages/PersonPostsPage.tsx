import type { ForumPost } from '../../../shared/contracts/forums';
import { visibleText } from '../../../server/src/domain/forums/post-body';
import { usePortal } from '../components/portal-context';
import { postAddress } from '../components/ForumPostItem';
import { Message } from '../components/Message';
import { UserText } from '../components/UserText';
import type { LanguageOfItem } from '../i18n/content-language';
import type { PortalLanguage } from '../i18n/languages';

/** A post with the thread it stands in: its title and language, and the municipality whose language that falls back to. */
export interface PostInThread {
  post: ForumPost;
  thread: { title: string; language: PortalLanguage | null; municipalityCode: string };
}

/** Where a mention leads: the person's latest published posts, each linked where it stands in its thread. */
export const PersonPostsPage = ({ username, posts, languageOf, pageSize }: { username: string; posts: PostInThread[]; languageOf: LanguageOfItem; pageSize: number }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <h1>{t('person.title', { name: username })}</h1>
      {posts.length === 0 ? (
        <p>{t('person.none', { name: username })}</p>
      ) : (
        <ul className="card-list">
          {posts.map(({ post, thread }) => (
            <li key={post.documentId} className="card">
              <a href={href(postAddress(post.threadDocumentId, post.position, pageSize))}>
                <Message id="person.postIn" values={{ thread: <UserText language={languageOf(thread)}>{thread.title}</UserText>, date: i18n.date(post.createdAt) }} />
              </a>
              <UserText as="p" language={languageOf({ language: post.language, municipalityCode: thread.municipalityCode })}>
                {visibleText(post.body ?? '').slice(0, 200)}
              </UserText>
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
