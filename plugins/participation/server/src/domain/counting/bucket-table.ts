/**
 * Storage for MES buckets (see mes.ts): bucket weights by (level, column) in one dense array,
 * reused from run to run, plus for each column the levels where it may have weight (emptied
 * levels are pruned when next read).
 */
export class BucketTable {
  weight = new Float64Array(0);
  readonly levelsOfColumn: number[][];
  private usedLevels = 0;

  constructor(readonly columnCount: number) {
    this.levelsOfColumn = Array.from({ length: columnCount }, () => []);
  }

  reset(): void {
    this.weight.fill(0, 0, this.usedLevels * this.columnCount);
    this.usedLevels = 0;
    for (const levels of this.levelsOfColumn) levels.length = 0;
  }

  ensureLevel(level: number): void {
    if (level < this.usedLevels) return;
    this.usedLevels = level + 1;
    const needed = this.usedLevels * this.columnCount;
    if (needed <= this.weight.length) return;
    const grown = new Float64Array(Math.max(needed, this.weight.length * 2, 1024));
    grown.set(this.weight);
    this.weight = grown;
  }

  add(level: number, column: number, amount: number): void {
    const index = level * this.columnCount + column;
    if (this.weight[index] === 0) this.levelsOfColumn[column].push(level);
    this.weight[index] += amount;
  }
}
