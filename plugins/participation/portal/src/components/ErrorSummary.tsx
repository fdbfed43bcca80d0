import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';

export type FieldErrors = Partial<Record<string, MessageKey>>;

/**
 * GOV.UK's error summary: at the top of the page, each problem a link to its field. Announced as an
 * alert so that a screen reader hears it when the page returns with errors.
 */
export const ErrorSummary = ({ errors }: { errors: FieldErrors }) => {
  const { t } = usePortal().i18n;
  const entries = Object.entries(errors).filter((entry): entry is [string, MessageKey] => Boolean(entry[1]));
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('form.errorSummaryTitle')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>{t(message)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
};
