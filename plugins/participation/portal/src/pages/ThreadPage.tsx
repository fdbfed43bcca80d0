import type { ForumPost, ReactionKind, ThreadWithForum } from '../../../shared/contracts/forums';
import type { Municipality } from '../../../shared/contracts/municipalities';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { Pagination } from '../components/Pagination';
import { LiveUpdates } from '../components/LiveUpdates';
import { PostField } from '../components/PostField';
import { ForumPostItem } from '../components/ForumPostItem';
import { PostingRefusal, type PostingStanding } from '../components/PostingRefusal';
import { UserText, writtenIn } from '../components/UserText';

export const THREAD_DONE_NOTICES = ['posted', 'reported'] as const;
export type ThreadDoneNotice = (typeof THREAD_DONE_NOTICES)[number];

export interface ThreadPageProps {
  thread: ThreadWithForum['data'];
  /** Whose content language the thread and its posts are in unless they say otherwise. */
  municipality: Pick<Municipality, 'contentLanguage'>;
  posts: ForumPost[];
  /** The posts this page's replies answer, by position (on this page or another). */
  answered: Map<number, ForumPost>;
  page: number;
  pageCount: number;
  pageSize: number;
  /** The signed-in reader's follow and reactions; null when nobody is signed in. */
  reader: { following: boolean; reacted: Map<string, ReactionKind[]> } | null;
  standing: PostingStanding;
  /** The post being answered by the form (`?replyTo=`), if any. */
  replyTarget: ForumPost | null;
  values: { body?: string };
  errors: FieldErrors;
  done?: ThreadDoneNotice;
}

/**
 * A thread: its posts in order, a page of them by position; follow, react, reply and report with plain
 * forms; the post form last (or why there is none). New posts are announced in a polite live region
 * and, on the last page, shown in place.
 */
export const ThreadPage = ({ thread, municipality, posts, answered, page, pageCount, pageSize, reader, standing, replyTarget, values, errors, done }: ThreadPageProps) => {
  const { i18n, href, user } = usePortal();
  const { t } = i18n;
  const threadPath = `/threads/${thread.documentId}`;
  const lastPage = page >= pageCount;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/forums/${thread.forum.documentId}`)}>
          <UserText language={writtenIn(thread.forum, municipality)}>{thread.forum.title}</UserText>
        </a>
      </p>
      <ErrorSummary errors={errors} />
      {done && (
        <div className="notice notice--success" role="status">
          <p>{t(`thread.done.${done}` as MessageKey)}</p>
        </div>
      )}
      <h1>
        <UserText language={writtenIn(thread, municipality)}>{thread.title}</UserText>
      </h1>
      <p className="status-line">
        {thread.pinned && <strong>{t('forum.pinned')} · </strong>}
        {thread.locked && <strong>{t('forum.locked')} · </strong>}
        {t('thread.startedBy', { author: thread.authorName, date: i18n.date(thread.createdAt), posts: thread.postCount })}
      </p>
      {reader && user && (
        <form method="post" action={href(`${threadPath}/follow`)} className="follow" id="follow">
          <CsrfField />
          <p>{t(reader.following ? 'thread.following' : 'thread.notFollowing')}</p>
          <input type="hidden" name="on" value={reader.following ? 'no' : 'yes'} />
          <button type="submit" className="button button--secondary">
            {t(reader.following ? 'thread.unfollow' : 'thread.follow')}
          </button>
        </form>
      )}
      {/* New posts land on the last page: only there are they shown in place. */}
      <LiveUpdates rooms={[`thread:${thread.documentId}`]} messages={{ 'forum.post-created': t('thread.live.newPost') }} refreshOn={lastPage ? ['forum.post-created'] : undefined} />
      <h2>{t('thread.posts')}</h2>
      <div data-live-refreshed={lastPage ? '' : undefined}>
        {posts.map((post) => (
          <ForumPostItem
            key={post.documentId}
            post={post}
            municipality={municipality}
            answered={post.replyToPosition === null ? undefined : answered.get(post.replyToPosition)}
            reader={reader && user ? { username: user.username, reacted: reader.reacted.get(post.documentId) ?? [] } : null}
            pageSize={pageSize}
            page={page}
          />
        ))}
        <Pagination page={page} pageCount={pageCount} hrefOf={(target) => href(`${threadPath}?page=${target}`)} />
      </div>
      <h2 id="write" tabIndex={-1}>
        {t('thread.write')}
      </h2>
      {standing.kind !== 'may-post' ? (
        <PostingRefusal standing={standing} municipalityCode={thread.municipalityCode} />
      ) : (
        <form method="post" action={href(`${threadPath}/posts`)} noValidate>
          <CsrfField />
          {replyTarget && (
            <>
              <input type="hidden" name="replyToPosition" value={replyTarget.position} />
              <p>
                <a href={href(`${threadPath}?page=${page}#write`)}>{t('post.cancelReply')}</a>
              </p>
            </>
          )}
          <PostField
            label={replyTarget ? t('post.replyLabel', { position: replyTarget.position, author: replyTarget.authorName }) : t('post.label')}
            value={values.body}
            error={errors.body}
          />
          <button type="submit" className="button">
            {t(replyTarget ? 'post.submitReply' : 'post.submit')}
          </button>
        </form>
      )}
    </>
  );
};
