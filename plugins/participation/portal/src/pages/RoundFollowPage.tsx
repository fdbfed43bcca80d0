import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';

/** Follow a round (its new stages and published results, by e-mail and on the notifications page), or stop. */
export const RoundFollowPage = ({ roundDocumentId, title, following }: { roundDocumentId: string; title: string; following: boolean }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/rounds/${roundDocumentId}`)}>{title}</a>
      </p>
      <h1>{t('roundFollow.title', { title })}</h1>
      <p role="status">{t(following ? 'roundFollow.following' : 'roundFollow.notFollowing')}</p>
      <form method="post" action={href(`/rounds/${roundDocumentId}/follow`)}>
        <CsrfField />
        <input type="hidden" name="follow" value={following ? 'no' : 'yes'} />
        <button type="submit" className={following ? 'button button--secondary' : 'button'}>
          {t(following ? 'roundFollow.unfollow' : 'roundFollow.follow')}
        </button>
      </form>
      <p>
        <a href={href('/account/notifications/settings')}>{t('notifications.settingsLink')}</a>
      </p>
    </>
  );
};
