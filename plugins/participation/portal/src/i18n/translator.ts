import Decimal from 'decimal.js';
import { IntlMessageFormat } from 'intl-messageformat';
import type { PortalLanguage } from './languages';
import en from '../../messages/en.json';
import sq from '../../messages/sq.json';
import vi from '../../messages/vi.json';
import sw from '../../messages/sw.json';
import ne from '../../messages/ne.json';
import hi from '../../messages/hi.json';
import bn from '../../messages/bn.json';

/** English is the source catalogue: every other must have each of its keys (catalogues.test.ts). */
export type MessageKey = keyof typeof en;
export type MessageValues = Record<string, string | number | Date>;

export const CATALOGUES: Record<PortalLanguage, Record<MessageKey, string>> = { en, sq, vi, sw, ne, hi, bn };

export interface Translator {
  lang: PortalLanguage;
  /** A message of the page's language, in ICU MessageFormat. */
  t: (key: MessageKey, values?: MessageValues) => string;
  /** A message with values that are not text (elements of a page), in order with the message's own words. */
  parts: <Part>(key: MessageKey, values: Record<string, string | number | Date | Part>) => Array<string | Part>;
  number: (value: number) => string;
  /** An amount as the API gives it (a decimal string of currency units), in the municipality's currency. */
  money: (amount: string, currency: string) => string;
  /** A calendar date (2026-05-01) or an instant, in words of the page's language. */
  date: (value: string | Date) => string;
  percent: (fraction: number) => string;
}

/** Parsed messages and Intl formatters are costly to make (a page formats hundreds of amounts): each made once. */
const memoise = <Value>(make: (id: string) => Value) => {
  const made = new Map<string, Value>();
  return (id: string) => {
    let value = made.get(id);
    if (value === undefined) {
      value = make(id);
      made.set(id, value);
    }
    return value;
  };
};

const formatOf = memoise((id) => {
  const [lang, key] = id.split('\u0000') as [PortalLanguage, MessageKey];
  return new IntlMessageFormat(CATALOGUES[lang][key], lang);
});

/**
 * Decimals an amount is shown with: none when it is whole, else every one it has, at least two. Intl's
 * own digits for a currency would round the hundredths the platform stores away (ALL and VND have none
 * there: 1234.50 ALL would read "ALL 1,235"), and a whole amount needs no ".00".
 */
export const moneyFractionDigits = (amount: string) => {
  const places = new Decimal(amount).decimalPlaces();
  return places === 0 ? 0 : Math.max(2, places);
};

const makeTranslator = (lang: PortalLanguage): Translator => {
  const numbers = new Intl.NumberFormat(lang);
  const percents = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const currencies = memoise((id) => {
    const [currency, digits] = id.split(':');
    return new Intl.NumberFormat(lang, { style: 'currency', currency, minimumFractionDigits: Number(digits), maximumFractionDigits: Number(digits) });
  });
  return {
    lang,
    t: (key, values) => String(formatOf(`${lang}\u0000${key}`).format(values)),
    parts: <Part>(key: MessageKey, values: Record<string, string | number | Date | Part>) => {
      const formatted = formatOf(`${lang}\u0000${key}`).format<Part>(values);
      return Array.isArray(formatted) ? formatted : [formatted];
    },
    number: (value) => numbers.format(value),
    // Intl formats a decimal string exactly (its types still say number); a float would round large budgets.
    money: (amount, currency) => currencies(`${currency}:${moneyFractionDigits(amount)}`).format(amount as unknown as number),
    date: (value) => dates.format(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value)),
    percent: (fraction) => percents.format(fraction),
  };
};

export const translatorFor: (lang: PortalLanguage) => Translator = memoise((lang) => makeTranslator(lang as PortalLanguage));
