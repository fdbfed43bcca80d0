/** Exact rationals (fraction.js, BigInt based) for every decision floats cannot settle. */
import Fraction from 'fraction.js';

export type Exact = Fraction;

export const ZERO: Exact = new Fraction(0);

export function exact(numerator: bigint | number, denominator: bigint | number = 1n): Exact {
  return new Fraction(BigInt(numerator), BigInt(denominator));
}

export function exactText(value: Exact): string {
  return value.d === 1n ? `${value.s * value.n}` : `${value.s * value.n}/${value.d}`;
}

export function minExact(a: Exact, b: Exact): Exact {
  return a.compare(b) <= 0 ? a : b;
}
