import { IntegerRowSpace, isZero } from './row-space';
import { derivableCells, LinkedCells, publishedCounts, suppress } from './suppression';

const sum = (counts: readonly number[]) => counts.reduce((total, count) => total + count, 0);

/** A one-way table with its grand total, suppressed for k. */
function oneWay(counts: number[], k: number) {
  const cells = new LinkedCells();
  const total = cells.addCell(sum(counts));
  cells.addOneWay(total, counts);
  const published = publishedCounts(cells, suppress(cells, k, new Map([[total, false]])));
  return { total: published[0], cells: published.slice(1) };
}

/** A two-way table whose total and margins are published as they are; only its interior is protected. */
function twoWay(interior: number[][]) {
  const cells = new LinkedCells();
  const total = cells.addCell(sum(interior.flat()));
  const rows = cells.addOneWay(
    total,
    interior.map((row) => sum(row)),
  );
  const columns = cells.addOneWay(
    total,
    interior[0].map((_, column) => sum(interior.map((row) => row[column]))),
  );
  const inside = cells.addTwoWay(rows, columns, interior);
  const margins = new Map([total, ...rows, ...columns].map((cell) => [cell, false]));
  /** The interior as published, 'S' for suppressed. */
  const shape = (suppressed: readonly boolean[]) => inside.map((row) => row.map((cell) => (suppressed[cell] ? 'S' : cells.counts[cell])));
  return { cells, inside, margins, shape };
}

describe('one-way tables', () => {
  it('publishes a table without small cells as it is, zeros included', () => {
    expect(oneWay([20, 0, 15], 10)).toEqual({ total: 35, cells: [20, 0, 15] });
  });

  it('gives a single small cell the smallest non-zero cell as complementary partner', () => {
    expect(oneWay([20, 3, 12, 0, 15], 10)).toEqual({ total: 50, cells: [20, 'suppressed', 'suppressed', 0, 15] });
  });

  it('breaks ties between equal partners by category order', () => {
    expect(oneWay([11, 3, 11], 10)).toEqual({ total: 25, cells: ['suppressed', 'suppressed', 11] });
  });

  it('adds partners until the hidden cells together describe at least k people', () => {
    expect(oneWay([2, 3, 4, 30, 40], 10)).toEqual({ total: 79, cells: ['suppressed', 'suppressed', 'suppressed', 'suppressed', 40] });
  });

  it('publishes nothing at all from a table whose total is below k', () => {
    expect(oneWay([4, 3, 0], 10)).toEqual({ total: 'suppressed', cells: ['suppressed', 'suppressed', 'suppressed'] });
    expect(oneWay([], 2)).toEqual({ total: 'suppressed', cells: [] });
  });
});

describe('two-way tables', () => {
  // Two cycles of hidden cells (top-left and bottom-right squares) joined by the bridge (0,2). Every
  // line with a hidden cell has at least two, yet the bridge is determined: rows 0-1 and columns
  // 0-1 give (0,0)+(0,1) exactly, and row 0 then gives (0,2).
  const bridge = [
    [3, 4, 1, 9],
    [4, 3, 8, 7],
    [6, 5, 3, 4],
    [7, 9, 4, 3],
  ];

  it('detects that a cell bridging two cycles of hidden cells is derivable', () => {
    const { cells, inside } = twoWay(bridge);
    const primary = cells.counts.map((count, cell) => inside.flat().includes(cell) && count < 5);
    for (const line of cells.lines) {
      expect(line.parts.filter((part) => primary[part]).length).not.toBe(1);
    }
    expect(derivableCells(cells, primary)).toEqual([inside[0][2]]);
  });

  it('fixes the bridge by hiding the smallest cell in its lines that puts it on a cycle', () => {
    const { cells, margins, shape } = twoWay(bridge);
    const suppressed = suppress(cells, 5, margins);
    expect(shape(suppressed)).toEqual([
      ['S', 'S', 'S', 9],
      ['S', 'S', 'S', 7],
      [6, 5, 'S', 'S'],
      [7, 9, 'S', 'S'],
    ]);
    expect(derivableCells(cells, suppressed)).toEqual([]);
  });

  it('hides published zeros when no non-zero cell can protect a cell on its own', () => {
    // Margins: rows 20, hidden, hidden; columns 23, 15. Row 1 meets column 1 in its only non-zero
    // cell, so hiding (1,1) alone leaves row 1 equal to the published column total 15; a zero in
    // row 1 (then one in row 0) has to join the hidden cells instead.
    const { cells, margins, shape } = twoWay([
      [20, 0],
      [0, 15],
      [3, 0],
    ]);
    margins.set(cells.lines[0].parts[1], true);
    margins.set(cells.lines[0].parts[2], true);
    const suppressed = suppress(cells, 10, margins);
    expect(shape(suppressed)).toEqual([
      ['S', 'S'],
      ['S', 'S'],
      ['S', 0],
    ]);
    expect(derivableCells(cells, suppressed)).toEqual([]);
  });

  it('keeps the hidden group of every line with a published total at k or more', () => {
    const { cells, margins, shape } = twoWay([
      [30, 2, 30],
      [30, 30, 30],
    ]);
    const suppressed = suppress(cells, 10, margins);
    expect(shape(suppressed)).toEqual([
      ['S', 'S', 30],
      ['S', 'S', 30],
    ]);
    expect(derivableCells(cells, suppressed)).toEqual([]);
  });
});

describe('IntegerRowSpace', () => {
  it('decides membership exactly and keeps only independent rows', () => {
    const space = new IntegerRowSpace(3);
    const inSpan = (vector: number[]) => isZero(space.reduce(vector));
    expect(isZero(space.add([2, 4, 0]))).toBe(false);
    expect(isZero(space.add([1, 3, 0]))).toBe(false);
    expect(inSpan([0, 1, 0])).toBe(true);
    expect(inSpan([7, -3, 0])).toBe(true);
    expect(inSpan([0, 0, 1])).toBe(false);
    expect(isZero(space.add([3, 7, 0]))).toBe(true);
  });

  it('carries trailing columns along without pivoting on them', () => {
    const space = new IntegerRowSpace(4, 2);
    space.add([1, 1, 1, 0]);
    const remainder = space.add([2, 2, 0, 1]);
    // (2,2) = 2·(1,1): the combination 1·row₂ − 2·row₁ cancels, and the trailing columns say so.
    expect(isZero(remainder, 2)).toBe(true);
    expect(remainder.slice(2)).toEqual([-2, 1]);
    expect(isZero(space.reduce([0, 5, 0, 0]), 2)).toBe(false);
  });
});
