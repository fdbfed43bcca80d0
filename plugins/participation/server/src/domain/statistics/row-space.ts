// Local names for hot loops: global lookups are slow inside sandboxes such as jest's.
const { abs } = Math;
const { MAX_SAFE_INTEGER } = Number;

/**
 * The span of integer row vectors, decided exactly: fraction-free elimination on integers, each row
 * divided by the gcd of its entries, and every step checked to stay within safe integers — so rank and
 * membership are never rounded (a rounding error would turn "derivable" into "protected").
 *
 * Only the first `pivotWidth` columns take part in elimination; the columns after them ride along,
 * e.g. to record which combination of the original rows produced a result.
 */
export class IntegerRowSpace {
  private readonly rows: { pivot: number; vector: number[] }[] = [];

  constructor(
    readonly width: number,
    readonly pivotWidth: number = width,
  ) {}

  /**
   * `vector` scaled by a non-zero integer, minus a combination of the rows held: zero on every pivot
   * column. Its first `pivotWidth` entries are all zero exactly when that part of `vector` lies in
   * the span.
   */
  reduce(vector: readonly number[]): number[] {
    let remainder = [...vector];
    // Row j is zero on the pivots of rows before it, so one pass in insertion order clears them all.
    for (const { pivot, vector: row } of this.rows) {
      const factor = remainder[pivot];
      if (factor !== 0) remainder = combine(row[pivot], remainder, factor, row);
    }
    return remainder;
  }

  /** Reduces `vector` and keeps the remainder as a new row when it is independent; returns the remainder. */
  add(vector: readonly number[]): number[] {
    const remainder = this.reduce(vector);
    const pivot = smallestEntryColumn(remainder, this.pivotWidth);
    if (pivot >= 0) this.rows.push({ pivot, vector: remainder });
    return remainder;
  }
}

export const isZero = (vector: readonly number[], upTo: number = vector.length): boolean => {
  for (let column = 0; column < upTo; column++) if (vector[column] !== 0) return false;
  return true;
};

/** The column of the smallest non-zero entry: pivots of ±1 keep the integers small. */
function smallestEntryColumn(vector: readonly number[], upTo: number): number {
  let best = -1;
  for (let column = 0; column < upTo; column++) {
    const size = abs(vector[column]);
    if (size !== 0 && (best < 0 || size < abs(vector[best]))) best = column;
  }
  return best;
}

function largest(vector: readonly number[]): number {
  let largest = 0;
  for (const entry of vector) if (abs(entry) > largest) largest = abs(entry);
  return largest;
}

/** a·x − b·y, divided by the gcd of its entries. */
function combine(a: number, x: readonly number[], b: number, y: readonly number[]): number[] {
  // No entry can exceed this bound, so when it is a safe integer every product and difference is exact.
  if (abs(a) * largest(x) + abs(b) * largest(y) > MAX_SAFE_INTEGER) throw new RangeError('exact elimination would leave the safe integer range');
  const result = new Array<number>(x.length);
  let divisor = 0;
  for (let column = 0; column < x.length; column++) {
    const value = a * x[column] - b * y[column];
    result[column] = value;
    if (divisor !== 1 && value !== 0) divisor = gcd(divisor, abs(value));
  }
  return divisor > 1 ? result.map((value) => value / divisor) : result;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
