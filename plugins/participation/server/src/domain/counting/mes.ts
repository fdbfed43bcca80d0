/**
 * The Method of Equal Shares, one run with a given starting share per voter.
 *
 * Each round funds the project with the smallest ρ, where supporters paying min(money, ρ · sat)
 * cover its cost; a project its supporters can no longer afford is dropped for good.
 *
 * Speed comes from structure, not from the voters one by one:
 * - voters with identical ballots are one weighted class (see profile.ts);
 * - voters with equal remaining money share a *level*: a purchase moves each (level,
 *   satisfaction) group of its supporters to one child level. A project sees its supporters as
 *   buckets (level, satisfaction, weight), a few hundred even for 100,000 voters, gathered from
 *   its supporter classes when its ρ is needed;
 * - which voters share which level depends only on the purchases so far, not on the share, so
 *   the runs of add1 (see {@link MesTrail}) share one level tree and the buckets gathered for it,
 *   and recompute only money for the purchases they have in common;
 * - ρ never decreases (money only goes down), so a stale ρ is a lower bound: after a purchase only
 *   the projects whose buckets changed and whose bound could still win are recomputed;
 * - ρ is found without sorting, by the poor/rich fixed point (a few passes over the buckets).
 * Exactness: ρ and money are screened in floats. Any comparison closer than a generous bound on
 * the float error (ties included) is decided again with exact rationals; exact level values are
 * derived lazily from the exact ρ of the rounds that created them, so runs without close calls do
 * no rational arithmetic at all.
 */
import { exact, ZERO, type Exact } from './exact';
import type { RuleContext } from './rule-context';
import type { SatisfactionMeasure } from './satisfaction';
import { entrySatisfaction } from './satisfaction';

/** Relative float error tolerated before a decision is re-checked exactly (errors are ~1e-13). */
const RELATIVE_TOLERANCE = 1e-9;
/** Extra tolerance per unit of cancellation when capped supporters cover most of a cost. */
const CANCELLATION_TOLERANCE = 1e-12;
/** Relative margin between ρ values compared across two shares (both carry float error). */
const FOLLOW_MARGIN = 1e-9;
/** Growth bounds are shrunk by this factor against their own float error. */
const GROWTH_SAFETY = 1 - 1e-9;

/** The run-independent part of MES: who supports what, with which satisfaction. */
export interface MesInstance {
  context: RuleContext;
  measure: SatisfactionMeasure;
  /** Projects that take part: available, positive total satisfaction. */
  projects: number[];
  entrySat: Float64Array;
  /**
   * A project's supporters are split by their satisfaction value into *columns*; the entry's
   * column is `columnBase[project] + entryColumn[entry]`. Approval profiles have one per project.
   */
  entryColumn: Int32Array;
  columnBase: Int32Array;
  columnCount: number;
  columnSat: Float64Array;
  supporterClasses: Int32Array[];
  /** The entry of each supporter class for the project, aligned with `supporterClasses`. */
  supporterEntries: Int32Array[];
  /** For each project, the other projects sharing at least one supporter class with it. */
  neighbours: Int32Array[];
  totalSatisfaction: Float64Array;
}

export function prepareMes(context: RuleContext, measure: SatisfactionMeasure): MesInstance {
  const { profile } = context;
  const entrySat = entrySatisfaction(profile, measure);
  const projectCount = profile.projectIds.length;
  const columnsByProject: Map<number, number>[] = Array.from({ length: projectCount }, () => new Map());
  const entryColumn = new Int32Array(entrySat.length);
  const supporters: { classes: number[]; entries: number[] }[] = Array.from({ length: projectCount }, () => ({ classes: [], entries: [] }));
  const totals = new Float64Array(projectCount);
  for (let voterClass = 0; voterClass < profile.classCount; voterClass += 1) {
    for (let entry = profile.classStart[voterClass]; entry < profile.classStart[voterClass + 1]; entry += 1) {
      const project = profile.entryProject[entry];
      const sat = entrySat[entry];
      if (sat <= 0) continue;
      totals[project] += sat * profile.classWeight[voterClass];
      const columns = columnsByProject[project];
      if (!columns.has(sat)) columns.set(sat, columns.size);
      entryColumn[entry] = columns.get(sat) as number;
      supporters[project].classes.push(voterClass);
      supporters[project].entries.push(entry);
    }
  }
  const columnBase = new Int32Array(projectCount + 1);
  columnsByProject.forEach((columns, project) => {
    columnBase[project + 1] = columnBase[project] + columns.size;
  });
  const columnSat = new Float64Array(columnBase[projectCount]);
  columnsByProject.forEach((columns, project) => columns.forEach((column, sat) => (columnSat[columnBase[project] + column] = sat)));
  const neighbours = projectNeighbours(profile, entrySat, projectCount);
  return {
    context,
    measure,
    projects: profile.projectIds.map((_, project) => project).filter((project) => context.available[project] && totals[project] > 0),
    entrySat,
    entryColumn,
    columnBase,
    columnCount: columnBase[projectCount],
    columnSat,
    supporterClasses: supporters.map((list) => Int32Array.from(list.classes)),
    supporterEntries: supporters.map((list) => Int32Array.from(list.entries)),
    neighbours,
    totalSatisfaction: totals,
  };
}

