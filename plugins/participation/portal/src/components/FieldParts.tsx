import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';

/** The ids a control is described by: its hint, then its error. */
export const describedBy = (name: string, hint?: string, error?: MessageKey) =>
  [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;

/** A field's hint and, after a failed submit, its error, each with the id the control points at. */
export const HintAndError = ({ name, hint, error }: { name: string; hint?: string; error?: MessageKey }) => {
  const { t } = usePortal().i18n;
  return (
    <>
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
    </>
  );
};
