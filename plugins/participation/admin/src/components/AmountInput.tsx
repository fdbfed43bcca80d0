import { forwardRef, useEffect, useState, type ChangeEvent, type ReactNode } from 'react';
import { Field, TextInput, useComposedRefs } from '@strapi/design-system';
import { useFocusInputField, useForm } from '@strapi/strapi/admin';
import { decimalSeparatorOf, formatMinor, parseAmount } from '../../../server/src/domain/money/amount';
import { useMessage } from './message';

/** What the Content Manager hands a custom field's input (its edit view's props and `useField`'s). */
interface AmountInputProps {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  labelAction?: ReactNode;
  value?: string | number | null;
  error?: string;
  onChange: (name: string, value: string | null) => void;
}

const MINOR_UNITS = /^\d+$/;

/** Stored minor units as an amount to read and edit ("125000050" → "1 250 000.50"); anything else as it is. */
const shownAmount = (value: AmountInputProps['value']) => {
  if (value === null || value === undefined || value === '') return '';
  if (!MINOR_UNITS.test(String(value))) return String(value);
  const [whole, fraction] = formatMinor(String(value)).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}.${fraction}`;
};

/** The minor units an amount as written stands for, read with whichever decimal separator it shows. */
const minorOf = (text: string) => parseAmount(text, decimalSeparatorOf(text) ?? '.');

/** The currency of the municipality the entry belongs to, from the public API (unknown until one is named). */
const useMunicipalityCurrency = (municipalityCode: unknown) => {
  const [currency, setCurrency] = useState<string | null>(null);
  useEffect(() => {
    setCurrency(null);
    if (typeof municipalityCode !== 'string' || !/^[A-Z0-9-]{1,32}$/.test(municipalityCode)) return;
    const controller = new AbortController();
    const backend = (window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';
    fetch(`${backend}/api/participation/municipalities/${encodeURIComponent(municipalityCode)}`, { signal: controller.signal })
      .then((answer) => (answer.ok ? answer.json() : null))
      .then((body: { data?: { currency?: string } } | null) => setCurrency(body?.data?.currency ?? null))
      // An unknown code or an aborted request: the amount is shown without a currency.
      .catch(() => undefined);
    return () => controller.abort();
  }, [municipalityCode]);
  return currency;
};

/**
 * The Content Manager's input for the plugin's money attributes: shows and takes the amount in the
 * municipality's currency units (two decimal places) and stores it in minor units, the column's
 * `biginteger`. Text that is not an amount stays as written, with the reason beside it, and is handed to
 * the form as it is, so the form's own check refuses to save it.
 */
const AmountInput = forwardRef<HTMLInputElement, AmountInputProps>(
  ({ name, label, hint, required, disabled, labelAction, value, error, onChange }, forwardedRef) => {
    const message = useMessage();
    // Outside an entry's form (a read-only view) there is no municipality to read: the amount goes without a currency.
    const municipalityCode = useForm('AmountInput', (state) => (state.values as Record<string, unknown>).municipalityCode, false);
    const currency = useMunicipalityCurrency(municipalityCode);
    const inputRef = useComposedRefs(forwardedRef, useFocusInputField<HTMLInputElement>(name));
    const [text, setText] = useState(() => shownAmount(value));

    // A value set from outside (the entry loaded, the form reset) replaces the text unless it already says the same.
    useEffect(() => {
      setText((current) => {
        const parsed = minorOf(current);
        const same = parsed.ok ? parsed.minor === String(value ?? '') : current === String(value ?? '');
        return same || (current === '' && (value === null || value === undefined)) ? current : shownAmount(value);
      });
    }, [value]);

    const change = (event: ChangeEvent<HTMLInputElement>) => {
      const written = event.target.value;
      setText(written);
      if (written.trim() === '') return onChange(name, null);
      const parsed = minorOf(written);
      onChange(name, parsed.ok ? parsed.minor : written);
    };

    const parsed = text.trim() === '' ? null : minorOf(text);
    const problem = parsed && !parsed.ok ? message('amount.invalid') : error;
    return (
      <Field.Root name={name} id={name} error={problem} hint={hint} required={required}>
        <Field.Label action={labelAction}>{currency ? message('amount.label', { label, currency }) : label}</Field.Label>
        <TextInput
          ref={inputRef}
          inputMode="decimal"
          autoComplete="off"
          disabled={disabled}
          value={text}
          onChange={change}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  },
);

export default AmountInput;