/** Which projects share a supporter class: after a purchase, only these can see their buckets change. */
function projectNeighbours(profile: RuleContext['profile'], entrySat: Float64Array, projectCount: number): Int32Array[] {
  const shared = new Uint8Array(projectCount * projectCount);
  const projects: number[] = [];
  for (let voterClass = 0; voterClass < profile.classCount; voterClass += 1) {
    projects.length = 0;
    for (let entry = profile.classStart[voterClass]; entry < profile.classStart[voterClass + 1]; entry += 1) {
      if (entrySat[entry] > 0) projects.push(profile.entryProject[entry]);
    }
    for (const a of projects) for (const b of projects) shared[a * projectCount + b] = 1;
  }
  return Array.from({ length: projectCount }, (_, a) => {
    const list: number[] = [];
    for (let b = 0; b < projectCount; b += 1) if (b !== a && shared[a * projectCount + b]) list.push(b);
    return Int32Array.from(list);
  });
}

/** Supporters of a project grouped by (level, satisfaction), with their total weight. */
interface BucketList {
  levels: Int32Array;
  sats: Float64Array;
  weights: Float64Array;
}

export interface MesStep {
  project: number;
  rate: number;
  /** Float error bound on `rate` (0 when it was decided exactly). */
  tolerance: number;
  /** The selected project's buckets when it was funded; enough to recompute ρ exactly. */
  buckets: BucketList;
}

export interface MesRunResult {
  selectionOrder: number[];
  steps: MesStep[];
  run: MesRun;
  /**
   * Money of every level of the level tree at the end of the run, kept by {@link keepLevelValues}
   * for add1's stretch checks (the tree's own copy belongs to the latest run).
   */
  levelValues?: Float64Array;
}

/** ρ with its float error bound and its slope: how fast ρ moves per add1 increment of the share. */
type RateResult = { rate: number; tolerance: number; slope: number } | undefined;

/**
 * What runs on one instance share: the *level tree* of the last sequence of purchases. A level is
 * identified by its parent, the step that created it and the satisfaction its voters paid for, so
 * which voters share which level depends only on the projects bought so far, never on the share:
 * runs at other shares (add1) that buy the same first projects reuse the tree, each supporter's
 * level before each step, and every project's buckets gathered for those steps; only the money of
 * each level is recomputed. A run that buys something else at step j cuts the tree at j.
 */
class MesTrail {
  readonly stepProject: number[] = [];
  /** The funded project's buckets at each step; its new levels are numbered in that order. */
  readonly stepBuckets: BucketList[] = [];
  readonly stepFirstLevel: number[] = [];
  /** For each supporter of the project funded at a step, its bucket there (so its new level). */
  readonly stepBucketOf: Int32Array[] = [];
  /** Every voter class's level before step `levelOfStep`; moved along the steps on demand. */
  private readonly levelOf: Int32Array;
  private levelOfStep = 0;
  readonly levelParent: number[] = [-1];
  readonly levelStep: number[] = [-1];
  readonly levelSat: number[] = [0];
  /** The run that last wrote the levels' money. */
  latest: MesRun | undefined;
  /** Money of each level (and its slope) in the current run; rewritten by each run. */
  levelValue = new Float64Array(1024);
  levelSlope = new Float64Array(1024);
  /**
   * A project's buckets, by the last step before which one of its supporters moved (-1: none
   * yet); valid while the tree keeps that step.
   */
  readonly bucketCache: Map<number, BucketList>[];

  constructor(
    private readonly supporterClasses: Int32Array[],
    classCount: number,
    projectCount: number,
  ) {
    this.levelOf = new Int32Array(classCount);
    this.bucketCache = Array.from({ length: projectCount }, () => new Map());
  }

  /** Every voter class's level before the given step (a view, valid until the next call). */
  levelsBefore(step: number): Int32Array {
    const { levelOf } = this;
    for (; this.levelOfStep > step; this.levelOfStep -= 1) {
      // Undo: a level's parent is where its voters were before.
      const undone = this.levelOfStep - 1;
      const classes = this.supporterClasses[this.stepProject[undone]];
      const bucketOf = this.stepBucketOf[undone];
      const first = this.stepFirstLevel[undone];
      for (let supporter = 0; supporter < classes.length; supporter += 1) levelOf[classes[supporter]] = this.levelParent[first + bucketOf[supporter]];
    }
    for (; this.levelOfStep < step; this.levelOfStep += 1) {
      const done = this.levelOfStep;
      const classes = this.supporterClasses[this.stepProject[done]];
      const bucketOf = this.stepBucketOf[done];
      const first = this.stepFirstLevel[done];
      for (let supporter = 0; supporter < classes.length; supporter += 1) levelOf[classes[supporter]] = first + bucketOf[supporter];
    }
    return levelOf;
  }

