import type { ForumPost, ReactionKind } from '../../../shared/contracts/forums';
import type { Municipality } from '../../../shared/contracts/municipalities';
import { REACTION_KINDS } from '../../../server/src/domain/forums/reactions';
import { visibleText } from '../../../server/src/domain/forums/post-body';
import type { MessageKey } from '../i18n/translator';
import { linkMentions } from '../forums/post-text';
import { reasonWords } from '../forums/reason-words';
import { usePortal } from './portal-context';
import { CsrfField } from './CsrfField';
import { UserText, writtenIn } from './UserText';

/** Where a post of a thread is read: its page (by position) and its anchor. */
export const postAddress = (threadId: string, position: number, pageSize: number) => `/threads/${threadId}?page=${Math.ceil(position / pageSize)}#post-${position}`;

const EXCERPT = 120;
const excerptOf = (post: ForumPost) => {
  const text = post.body ? visibleText(post.body) : '';
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
};

/** A reader's part in a post: their reactions; null when nobody is signed in. */
export interface PostReader {
  username: string;
  reacted: ReactionKind[];
}

/**
 * One post: who and when, what it answers (with a link there), its text with mentions linked to the
 * people, or why it is hidden; reactions as one form button each (counts for everyone); reply and report.
 */
export const ForumPostItem = ({
  post,
  answered,
  reader,
  pageSize,
  page,
  municipality,
}: {
  post: ForumPost;
  answered?: ForumPost;
  reader: PostReader | null;
  pageSize: number;
  page: number;
  municipality: Pick<Municipality, 'contentLanguage'>;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const person = (name: string) => href(`/people/${encodeURIComponent(name)}`);
  const titleId = `post-${post.position}-title`;
  return (
    <article className="post" id={`post-${post.position}`} aria-labelledby={titleId}>
      <h3 id={titleId} className="post__title">
        {t('post.number', { position: post.position })}
      </h3>
      <p className="card__meta">
        <a href={person(post.authorName)}>{post.authorName}</a> · {i18n.date(post.createdAt)}
      </p>
      {post.replyToPosition !== null && (
        <p className="post__reply-to">
          <a href={href(postAddress(post.threadDocumentId, post.replyToPosition, pageSize))}>
            {answered ? t('post.inReplyTo', { position: post.replyToPosition, author: answered.authorName }) : t('post.inReplyToPost', { position: post.replyToPosition })}
          </a>
          {answered?.body && (
            <q>
              <UserText language={writtenIn(answered, municipality)}>{excerptOf(answered)}</UserText>
            </q>
          )}
        </p>
      )}
      {post.body !== null ? (
        // Sanitised when it was stored (domain/forums/post-body.ts); mentions are linked within its text only.
        <UserText as="div" className="prose" language={writtenIn(post, municipality)} html={linkMentions(post.body, person)} />
      ) : (
        <p className="notice">
          {post.visibility === 'pending-review'
            ? t('post.pendingReview')
            : t('post.hiddenByModerators', { reason: reasonWords(i18n, post.hidden?.reason ?? 'other') })}
        </p>
      )}
      {reader ? (
        <ul className="inline-list reactions" aria-label={t('reaction.group', { position: post.position })}>
          {REACTION_KINDS.map((kind) => {
            const mine = reader.reacted.includes(kind);
            return (
              <li key={kind}>
                <form method="post" action={href(`/posts/${post.documentId}/reactions`)} className="inline-form">
                  <CsrfField />
                  <input type="hidden" name="kind" value={kind} />
                  <input type="hidden" name="on" value={mine ? 'no' : 'yes'} />
                  <button type="submit" className="button button--secondary reaction" aria-pressed={mine}>
                    {t('reaction.button', { kind: t(`reaction.${kind}` as MessageKey), count: post.reactions[kind] ?? 0 })}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="card__meta">{REACTION_KINDS.map((kind) => t('reaction.button', { kind: t(`reaction.${kind}` as MessageKey), count: post.reactions[kind] ?? 0 })).join(' · ')}</p>
      )}
      <ul className="inline-list">
        <li>
          <a href={href(`/threads/${post.threadDocumentId}?page=${page}&replyTo=${post.position}#write`)}>
            {t('post.reply')}
            <span className="visually-hidden"> {t('post.replyTo', { position: post.position, author: post.authorName })}</span>
          </a>
        </li>
        {post.body !== null && reader?.username !== post.authorName && (
          <li>
            <a href={href(`/posts/${post.documentId}/report`)}>
              {t('post.report')}
              <span className="visually-hidden"> {t('post.number', { position: post.position })}</span>
            </a>
          </li>
        )}
      </ul>
    </article>
  );
};

