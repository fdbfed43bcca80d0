import type { NotificationKind, NotificationPayload } from '../../../server/src/domain/notifications/kinds';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { LiveUpdates } from '../components/LiveUpdates';
import { notificationMessage, notificationText } from '../mail/notification-text';
import { Message } from '../components/Message';
import { UserText } from '../components/UserText';
import type { LanguageOfItem } from '../i18n/content-language';

export interface NotificationItem {
  id: number;
  kind: NotificationKind;
  payload: NotificationPayload;
  createdAt: Date;
  read: boolean;
}

/** A notification's sentence with its title marked with the title's language (one stored before titles kept it: unmarked). */
const NotificationSentence = ({ payload, languageOf }: { payload: NotificationPayload; languageOf: LanguageOfItem }) => {
  const { i18n } = usePortal();
  const language = payload.municipalityCode === undefined ? i18n.lang : languageOf({ language: payload.language ?? null, municipalityCode: payload.municipalityCode });
  const { id, values } = notificationMessage(i18n, payload, <UserText language={language}>{payload.title}</UserText>);
  return <Message id={id} values={values} />;
};

/** The person's notifications, newest first: each links to what it is about and can be marked read. */
export const NotificationsPage = ({
  items,
  languageOf,
  olderThan,
  userId,
  liveToken,
}: {
  items: NotificationItem[];
  languageOf: LanguageOfItem;
  olderThan: number | null;
  userId: number;
  liveToken: string;
}) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <p>
        <a href={href('/account/notifications/settings')}>{t('notifications.settingsLink')}</a>
      </p>
      <LiveUpdates rooms={[`user:${userId}`]} messages={{ 'notification.created': t('notifications.live') }} token={liveToken} />
      {items.length === 0 ? (
        <p>{t('notifications.empty')}</p>
      ) : (
        <>
          {items.some((item) => !item.read) && (
            <form method="post" action={href('/account/notifications/read')}>
              <CsrfField />
              <button type="submit" className="button button--secondary">
                {t('notifications.markAllRead')}
              </button>
            </form>
          )}
          <ol className="notification-list" aria-label={t('notifications.listLabel')}>
            {items.map((item) => (
              <li key={item.id} className={item.read ? 'notification' : 'notification notification--unread'}>
                {!item.read && <strong className="tag">{t('notifications.unread')}</strong>} <a href={href(item.payload.path)}>
                  <NotificationSentence payload={item.payload} languageOf={languageOf} />
                </a>
                <p className="hint">
                  <time dateTime={item.createdAt.toISOString()}>{i18n.date(item.createdAt)}</time>
                </p>
                {!item.read && (
                  <form method="post" action={href('/account/notifications/read')}>
                    <CsrfField />
                    <input type="hidden" name="id" value={item.id} />
                    <button type="submit" className="button button--secondary" aria-label={`${t('notifications.markRead')}: ${notificationText(i18n, item.payload)}`}>
                      {t('notifications.markRead')}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ol>
          {olderThan !== null && (
            <p>
              <a href={href(`/account/notifications?before=${olderThan}`)}>{t('notifications.older')}</a>
            </p>
          )}
        </>
      )}
    </>
  );
};