  get length(): number {
    return this.stepProject.length;
  }

  /** Forgets steps j and later (and all that was derived from them). */
  cut(step: number): void {
    if (step >= this.length) return;
    if (this.levelOfStep > step) this.levelsBefore(step);
    const levels = this.stepFirstLevel[step];
    this.levelParent.length = levels;
    this.levelStep.length = levels;
    this.levelSat.length = levels;
    this.stepProject.length = step;
    this.stepBuckets.length = step;
    this.stepFirstLevel.length = step;
    this.stepBucketOf.length = step;
    for (const cache of this.bucketCache) {
      for (const key of cache.keys()) if (key >= step) cache.delete(key);
    }
  }

  /** Appends a step: one new level per bucket of the funded project. Returns the first new level. */
  addStep(project: number, buckets: BucketList, bucketOf: Int32Array): number {
    const step = this.length;
    const first = this.levelParent.length;
    for (let bucket = 0; bucket < buckets.levels.length; bucket += 1) {
      this.levelParent.push(buckets.levels[bucket]);
      this.levelStep.push(step);
      this.levelSat.push(buckets.sats[bucket]);
    }
    this.stepProject.push(project);
    this.stepBuckets.push(buckets);
    this.stepFirstLevel.push(first);
    this.stepBucketOf.push(bucketOf);
    if (this.levelParent.length > this.levelValue.length) {
      const capacity = Math.max(this.levelParent.length, this.levelValue.length * 2);
      const value = new Float64Array(capacity);
      const slope = new Float64Array(capacity);
      value.set(this.levelValue);
      slope.set(this.levelSlope);
      this.levelValue = value;
      this.levelSlope = slope;
    }
    return first;
  }
}

const trails = new WeakMap<MesInstance, MesTrail>();

/** Scratch space for one project's buckets (`bucketOf`: one slot per supporter). */
interface Scratch {
  level: Int32Array;
  bucketOf: Int32Array;
  value: Float64Array;
  sat: Float64Array;
  weight: Float64Array;
  poor: Uint8Array;
  slope: Float64Array;
  growth: Float64Array;
}

function newScratch(capacity: number): Scratch {
  return {
    level: new Int32Array(capacity),
    bucketOf: new Int32Array(capacity),
    value: new Float64Array(capacity),
    sat: new Float64Array(capacity),
    weight: new Float64Array(capacity),
    poor: new Uint8Array(capacity),
    slope: new Float64Array(capacity),
    growth: new Float64Array(capacity),
  };
}

export class MesRun {
  private readonly trail: MesTrail;
  private readonly levelExact = new Map<number, Exact>();
  /** The last step before which one of the project's supporters moved (-1: none yet). */
  private readonly lastMoved: Int32Array;
  /** (level, column) → bucket slot while gathering one project's buckets, valid when stamped. */
  private slotStamp = new Int32Array(1024);
  private slotIndex = new Int32Array(1024);
  private stamp = 0;
  private readonly active: Uint8Array;
  private readonly dirty: Uint8Array;
  private readonly rate: Float64Array;
  private readonly rateTolerance: Float64Array;
  private readonly rateSlope: Float64Array;
  /**
   * In a stretch check ({@link MesRun.follows}): how much a project's ρ at least rises per
   * increment the share is lowered from this run's, and each level's money at least falls.
   */
  private readonly rateGrowth: Float64Array;
  private growthToHere: Float64Array | undefined;
  /**
   * An estimate (from the slopes, not a proof) of how many increments the share can rise by
   * before {@link MesRun.follows} fails: before some project passed over drops to the ρ the chosen
   * one has here, or some dropped project becomes affordable.
   */
  reach = Infinity;
  /** An estimate of how many increments until a project found unaffordable becomes affordable. */
  affordableIn = Infinity;
  private readonly stepExactRate: (Exact | undefined)[] = [];
  readonly steps: MesStep[] = [];
  private scratch = newScratch(256);
  /** What {@link MesRun.splitPoorRich} found besides ρ: a field, so that computing ρ allocates nothing. */
  private readonly split = { cancellation: 0, richSatisfaction: 0, poorMoneySlope: 0, poorGrowth: 0 };

