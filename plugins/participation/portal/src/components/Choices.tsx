import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';

/**
 * A group of checkboxes or radios in a fieldset whose legend is the question. The first input carries the
 * field's name as its id, so that the error summary's link lands on the group.
 */
export const Choices = ({
  name,
  legend,
  hint,
  error,
  type,
  options,
  checked,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: MessageKey;
  type: 'checkbox' | 'radio';
  options: Array<{ value: string; label: string }>;
  checked: string[];
}) => {
  const { t } = usePortal().i18n;
  const described = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={described}>
        <legend>{legend}</legend>
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
        {options.map((option, index) => {
          const id = index === 0 ? name : `${name}-${index}`;
          return (
            <div className="choice" key={option.value}>
              <input type={type} id={id} name={name} value={option.value} defaultChecked={checked.includes(option.value)} />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
};
