import Decimal from 'decimal.js';

/**
 * Money is stored as an integer count of hundredths (minor units) so that both SQLite and PostgreSQL
 * hold it exactly and can sum it; the API speaks decimal strings such as "1250000.50".
 */
const MINOR_PER_UNIT = 100;
/** Largest amount better-sqlite3 and JavaScript numbers carry exactly (2^53 minor units). */
const MAX_MINOR = new Decimal(2).pow(53);

export const DECIMAL_SEPARATORS = ['.', ','] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];

export type AmountParseResult = { ok: true; minor: string } | { ok: false; message: string };

/**
 * Reads an amount as a finance office writes it: digits with an optional decimal part of at most two
 * places, thousands grouped by spaces, apostrophes or the other separator ("1 250 000,50" or "1,250,000.50").
 */
export const parseAmount = (raw: unknown, decimalSeparator: DecimalSeparator = '.'): AmountParseResult => {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, message: 'must be a number' };
    raw = String(raw);
  }
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, message: 'is required' };

  const groupSeparator = decimalSeparator === '.' ? ',' : '.';
  const spaced = raw.trim().replace(/[\s\u00a0'’]/g, '');
  // The other separator only groups thousands: "1 000 000,00" read with "." must fail, not become 100 times larger.
  const [integerPart] = spaced.split(decimalSeparator);
  if (integerPart.includes(groupSeparator) && !new RegExp(`^\\d{1,3}(\\${groupSeparator}\\d{3})+$`).test(integerPart)) {
    return { ok: false, message: `"${raw}" is not a number with "${decimalSeparator}" as decimal separator` };
  }
  const compact = spaced.split(groupSeparator).join('');
  const normalised = decimalSeparator === ',' ? compact.replace(',', '.') : compact;

  if (/^-/.test(normalised)) return { ok: false, message: 'must not be negative' };
  if (!/^\d+(\.\d+)?$/.test(normalised)) return { ok: false, message: `"${raw}" is not a number` };
  const value = new Decimal(normalised);
  if (value.decimalPlaces() > 2) return { ok: false, message: 'has more than two decimal places' };
  const minor = value.times(MINOR_PER_UNIT);
  if (minor.greaterThan(MAX_MINOR)) return { ok: false, message: 'is too large' };
  return { ok: true, minor: minor.toFixed(0) };
};

/**
 * "125000050" (minor units, as stored) → "1250000.50". A whole count of minor units, as every stored
 * amount is, is written by placing the point (exports format tens of thousands a second); anything else
 * goes through Decimal.
 */
export const formatMinor = (minor: string | number | bigint | null | undefined): string => {
  const text = String(minor ?? 0);
  if (!/^\d+$/.test(text)) return new Decimal(text).dividedBy(MINOR_PER_UNIT).toFixed(2);
  const digits = text.padStart(3, '0');
  return `${digits.slice(0, -2).replace(/^0+(?=\d)/, '')}.${digits.slice(-2)}`;
};

export const sumMinor = (values: Array<string | number | null | undefined>): string =>
  values.reduce<Decimal>((total, value) => total.plus(String(value ?? 0)), new Decimal(0)).toFixed(0);

/**
 * Which decimal separator an amount as written shows, if any. At most two decimal places are allowed,
 * so one separator followed by three digits, or one that repeats, groups thousands.
 */
export const decimalSeparatorOf = (raw: string): DecimalSeparator | undefined => {
  const compact = raw.trim().replace(/[\s\u00a0'’]/g, '');
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const separator = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : undefined;
  if (!separator) return undefined;
  const other: DecimalSeparator = separator === '.' ? ',' : '.';
  const parts = compact.split(separator);
  return parts.length > 2 || parts[1].length === 3 ? other : separator;
};
