import { NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind } from '../../../server/src/domain/notifications/kinds';
import { usePortal } from '../components/portal-context';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, type FieldErrors } from '../components/ErrorSummary';
import { SelectField } from '../components/SelectField';
import { TableRegion } from '../components/TableRegion';
import { LANGUAGE_NAMES, PORTAL_LANGUAGES } from '../i18n/languages';

export interface NotificationSettingsValues {
  language: string;
  kinds: Array<{ kind: NotificationKind; email: boolean; portal: boolean }>;
}

const CHANNELS: NotificationChannel[] = ['email', 'portal'];

/** Each kind on or off per channel, and the language mails are written in: one form, saved at once. */
export const NotificationSettingsPage = ({ values, errors, saved }: { values: NotificationSettingsValues; errors: FieldErrors; saved: boolean }) => {
  const { i18n, href } = usePortal();
  const { t } = i18n;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t('notificationSettings.title')}</h1>
      {saved && (
        <p className="notice" role="status">
          {t('notificationSettings.saved')}
        </p>
      )}
      <p>{t('notificationSettings.intro')}</p>
      <form method="post" action={href('/account/notifications/settings')} noValidate>
        <CsrfField />
        <TableRegion caption={t('notificationSettings.title')}>
          <thead>
            <tr>
              <th scope="col">{t('notificationSettings.kind')}</th>
              <th scope="col">{t('notificationSettings.email')}</th>
              <th scope="col">{t('notificationSettings.portal')}</th>
            </tr>
          </thead>
          <tbody>
            {NOTIFICATION_KINDS.map((kind) => {
              const current = values.kinds.find((entry) => entry.kind === kind);
              return (
                <tr key={kind}>
                  <th scope="row">{t(`notify.kind.${kind}`)}</th>
                  {CHANNELS.map((channel) => (
                    <td key={channel}>
                      <input
                        type="checkbox"
                        name="on"
                        value={`${kind}:${channel}`}
                        defaultChecked={current ? current[channel] : true}
                        aria-label={t(channel === 'email' ? 'notificationSettings.emailFor' : 'notificationSettings.portalFor', { kind: t(`notify.kind.${kind}`) })}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </TableRegion>
        <SelectField
          name="language"
          label={t('notificationSettings.language')}
          value={values.language}
          options={PORTAL_LANGUAGES.map((lang) => ({ value: lang, label: LANGUAGE_NAMES[lang] }))}
          error={errors.language}
        />
        <button type="submit" className="button">
          {t('notificationSettings.save')}
        </button>
      </form>
    </>
  );
};