  constructor(
    private readonly instance: MesInstance,
    readonly share: Exact,
    /** One add1 increment in scaled money: the slope of the starting level. */
    increment: number,
    trail?: MesTrail,
  ) {
    const { profile } = instance.context;
    const projectCount = profile.projectIds.length;
    if (!trail) {
      trail = trails.get(instance);
      if (!trail) {
        trail = new MesTrail(instance.supporterClasses, profile.classCount, projectCount);
        trails.set(instance, trail);
      }
    }
    this.trail = trail;
    trail.latest = this;
    trail.levelValue[0] = share.valueOf();
    trail.levelSlope[0] = increment;
    this.levelExact.set(0, share);
    this.lastMoved = new Int32Array(projectCount).fill(-1);
    this.active = new Uint8Array(projectCount);
    this.dirty = new Uint8Array(projectCount);
    this.rate = new Float64Array(projectCount);
    this.rateTolerance = new Float64Array(projectCount);
    this.rateSlope = new Float64Array(projectCount);
    this.rateGrowth = new Float64Array(projectCount);
    for (const project of instance.projects) {
      this.active[project] = 1;
      this.dirty[project] = 1;
      // Nobody can pay less than cost / total satisfaction: a valid first lower bound.
      this.rate[project] = profile.costs[project] / instance.totalSatisfaction[project];
    }
  }

  run(): MesRunResult {
    let remaining = this.instance.projects.slice();
    const selectionOrder: number[] = [];
    for (;;) {
      remaining.sort((a, b) => this.rate[a] - this.rate[b]);
      const evaluated: number[] = [];
      let bestUpper = Infinity;
      for (const project of remaining) {
        if (this.rate[project] - this.rateTolerance[project] > bestUpper) break;
        // Refreshed for an estimate after the last purchase and found unaffordable: dropped.
        if (!this.active[project]) continue;
        if (this.dirty[project] && !this.refreshRate(project)) continue;
        evaluated.push(project);
        bestUpper = Math.min(bestUpper, this.rate[project] + this.rateTolerance[project]);
      }
      remaining = remaining.filter((project) => this.active[project]);
      const contenders = evaluated.filter((project) => this.rate[project] - this.rateTolerance[project] <= bestUpper);
      if (contenders.length === 0) return this.result(selectionOrder);
      const chosen = contenders.length === 1 ? contenders[0] : this.resolveExactly(contenders);
      for (const project of remaining) if (project !== chosen) this.estimateReach(project, chosen, 2);
      this.fund(chosen);
      selectionOrder.push(chosen);
      remaining = remaining.filter((project) => project !== chosen && this.active[project]);
    }
  }

  private result(selectionOrder: number[]): MesRunResult {
    return { selectionOrder, steps: this.steps, run: this };
  }

  /**
   * Whether MES buys exactly `reference`'s projects, in the same order, at every share from
   * reference's share x up to this run's share y = x + `increments` add1 increments.
   *
   * Along a fixed sequence of purchases every level's money only grows with the share and every
   * ρ only falls. Sharper: a voter who paid in full (was not capped) at every purchase so far at
   * x stays so up to y, and their money grows at least as fast as the share plus what they save
   * as ρ falls. With these growth bounds, on [x, y] the chosen project's ρ stays below the chord
   * from its ρ at x to an upper bound at y (it is convex there: the least ρ whose payments,
   * concave in (ρ, δ), cover the cost), and every project passed over stays above an affine lower
   * bound through its ρ at y (any poor/rich split gives one). Both lines are compared at x and at
   * y; a project that cannot be afforded at y cannot be at any share below. Comparisons keep a
   * margin over their float error: a near-tie is never accepted. The check also requires that
   * reference is the level tree's current sequence (its levels are then this run's).
   */
  follows(reference: MesRunResult, increments: number): MesRunResult | undefined {
    const { trail } = this;
    const sequence = reference.selectionOrder;
    const atStart = reference.levelValues;
    if (!atStart) throw new Error('the reference run must keep its level values (keepLevelValues)');
    const levelCount = trail.levelParent.length;
    // How fast each level's money at least grows from x on, and up to y.
    const growthFromStart = new Float64Array(levelCount);
    const growthToHere = new Float64Array(levelCount);
    growthFromStart[0] = trail.levelSlope[0];
    growthToHere[0] = trail.levelSlope[0];
    this.growthToHere = growthToHere;
    const selectionOrder: number[] = [];
    let remaining = this.instance.projects.slice();
    for (let step = 0; ; step += 1) {
      const chosen = step < sequence.length ? sequence[step] : -1;
      // Upper bounds on the chosen project's ρ at x and at y (none after the last step).
      let upperAtStart = Infinity;
      let upperHere = Infinity;
      let fall = 0;
      if (chosen >= 0) {
        if (trail.stepProject[step] !== chosen || trail.stepBuckets[step] !== reference.steps[step].buckets) return undefined;
        const past = reference.steps[step];
        upperAtStart = (past.rate + past.tolerance) * (1 + FOLLOW_MARGIN);
        // Affordable at x, so here too; floats may not see it.
        if (this.dirty[chosen] && !this.refreshRate(chosen)) return undefined;
        const upper = this.upperRate(chosen, past.buckets, atStart, growthFromStart, increments);
        upperHere = Math.min(upperAtStart, upper * (1 + FOLLOW_MARGIN));
        fall = Math.max(0, past.rate - past.tolerance - upper) / increments;
      }
      for (const project of remaining) {
        if (project === chosen) continue;
        // A ρ from an earlier step is a lower bound: money only goes down during a run.
        if (!this.staysAbove(project, upperAtStart, upperHere, increments)) {
          if (!this.dirty[project]) return undefined;
          if (!this.refreshRate(project)) continue;
          if (!this.staysAbove(project, upperAtStart, upperHere, increments)) return undefined;
        }
        if (chosen >= 0) this.estimateReach(project, chosen, Math.max(2, increments));
      }
      if (chosen < 0) return this.result(selectionOrder);
      this.fund(chosen);
      const past = reference.steps[step];
      const first = trail.stepFirstLevel[step];
      const rise = this.rateGrowth[chosen];
      const { levels, sats } = past.buckets;
      for (let bucket = 0; bucket < levels.length; bucket += 1) {
        const parent = levels[bucket];
        const level = first + bucket;
        const sat = sats[bucket];
        // Paid in full at x (surely, despite float error), so also at every larger share.
        if (!(atStart[level] > past.tolerance * sat + RELATIVE_TOLERANCE * atStart[parent])) continue;
        growthFromStart[level] = (growthFromStart[parent] + sat * fall) * GROWTH_SAFETY;
        growthToHere[level] = (growthToHere[parent] + sat * rise) * GROWTH_SAFETY;
      }
      selectionOrder.push(chosen);
      remaining = remaining.filter((project) => project !== chosen && this.active[project]);
    }
  }

