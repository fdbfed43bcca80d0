import type { MessageKey } from '../i18n/translator';
import { HintAndError, describedBy } from './FieldParts';

interface SelectFieldProps {
  name: string;
  label: string;
  value?: string;
  /** `lang`: an option named in its own language (a choice of languages). */
  options: Array<{ value: string; label: string; lang?: string }>;
  hint?: string;
  error?: MessageKey;
}

/** A labelled select; the first option (empty value) means "any" or "no answer". */
export const SelectField = ({ name, label, value, options, hint, error }: SelectFieldProps) => (
  <div className={error ? 'field field--error' : 'field'}>
    <label htmlFor={name}>{label}</label>
    <HintAndError name={name} hint={hint} error={error} />
    <select id={name} name={name} defaultValue={value ?? ''} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)}>
      {options.map((option) => (
        <option key={option.value} value={option.value} lang={option.lang}>
          {option.label}
        </option>
      ))}
    </select>
  </div>
);
