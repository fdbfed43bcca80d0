/**
 * k-suppression of count tables: no published count describes between 1 and k − 1 people, and no
 * suppressed count can be worked out from the published ones.
 *
 * Tables that share cells (a two-way table's margins are one-way tables, every table shares the
 * grand total) are flattened into one {@link LinkedCells}: a list of cells and the published sums
 * ("lines") that tie them together. Protection is decided over all of them at once, because what one
 * table hides another must not reveal.
 */
import { IntegerRowSpace, isZero } from './row-space';

export type PublishedCount = number | 'suppressed';

/** A published sum: the counts of `parts` add up to the count of `total` (all cell indexes). */
export interface Line {
  readonly total: number;
  readonly parts: readonly number[];
}

export class LinkedCells {
  readonly counts: number[] = [];
  readonly lines: Line[] = [];

  addCell(count: number): number {
    this.counts.push(count);
    return this.counts.length - 1;
  }

  /** A one-way table: one cell per count, in category order, adding up to the existing cell `total`. */
  addOneWay(total: number, counts: readonly number[]): number[] {
    const cells = counts.map((count) => this.addCell(count));
    this.lines.push({ total, parts: cells });
    return cells;
  }

  /**
   * The interior of a two-way table whose margins are existing cells: row r adds up to
   * `rowMargins[r]`, column c to `columnMargins[c]`. Cells are added row by row.
   */
  addTwoWay(rowMargins: readonly number[], columnMargins: readonly number[], counts: readonly (readonly number[])[]): number[][] {
    const cells = counts.map((row) => row.map((count) => this.addCell(count)));
    rowMargins.forEach((total, row) => this.lines.push({ total, parts: cells[row] }));
    columnMargins.forEach((total, column) => this.lines.push({ total, parts: cells.map((row) => row[column]) }));
    return cells;
  }
}

export const publishedCounts = (cells: LinkedCells, suppressed: readonly boolean[]): PublishedCount[] =>
  cells.counts.map((count, cell) => (suppressed[cell] ? 'suppressed' : count));

/**
 * Which cells to suppress for threshold `k`. Cells in `settled` keep the pattern given there (true:
 * suppressed) — e.g. margins already published with their own table; every other cell gets primary
 * suppression (0 < count < k) and only those may be added by complementary suppression.
 *
 * A grand total (a total that is no line's part) below k suppresses everything: a population that
 * small publishes nothing at all.
 *
 * Then, until nothing changes: (1) in a line whose total is published, the suppressed parts must add
 * up to at least k, so that even the hidden group as a whole is not smaller than k; (2) no suppressed
 * cell may be derivable from the published counts (see {@link derivableCells}). Each step suppresses
 * one more cell, so the loop ends.
 */
export function suppress(cells: LinkedCells, k: number, settled: ReadonlyMap<number, boolean> = new Map()): boolean[] {
  const { counts, lines } = cells;
  const isPart = new Set(lines.flatMap((line) => line.parts));
  if (lines.some((line) => !isPart.has(line.total) && counts[line.total] < k)) return counts.map(() => true);

  const suppressed = counts.map((count, cell) => settled.get(cell) ?? (count > 0 && count < k));
  const memberships = membershipsOf(cells);
  // For every cell, the cells that share a line with it (itself included).
  const neighbours = memberships.map((membership) => [...new Set(membership.flatMap(({ line }) => [lines[line].total, ...lines[line].parts]))]);
  // Zero cells in a line published as zero are known to be zero whatever is hidden: never worth hiding.
  const knownZero = new Set(lines.filter((line) => counts[line.total] === 0 && !suppressed[line.total]).flatMap((line) => line.parts));
  const mayHide = (cell: number) => !settled.has(cell) && !suppressed[cell] && !knownZero.has(cell);

  for (;;) {
    const cell = complementForSmallGroup(cells, k, suppressed, mayHide) ?? complementForDerivableCell(cells, suppressed, mayHide, memberships, neighbours);
    if (cell === undefined) return suppressed;
    suppressed[cell] = true;
  }
}

/** In the first line whose hidden group is smaller than k, its smallest non-zero published part. */
function complementForSmallGroup(cells: LinkedCells, k: number, suppressed: readonly boolean[], mayHide: (cell: number) => boolean): number | undefined {
  const { counts } = cells;
  for (const line of cells.lines) {
    if (suppressed[line.total]) continue;
    const hidden = line.parts.filter((part) => suppressed[part]);
    if (hidden.length === 0 || hidden.reduce((sum, part) => sum + counts[part], 0) >= k) continue;
    const candidates = line.parts.filter((part) => mayHide(part) && counts[part] > 0);
    // Stable sort: equal counts stay in category order.
    const smallest = candidates.sort((a, b) => counts[a] - counts[b])[0];
    if (smallest !== undefined) return smallest;
  }
  return undefined;
}

/**
 * The linear system of the hidden cells: one equation per line (total − parts = 0, published counts
 * moved to the right-hand side), eliminated once. Each row carries, after the unknowns, the
 * combination of lines it was made from.
 */