  /**
   * Whether a project's ρ, by its lower bound line through this share (increments above x),
   * stays above the chosen project's upper bounds at x and here.
   */
  private staysAbove(project: number, upperAtStart: number, upperHere: number, increments: number): boolean {
    const lower = this.rate[project] - this.rateTolerance[project];
    return lower > upperHere && lower + increments * this.rateGrowth[project] > upperAtStart;
  }

  /**
   * An upper bound on a project's ρ here: its ρ for the given buckets with each level's money at
   * x plus its guaranteed growth. Infinity when floats cannot tell.
   */
  private upperRate(project: number, buckets: BucketList, atStart: Float64Array, growth: Float64Array, increments: number): number {
    const cost = this.instance.context.profile.costs[project];
    const { value: values, sat: sats, weight: weights, poor } = this.ensureScratch(buckets.levels.length);
    let money = 0;
    let richSatisfaction = 0;
    let count = 0;
    for (let bucket = 0; bucket < buckets.levels.length; bucket += 1) {
      const level = buckets.levels[bucket];
      const value = atStart[level] + growth[level] * increments;
      if (value === 0) continue;
      values[count] = value;
      sats[count] = buckets.sats[bucket];
      weights[count] = buckets.weights[bucket];
      poor[count] = 0;
      money += weights[count] * value;
      richSatisfaction += weights[count] * sats[count];
      count += 1;
    }
    if (!(money > cost * (1 + RELATIVE_TOLERANCE))) return Infinity;
    const rate = this.splitPoorRich(count, cost, money, richSatisfaction);
    if (rate === undefined) return Infinity;
    return rate * (1 + RELATIVE_TOLERANCE + CANCELLATION_TOLERANCE * this.split.cancellation);
  }

  /** Lowers {@link MesRun.reach} to when `project`'s ρ may fall to `chosen`'s, by their slopes here. */
  private estimateReach(project: number, chosen: number, refreshBelow: number): void {
    let estimate = this.reachOf(project, chosen);
    if (estimate < Math.min(refreshBelow, this.reach) && this.dirty[project]) {
      // A stale ρ is only a lower bound: refresh it rather than stop the stretch on its account.
      if (!this.refreshRate(project)) return;
      estimate = this.reachOf(project, chosen);
    }
    this.reach = Math.min(this.reach, estimate);
  }

  private reachOf(project: number, chosen: number): number {
    const gap = this.rate[project] - this.rateTolerance[project] - (this.rate[chosen] + this.rateTolerance[chosen]) * (1 + FOLLOW_MARGIN);
    return reachOf(gap, this.rateSlope[project] - this.rateSlope[chosen]);
  }

