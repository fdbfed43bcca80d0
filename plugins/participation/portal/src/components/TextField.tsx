import type { MessageKey } from '../i18n/translator';
import { HintAndError, describedBy } from './FieldParts';

interface TextFieldProps {
  name: string;
  label: string;
  value?: string;
  hint?: string;
  error?: MessageKey;
  type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'search' | 'number';
  autoComplete?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'decimal' | 'text' | 'email';
}

/** A labelled input with its hint and, after a failed submit, its error beside it (values kept). */
export const TextField = ({ name, label, value, hint, error, type = 'text', autoComplete, required, inputMode }: TextFieldProps) => {
  const described = describedBy(name, hint, error);
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={name}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
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
