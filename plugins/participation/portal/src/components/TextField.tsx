import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';

interface TextFieldProps {
  name: string;
  label: string;
  value?: string;
  hint?: string;
  error?: MessageKey;
  type?: 'text' | 'email' | 'password' | 'date' | 'search' | 'number';
  autoComplete?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'decimal' | 'text' | 'email';
}

/** A labelled input with its hint and, after a failed submit, its error beside it (values kept). */
export const TextField = ({ name, label, value, hint, error, type = 'text', autoComplete, required, inputMode }: TextFieldProps) => {
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
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={type === 'password' ? undefined : value}
        autoComplete={autoComplete}
        required={required}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
      />
    </div>
  );
};