  /**
   * Groups a project's supporters by (level, satisfaction), given each voter class's level, and
   * notes each supporter's bucket in the scratch `bucketOf`.
   */
  private gatherBuckets(project: number, levelOf: Int32Array): BucketList {
    const { instance } = this;
    const classes = instance.supporterClasses[project];
    const entries = instance.supporterEntries[project];
    const base = instance.columnBase[project];
    const columns = instance.columnBase[project + 1] - base;
    const { classWeight } = instance.context.profile;
    const { entryColumn, columnSat } = instance;
    const { level: levels, sat: sats, weight: weights, bucketOf } = this.ensureScratch(classes.length);
    const keyCount = this.trail.levelParent.length * columns;
    if (keyCount > this.slotStamp.length) {
      this.slotStamp = new Int32Array(Math.max(keyCount, this.slotStamp.length * 2));
      this.slotIndex = new Int32Array(this.slotStamp.length);
      this.stamp = 0;
    }
    this.stamp += 1;
    const { slotStamp, slotIndex, stamp } = this;
    let count = 0;
    for (let supporter = 0; supporter < classes.length; supporter += 1) {
      const voterClass = classes[supporter];
      const level = levelOf[voterClass];
      const column = columns === 1 ? 0 : entryColumn[entries[supporter]];
      const key = level * columns + column;
      if (slotStamp[key] === stamp) {
        const slot = slotIndex[key];
        weights[slot] += classWeight[voterClass];
        bucketOf[supporter] = slot;
      } else {
        slotStamp[key] = stamp;
        slotIndex[key] = count;
        levels[count] = level;
        sats[count] = columnSat[base + column];
        weights[count] = classWeight[voterClass];
        bucketOf[supporter] = count;
        count += 1;
      }
    }
    return { levels: levels.slice(0, count), sats: sats.slice(0, count), weights: weights.slice(0, count) };
  }

  /** A project's buckets now, from the trail when an earlier run gathered them at this point. */
  private bucketsOf(project: number): BucketList {
    const cache = this.trail.bucketCache[project];
    const key = this.lastMoved[project];
    let buckets = cache.get(key);
    if (!buckets) {
      buckets = this.gatherBuckets(project, this.trail.levelsBefore(this.steps.length));
      cache.set(key, buckets);
    }
    return buckets;
  }

  /** The scratch space, grown to hold at least `size` slots. */
  private ensureScratch(size: number): Scratch {
    if (size > this.scratch.value.length) this.scratch = newScratch(Math.max(size, this.scratch.value.length * 2));
    return this.scratch;
  }

  /** Recomputes a stale ρ; a project found unaffordable is dropped (false). */
  private refreshRate(project: number): boolean {
    this.dirty[project] = 0;
    const result = this.computeRate(project);
    if (!result) {
      this.active[project] = 0;
      return false;
    }
    this.rate[project] = result.rate;
    this.rateTolerance[project] = result.tolerance;
    this.rateSlope[project] = result.slope;
    return true;
  }

  /** ρ of a project in floats with an error bound, or undefined when it is unaffordable. */
  private computeRate(project: number): RateResult {
    const cost = this.instance.context.profile.costs[project];
    const buckets = this.bucketsOf(project);
    const { value: values, sat: sats, weight: weights, poor, slope: slopes, growth: growths } = this.ensureScratch(buckets.levels.length);
    const { levelValue, levelSlope } = this.trail;
    const { growthToHere, split } = this;
    let money = 0;
    let moneySlope = 0;
    let richSatisfaction = 0;
    let count = 0;
    this.rateGrowth[project] = 0;
    for (let bucket = 0; bucket < buckets.levels.length; bucket += 1) {
      const level = buckets.levels[bucket];
      const value = levelValue[level];
      const slope = levelSlope[level];
      // Voters who paid all they had keep nothing whatever δ is (within this run's validity).
      if (value === 0 && slope === 0) continue;
      const weight = buckets.weights[bucket];
      values[count] = value;
      slopes[count] = slope;
      sats[count] = buckets.sats[bucket];
      weights[count] = weight;
      poor[count] = 0;
      if (growthToHere) growths[count] = growthToHere[level];
      money += weight * value;
      moneySlope += weight * slope;
      richSatisfaction += weight * sats[count];
      count += 1;
    }
    const moneyTolerance = RELATIVE_TOLERANCE * Math.max(money, cost);
    if (Math.abs(money - cost) <= moneyTolerance) return this.exactlyRated(project);
    if (money < cost) {
      this.affordableIn = Math.min(this.affordableIn, reachOf(cost - money, -moneySlope));
      return undefined;
    }
    // The poor's money also sets ρ's slope and, in a stretch check, how much ρ rises below here.
    const rate = this.splitPoorRich(count, cost, money, richSatisfaction, slopes, growthToHere && growths);
    if (rate === undefined) return this.exactlyRated(project);
    const tolerance = rate * (RELATIVE_TOLERANCE + CANCELLATION_TOLERANCE * split.cancellation);
    // With this split, ρ at a lower share is at least ρ here plus the poor's lost money.
    if (growthToHere) this.rateGrowth[project] = (split.poorGrowth / split.richSatisfaction) * GROWTH_SAFETY;
    return { rate, tolerance, slope: -split.poorMoneySlope / split.richSatisfaction };
  }

