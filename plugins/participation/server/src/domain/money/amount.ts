import Decimal from 'decimal.js';

/**
 * Money is stored as an integer count of hundredths (minor units) so that both SQLite and PostgreSQL
 * hold it exactly and can sum it; the API speaks decimal strings such as "1250000.50".
 */
const MINOR_PER_UNIT = 100;
/** Largest amount better-sqlite3 and JavaScript numbers carry exactly (2^53 minor units). */
const MAX_MINOR = new Decimal(2).pow(53);

export type DecimalSeparator = '.' | ',';

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
  const compact = raw.trim().replace(/[\s\u00a0'’]/g, '').split(groupSeparator).join('');
  const normalised = decimalSeparator === ',' ? compact.replace(',', '.') : compact;

  if (/^-/.test(normalised)) return { ok: false, message: 'must not be negative' };
  if (!/^\d+(\.\d+)?$/.test(normalised)) return { ok: false, message: `"${raw}" is not a number` };
  const value = new Decimal(normalised);
  if (value.decimalPlaces() > 2) return { ok: false, message: 'has more than two decimal places' };
  const minor = value.times(MINOR_PER_UNIT);
  if (minor.greaterThan(MAX_MINOR)) return { ok: false, message: 'is too large' };
  return { ok: true, minor: minor.toFixed(0) };
};

/** "125000050" (minor units, as stored) → "1250000.50" */
export const formatMinor = (minor: string | number | bigint | null | undefined): string =>
  new Decimal(String(minor ?? 0)).dividedBy(MINOR_PER_UNIT).toFixed(2);

export const sumMinor = (values: Array<string | number | null | undefined>): string =>
  values.reduce<Decimal>((total, value) => total.plus(String(value ?? 0)), new Decimal(0)).toFixed(0);
