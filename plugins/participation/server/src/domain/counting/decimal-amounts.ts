/**
 * Money arrives as decimal text ("1910663.83", "250000", "12,5"). Counting rescales every amount of
 * an election by one power of ten so that all of them become integers: sums and comparisons of
 * integers are exact, and one currency unit is `unit` scaled units.
 */
import type { DecimalAmount } from './election';

const DECIMAL_PATTERN = /^([+-]?)(\d*)(?:[.,](\d*))?$/;

export interface ParsedDecimal {
  /** The value times 10^decimals. */
  mantissa: bigint;
  decimals: number;
}

export function parseDecimal(amount: DecimalAmount): ParsedDecimal | undefined {
  const text = typeof amount === 'number' ? numberToPlainText(amount) : amount.trim();
  const match = DECIMAL_PATTERN.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const mantissa = BigInt((match[2] || '0') + fraction);
  return { mantissa: match[1] === '-' ? -mantissa : mantissa, decimals: fraction.length };
}

function numberToPlainText(value: number): string {
  if (!Number.isFinite(value)) return 'NaN';
  // Up to 12 decimals is far below a cent and keeps binary noise (0.1 + 0.2) out of the count.
  return value.toFixed(12);
}

export interface AmountScale {
  decimals: number;
  factor: bigint;
}

export function commonScale(amounts: ParsedDecimal[]): AmountScale {
  const decimals = amounts.reduce((max, amount) => Math.max(max, amount.decimals), 0);
  return { decimals, factor: 10n ** BigInt(decimals) };
}

export function toScaledInteger(amount: ParsedDecimal, scale: AmountScale): bigint {
  return amount.mantissa * 10n ** BigInt(scale.decimals - amount.decimals);
}

/** Renders a scaled integer back as decimal text, without trailing zeros. */
export function formatScaled(value: bigint, scale: AmountScale): string {
  if (scale.decimals === 0) return value.toString();
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale.decimals + 1, '0');
  const whole = digits.slice(0, digits.length - scale.decimals);
  const fraction = digits.slice(digits.length - scale.decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