  /**
   * The poor/rich fixed point over the first `count` scratch buckets: supporters who cannot pay
   * ρ·sat pay all they have; ρ only grows. Returns ρ, or undefined when floats cannot tell, and
   * leaves the split in {@link MesRun.split}; the poor's slopes and growths are summed when given.
   */
  private splitPoorRich(count: number, cost: number, money: number, richSatisfaction: number, slopes?: Float64Array, growths?: Float64Array): number | undefined {
    const { value: values, sat: sats, weight: weights, poor } = this.scratch;
    const { split } = this;
    let cappedMoney = 0;
    let poorMoneySlope = 0;
    let poorGrowth = 0;
    for (;;) {
      const rate = (cost - cappedMoney) / richSatisfaction;
      let changed = false;
      for (let index = 0; index < count; index += 1) {
        if (poor[index] || values[index] >= rate * sats[index]) continue;
        poor[index] = 1;
        changed = true;
        cappedMoney += weights[index] * values[index];
        richSatisfaction -= weights[index] * sats[index];
        if (slopes) poorMoneySlope += weights[index] * slopes[index];
        if (growths) poorGrowth += weights[index] * growths[index];
      }
      if (!changed) {
        if (!(richSatisfaction > 0) || !(rate > 0)) return undefined;
        split.cancellation = money / (cost - cappedMoney);
        split.richSatisfaction = richSatisfaction;
        split.poorMoneySlope = poorMoneySlope;
        split.poorGrowth = poorGrowth;
        return rate;
      }
    }
  }

  /** For floats too close to call: ρ computed exactly (tolerance 0). */
  private exactlyRated(project: number): RateResult {
    const rate = this.exactRate(this.bucketsOf(project), project);
    return rate && { rate: rate.valueOf(), tolerance: 0, slope: 0 };
  }

  /** The exact ρ of a project for the given buckets, or undefined when they cannot afford it. */
  private exactRate(buckets: BucketList, project: number): Exact | undefined {
    const cost = exact(this.instance.context.profile.exactCosts[project]);
    const values: Exact[] = [];
    const weights: Exact[] = [];
    const sats: Exact[] = [];
    buckets.levels.forEach((level, bucket) => {
      const value = this.exactLevel(level);
      if (value.compare(ZERO) === 0) return;
      values.push(value);
      weights.push(exact(buckets.weights[bucket]));
      sats.push(exact(buckets.sats[bucket]));
    });
    let money = ZERO;
    let richSatisfaction = ZERO;
    values.forEach((value, index) => {
      money = money.add(weights[index].mul(value));
      richSatisfaction = richSatisfaction.add(weights[index].mul(sats[index]));
    });
    if (money.compare(cost) < 0) return undefined;
    const ratios = values.map((value, index) => value.div(sats[index]));
    const order = values.map((_, index) => index).sort((a, b) => ratios[a].compare(ratios[b]));
    let cappedMoney = ZERO;
    for (const index of order) {
      const rate = cost.sub(cappedMoney).div(richSatisfaction);
      if (rate.mul(sats[index]).compare(values[index]) <= 0) return rate;
      cappedMoney = cappedMoney.add(weights[index].mul(values[index]));
      richSatisfaction = richSatisfaction.sub(weights[index].mul(sats[index]));
    }
    throw new Error('unreachable: supporters who can afford a project always have a rate');
  }

  private exactLevel(level: number): Exact {
    const cached = this.levelExact.get(level);
    if (cached) return cached;
    const { trail } = this;
    const sat = trail.levelSat[level];
    const step = this.steps[trail.levelStep[level]];
    let value = ZERO;
    // Voters who surely could not pay ρ·sat in full (floats tell, with room) keep nothing.
    if (!(trail.levelValue[trail.levelParent[level]] < (step.rate - step.tolerance) * (1 - RELATIVE_TOLERANCE) * sat)) {
      const parent = this.exactLevel(trail.levelParent[level]);
      const payment = this.exactStepRate(trail.levelStep[level]).mul(sat);
      if (parent.compare(payment) > 0) value = parent.sub(payment);
    }
    this.levelExact.set(level, value);
    return value;
  }

  exactStepRate(step: number): Exact {
    let rate = this.stepExactRate[step];
    if (!rate) {
      rate = this.exactRate(this.steps[step].buckets, this.steps[step].project) as Exact;
      this.stepExactRate[step] = rate;
    }
    return rate;
  }

