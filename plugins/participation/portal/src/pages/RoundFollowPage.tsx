import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { Message } from '../components/Message';
import { UserText } from '../components/UserText';
import type { PortalLanguage } from '../i18n/languages';

/** Follow a round (its new stages and published results, by e-mail and on the notifications page), or stop. */
export const RoundFollowPage = ({ roundDocumentId, title, titleLanguage, following }: { roundDocumentId: string; title: string; titleLanguage: PortalLanguage; following: boolean }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const written = <UserText language={titleLanguage}>{title}</UserText>;
  return (
    <>
      <p className="breadcrumb">
        <a href={href(`/rounds/${roundDocumentId}`)}>{written}</a>
      </p>
      <h1>
        <Message id="roundFollow.title" values={{ title: written }} />
      </h1>
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
