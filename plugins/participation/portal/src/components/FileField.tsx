import type { MessageKey } from '../i18n/translator';
import { HintAndError, describedBy } from './FieldParts';

/**
 * A labelled file input with hint and error, as TextField. Its form must be `multipart/form-data`; the
 * route reads the file from `uploads` (http/multipart-form.ts). A browser cannot put a file back after a
 * failed submit, so the page keeps what it read in a field of its own instead.
 */
export const FileField = ({ name, label, hint, error, accept }: { name: string; label: string; hint?: string; error?: MessageKey; accept?: string }) => (
  <div className={error ? 'field field--error' : 'field'}>
    <label htmlFor={name}>{label}</label>
    <HintAndError name={name} hint={hint} error={error} />
    <input id={name} name={name} type="file" accept={accept} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)} />
  </div>
);
