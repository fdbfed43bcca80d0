import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/translator';
import { HintAndError, describedBy } from './FieldParts';

/** A labelled textarea with hint and error, as TextField. */
export const TextArea = ({ name, label, value, hint, error, rows = 5 }: { name: string; label: ReactNode; value?: string; hint?: string; error?: MessageKey; rows?: number }) => {
  const described = describedBy(name, hint, error);
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={name}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
      <textarea id={name} name={name} rows={rows} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={described} />
    </div>
  );
};