  /** Exact values of a past step's buckets, for explanations. */
  exactBucketValues(step: number): Exact[] {
    return Array.from(this.steps[step].buckets.levels, (level) => this.exactLevel(level));
  }

  /**
   * What a project's supporters have left together at the end of the run, exactly and in scaled
   * money, and how many they are: for explanations of a project the run could not afford.
   */
  exactSupportersMoney(project: number): { supporters: number; money: Exact } {
    const buckets = this.bucketsOf(project);
    let money = ZERO;
    let supporters = 0;
    buckets.levels.forEach((level, bucket) => {
      supporters += buckets.weights[bucket];
      money = money.add(this.exactLevel(level).mul(buckets.weights[bucket]));
    });
    return { supporters, money };
  }

  private resolveExactly(contenders: number[]): number {
    const { rank } = this.instance.context;
    let best = contenders[0];
    let bestRate = this.exactRate(this.bucketsOf(best), best) as Exact;
    for (const project of contenders.slice(1)) {
      const rate = this.exactRate(this.bucketsOf(project), project) as Exact;
      const comparison = rate.compare(bestRate);
      if (comparison < 0 || (comparison === 0 && rank[project] < rank[best])) {
        best = project;
        bestRate = rate;
      }
    }
    this.rate[best] = bestRate.valueOf();
    this.rateTolerance[best] = 0;
    return best;
  }

  /**
   * Charges the supporters of a funded project: each of its buckets moves to a child level. When
   * an earlier run bought the same project at this step, the tree already has those levels.
   */
  private fund(selected: number): void {
    const { instance, trail } = this;
    const step = this.steps.length;
    let buckets: BucketList;
    let first: number;
    if (step < trail.length && trail.stepProject[step] === selected) {
      buckets = trail.stepBuckets[step];
      first = trail.stepFirstLevel[step];
    } else {
      trail.cut(step);
      buckets = this.gatherBuckets(selected, trail.levelsBefore(step));
      first = trail.addStep(selected, buckets, this.scratch.bucketOf.slice(0, instance.supporterClasses[selected].length));
    }
    const rate = this.rate[selected];
    const rateSlope = this.rateSlope[selected];
    const { levelValue, levelSlope } = trail;
    for (let bucket = 0; bucket < buckets.levels.length; bucket += 1) {
      const level = buckets.levels[bucket];
      const sat = buckets.sats[bucket];
      const value = levelValue[level];
      // A supporter who pays all they have keeps 0 whatever δ is; the others pay ρ(δ)·sat.
      levelValue[first + bucket] = Math.max(0, value - rate * sat);
      levelSlope[first + bucket] = value < rate * sat ? 0 : levelSlope[level] - rateSlope * sat;
    }
    this.steps.push({ project: selected, rate, tolerance: this.rateTolerance[selected], buckets });
    this.active[selected] = 0;
    // The other projects these voters support see their buckets change.
    for (const project of instance.neighbours[selected]) {
      this.lastMoved[project] = step;
      if (this.active[project]) this.dirty[project] = 1;
    }
  }
}

/** How far δ can grow while gap + slope·δ stays positive, by the affine estimate. */
function reachOf(gap: number, slope: number): number {
  if (!(gap > 0)) return 0;
  return slope >= 0 ? Infinity : gap / -slope;
}

/** One MES run; `increment` (scaled money) is the slope of the starting share, for add1's estimates. */
export function runMes(instance: MesInstance, share: Exact, increment = 1): MesRunResult {
  return new MesRun(instance, share, increment).run();
}

/**
 * Whether MES at `share`, `increments` add1 increments above reference's share, and at every
 * share in between buys exactly what `reference` bought, in the same order (see
 * {@link MesRun.follows}). Returns the run at `share` when it does.
 */
export function mesFollows(instance: MesInstance, reference: MesRunResult, increments: number, share: Exact, increment = 1): MesRunResult | undefined {
  return new MesRun(instance, share, increment).follows(reference, increments);
}

/** Keeps the money of every level after the latest run on the instance, which must be `result`. */
export function keepLevelValues(instance: MesInstance, result: MesRunResult): void {
  const trail = trails.get(instance);
  if (!trail || trail.latest !== result.run) throw new Error('level values are only kept right after their run');
  result.levelValues = trail.levelValue.slice(0, trail.levelParent.length);
}

/** One MES run that shares nothing with other runs: its result can be explained at any later time. */
export function runMesAlone(instance: MesInstance, share: Exact): MesRunResult {
  const { profile } = instance.context;
  return new MesRun(instance, share, 1, new MesTrail(instance.supporterClasses, profile.classCount, profile.projectIds.length)).run();
}
