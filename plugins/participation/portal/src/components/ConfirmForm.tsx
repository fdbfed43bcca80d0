import type { ReactNode } from 'react';
import { CsrfField } from './CsrfField';

export interface ConfirmRow {
  label: string;
  value: ReactNode;
}

/**
 * GOV.UK's "check your answers" before anything that cannot be taken back: what will happen, the facts
 * it rests on, one button to do it and a way back without doing it. `hidden` carries the answers
 * already given to the POST that acts.
 */
export const ConfirmForm = ({ rows, action, hidden = {}, submitLabel, backHref, backLabel, warning, encType }: {
  rows: readonly ConfirmRow[];
  action: string;
  hidden?: Record<string, string | readonly string[]>;
  submitLabel: string;
  backHref: string;
  backLabel: string;
  warning?: string;
  /** `multipart/form-data` when a hidden answer may be long (a CSV): the urlencoded body has a small size limit. */
  encType?: 'multipart/form-data';
}) => {
  return (
    <>
      <dl className="check-answers">
        {rows.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {warning && (
        <div className="notice notice--warning">
          <p>{warning}</p>
        </div>
      )}
      <form method="post" action={action} encType={encType}>
        <CsrfField />
        {Object.entries(hidden).flatMap(([name, value]) => [value].flat().map((item, index) => <input key={`${name}-${index}`} type="hidden" name={name} value={item} />))}
        <button type="submit" className="button">{submitLabel}</button>{' '}
        <a href={backHref}>{backLabel}</a>
      </form>
    </>
  );
};
