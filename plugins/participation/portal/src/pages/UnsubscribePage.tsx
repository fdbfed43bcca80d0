import type { NotificationKind } from '../../../server/src/domain/notifications/kinds';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';

/**
 * The page a mail's unsubscribe link opens: a GET changes nothing (link scanners follow links), so it
 * asks once with a button; the mail client's one-click POST lands on the same address and unsubscribes.
 */
export const UnsubscribePage = ({ token, kind, state }: { token: string; kind: NotificationKind | null; state: 'ask' | 'done' | 'invalid' }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  const kindName = kind ? t(`notify.kind.${kind}`) : '';
  return (
    <>
      <h1>{t('unsubscribe.title')}</h1>
      {state === 'invalid' && <p>{t('unsubscribe.invalid')}</p>}
      {state === 'done' && (
        <p role="status">
          {t('unsubscribe.done', { kind: kindName })} <a href={href('/account/notifications/settings')}>{t('notificationSettings.title')}</a>
        </p>
      )}
      {state === 'ask' && (
        <form method="post" action={href(`/unsubscribe/${token}`)}>
          <CsrfField />
          <p>{t('unsubscribe.question', { kind: kindName })}</p>
          <button type="submit" className="button button--warning">
            {t('unsubscribe.confirm')}
          </button>
        </form>
      )}
    </>
  );
};
