import { usePortal } from './portal-context';

/** Whether the reader may post here, and if not why: the forum service's own checks, asked beforehand. */
export type PostingStanding = { kind: 'may-post' } | { kind: 'signed-out' } | { kind: 'locked' } | { kind: 'suspended'; until: string };

/** Why no post form is shown: signed out, a locked thread, or a suspension with its end and the public record. */
export const PostingRefusal = ({ standing, municipalityCode }: { standing: Exclude<PostingStanding, { kind: 'may-post' }>; municipalityCode: string }) => {
  const { i18n, href, pagePath } = usePortal();
  const { t } = i18n;
  if (standing.kind === 'signed-out') {
    return (
      <p>
        <a href={href(`/sign-in?returnTo=${encodeURIComponent(pagePath)}`)}>{t('post.signInToPost')}</a>
      </p>
    );
  }
  return (
    <div className="notice notice--warning" id="posting-refused">
      <p>{standing.kind === 'locked' ? t('post.locked') : t('post.suspended', { date: i18n.date(standing.until) })}</p>
      <p>
        <a href={href(`/municipalities/${municipalityCode}/moderation`)}>{t('forums.moderationLink')}</a>
      </p>
    </div>
  );
};
