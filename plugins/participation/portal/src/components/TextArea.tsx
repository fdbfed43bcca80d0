import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';

/** A labelled textarea with hint and error, as TextField. */
export const TextArea = ({ name, label, value, hint, error, rows = 5 }: { name: string; label: string; value?: string; hint?: string; error?: MessageKey; rows?: number }) => {
  const { t } = usePortal().i18n;
  const described = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={name}>{label}</label>
      {hint && (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error-message" id={`${name}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {t(error)}
        </p>
      )}
      <textarea id={name} name={name} rows={rows} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={described} />
    </div>
  );
};