class HiddenSystem {
  readonly unknowns: number[];
  private readonly columnOf = new Map<number, number>();
  private readonly space: IntegerRowSpace;
  /** Combinations of lines in which every hidden cell cancels: facts that hold among published counts alone. */
  readonly relations: number[][] = [];

  constructor(cells: LinkedCells, suppressed: readonly boolean[]) {
    this.unknowns = cells.counts.map((_, cell) => cell).filter((cell) => suppressed[cell]);
    this.unknowns.forEach((cell, column) => this.columnOf.set(cell, column));
    const unknownCount = this.unknowns.length;
    this.space = new IntegerRowSpace(unknownCount + cells.lines.length, unknownCount);
    cells.lines.forEach((line, index) => {
      const equation = new Array<number>(this.space.width).fill(0);
      const total = this.columnOf.get(line.total);
      if (total !== undefined) equation[total] -= 1;
      for (const part of line.parts) {
        const column = this.columnOf.get(part);
        if (column !== undefined) equation[column] += 1;
      }
      equation[unknownCount + index] = 1;
      const remainder = this.space.add(equation);
      if (isZero(remainder, unknownCount)) this.relations.push(remainder.slice(unknownCount));
    });
  }

  /**
   * For a derivable hidden cell, a combination of lines that yields its value (up to a non-zero
   * factor); undefined when the published counts leave it open.
   */
  derivation(cell: number): number[] | undefined {
    const unit = new Array<number>(this.space.width).fill(0);
    unit[this.columnOf.get(cell)!] = 1;
    const remainder = this.space.reduce(unit);
    return isZero(remainder, this.unknowns.length) ? remainder.slice(this.unknowns.length) : undefined;
  }
}

/**
 * Suppressed cells whose value follows from the published counts by linear algebra: the cell's unit
 * vector lies in the row space of the line equations restricted to the hidden cells. Checking that
 * every line has two hidden cells is not enough: a hidden cell bridging two cycles of hidden cells
 * is still determined.
 */
export function derivableCells(cells: LinkedCells, suppressed: readonly boolean[]): number[] {
  const system = new HiddenSystem(cells, suppressed);
  return system.unknowns.filter((cell) => system.derivation(cell) !== undefined);
}

/**
 * For the first derivable hidden cell, the published cell to hide next.
 *
 * Hiding a cell c adds c as an unknown to the lines it is in (coefficient vector m over lines). The
 * derivation λ of the exposed cell then fails exactly when every relation r among published counts
 * has r·m = 0 (so λ cannot be adjusted around c) and λ·m ≠ 0. Cells that break the derivation on
 * their own come first, then non-zero before zero cells (a zero describes nobody and is hidden only
 * when that is what protects), cells in the exposed cell's own lines before those one line further,
 * smallest count first, then table and category order. When no single cell breaks it, hiding the
 * nearest smallest cell still makes progress: once the interiors of the tables around a cell are
 * hidden entirely, it cannot be derived.
 */
function complementForDerivableCell(
  cells: LinkedCells,
  suppressed: readonly boolean[],
  mayHide: (cell: number) => boolean,
  memberships: readonly Membership[][],
  neighbours: readonly (readonly number[])[],
): number | undefined {
  const system = new HiddenSystem(cells, suppressed);
  for (const exposed of system.unknowns) {
    const derivation = system.derivation(exposed);
    if (derivation === undefined) continue;

    const near = new Set(neighbours[exposed]);
    const twoLinesAway = new Set([...near].flatMap((cell) => neighbours[cell]));
    const ranked = cells.counts
      .map((count, cell) => {
        if (!mayHide(cell)) return undefined;
        const breaks = breaksDerivation(memberships[cell], derivation, system.relations);
        const distance = near.has(cell) ? 1 : twoLinesAway.has(cell) ? 2 : 3;
        return breaks || distance < 3 ? { cell, key: [breaks ? 0 : 1, count === 0 ? 1 : 0, distance, count, cell] } : undefined;
      })
      .filter((candidate) => candidate !== undefined)
      .sort((a, b) => compareKeys(a.key, b.key));
    if (ranked.length === 0) throw new Error(`cell ${exposed} is derivable and nothing near it can be hidden to protect it`);
    return ranked[0].cell;
  }
  return undefined;
}

/** A cell's place in a line: +1 as a part, −1 as the total, as in the line's equation. */
interface Membership {
  line: number;
  sign: 1 | -1;
}

function membershipsOf(cells: LinkedCells): Membership[][] {
  const memberships = cells.counts.map((): Membership[] => []);
  cells.lines.forEach((line, index) => {
    memberships[line.total].push({ line: index, sign: -1 });
    for (const part of line.parts) memberships[part].push({ line: index, sign: 1 });
  });
  return memberships;
}

function breaksDerivation(membership: readonly Membership[], derivation: readonly number[], relations: readonly (readonly number[])[]): boolean {
  const dot = (vector: readonly number[]) => membership.reduce((sum, { line, sign }) => sum + sign * vector[line], 0);
  return relations.every((relation) => dot(relation) === 0) && dot(derivation) !== 0;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return a[index] - b[index];
  return 0;
}
