import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/translator';
import { HintAndError, describedBy } from './FieldParts';

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
  /** A label may hold text people wrote, marked with its language (UserText). */
  options: Array<{ value: string; label: ReactNode }>;
  checked: string[];
}) => {
  const described = describedBy(name, hint, error);
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={described}>
        <legend>{legend}</legend>
        <HintAndError name={name} hint={hint} error={error} />
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
