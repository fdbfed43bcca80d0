/**
 * The Method of Equal Shares, one run with a given starting share per voter.
 *
 * Each round funds the project with the smallest ρ, where supporters paying min(money, ρ · sat)
 * cover its cost; a project its supporters can no longer afford is dropped for good.
 *
 * Speed comes from structure, not from the voters one by one:
 * - voters with identical ballots are one weighted class (see profile.ts);
 * - voters with equal remaining money share a *level*; a project sees its supporters as buckets
 *   (level, satisfaction, weight), usually a few hundred even for 100,000 voters;
 * - funding a project only moves its supporters' classes to child levels and touches the buckets
 *   of the projects on those ballots; ρ is recomputed only for projects whose buckets changed, and
 *   a stale ρ is a valid lower bound (money only decreases), so most projects are never revisited.
 *
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
const ZERO_LEVEL = -1;

/** The run-independent part of MES: who supports what, with which satisfaction. */
export interface MesInstance {
  context: RuleContext;
  measure: SatisfactionMeasure;
  satisfaction: Float64Array;
  /** Projects that take part: available, positive total satisfaction. */
  projects: number[];
  entryClass: Int32Array;
  /** Entries (class, satisfaction > 0) supporting each project. */
  projectEntries: Int32Array[];
  /** Index of the entry's satisfaction among its project's distinct satisfaction values. */
  entrySatIndex: Int32Array;
  projectSatValues: number[][];
  totalSatisfaction: Float64Array;
}

export function prepareMes(context: RuleContext, measure: SatisfactionMeasure): MesInstance {
  const { profile } = context;
  const satisfaction = entrySatisfaction(profile, measure);
  const projectCount = profile.projectIds.length;
  const entryClass = new Int32Array(profile.entryProject.length);
  const entrySatIndex = new Int32Array(profile.entryProject.length);
  const supporterEntries: number[][] = Array.from({ length: projectCount }, () => []);
  const satIndexByValue: Map<number, number>[] = Array.from({ length: projectCount }, () => new Map());
  const projectSatValues: number[][] = Array.from({ length: projectCount }, () => []);
  const totals = new Float64Array(projectCount);
  for (let voterClass = 0; voterClass < profile.classCount; voterClass += 1) {
    for (let entry = profile.classStart[voterClass]; entry < profile.classStart[voterClass + 1]; entry += 1) {
      entryClass[entry] = voterClass;
      const project = profile.entryProject[entry];
      const sat = satisfaction[entry];
      if (sat <= 0) continue;
      supporterEntries[project].push(entry);
      totals[project] += sat * profile.classWeight[voterClass];
      let satIndex = satIndexByValue[project].get(sat);
      if (satIndex === undefined) {
        satIndex = projectSatValues[project].length;
        satIndexByValue[project].set(sat, satIndex);
        projectSatValues[project].push(sat);
      }
      entrySatIndex[entry] = satIndex;
    }
  }
  const projects = profile.projectIds
    .map((_, project) => project)
    .filter((project) => context.available[project] && totals[project] > 0);
  return {
    context,
    measure,
    satisfaction,
    projects,
    entryClass,
    projectEntries: supporterEntries.map((entries) => Int32Array.from(entries)),
    entrySatIndex,
    projectSatValues,
    totalSatisfaction: totals,
  };
}

/** Supporters of a project grouped by (level, satisfaction), with their total weight. */
interface BucketList {
  levels: number[];
  sats: number[];
  weights: number[];
}

export interface MesStep {
  project: number;
  rate: number;
  /** The selected project's buckets when it was funded; enough to recompute ρ exactly. */
  buckets: BucketList;
}

export interface MesRunResult {
  selectionOrder: number[];
  steps: MesStep[];
  run: MesRun;
}

type RateResult = { rate: number; tolerance: number } | undefined;

export class MesRun {
  private readonly levelValue: number[];
  private readonly levelParent: number[] = [-1];
  private readonly levelStep: number[] = [-1];
  private readonly levelSat: number[] = [0];
  private readonly levelExact: (Exact | undefined)[];
  private readonly levelOf: Int32Array;
  /** Per project: bucket key (level · satCount + satIndex) → weight. */
  private readonly buckets: Map<number, number>[] = [];
  private readonly active: Uint8Array;
  private readonly dirty: Uint8Array;
  private readonly rate: Float64Array;
  private readonly rateTolerance: Float64Array;
  private readonly stepExactRate: (Exact | undefined)[] = [];
  readonly steps: MesStep[] = [];

  constructor(
    private readonly instance: MesInstance,
    readonly share: Exact,
  ) {
    const { profile } = instance.context;
    const projectCount = profile.projectIds.length;
    this.levelValue = [share.valueOf()];
    this.levelExact = [share];
    this.levelOf = new Int32Array(profile.classCount);
    this.active = new Uint8Array(projectCount);
    this.dirty = new Uint8Array(projectCount);
    this.rate = new Float64Array(projectCount);
    this.rateTolerance = new Float64Array(projectCount);
    for (const project of instance.projects) {
      this.active[project] = 1;
      this.dirty[project] = 1;
      // Nobody can pay less than cost / total satisfaction: a valid first lower bound.
      this.rate[project] = profile.costs[project] / instance.totalSatisfaction[project];
      const buckets = new Map<number, number>();
      for (const entry of instance.projectEntries[project]) {
        const key = instance.entrySatIndex[entry];
        buckets.set(key, (buckets.get(key) ?? 0) + profile.classWeight[instance.entryClass[entry]]);
      }
      this.buckets[project] = buckets;
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
        if (this.dirty[project]) {
          this.dirty[project] = 0;
          const result = this.computeRate(project);
          if (!result) {
            this.active[project] = 0;
            continue;
          }
          this.rate[project] = result.rate;
          this.rateTolerance[project] = result.tolerance;
        }
        evaluated.push(project);
        bestUpper = Math.min(bestUpper, this.rate[project] + this.rateTolerance[project]);
      }
      remaining = remaining.filter((project) => this.active[project]);
      const contenders = evaluated.filter((project) => this.rate[project] - this.rateTolerance[project] <= bestUpper);
      if (contenders.length === 0) return { selectionOrder, steps: this.steps, run: this };
      const chosen = contenders.length === 1 ? contenders[0] : this.resolveExactly(contenders);
      this.fund(chosen);
      selectionOrder.push(chosen);
      remaining = remaining.filter((project) => project !== chosen);
    }
  }

  /** Total money of a project's supporters, and their buckets, from the current levels. */
  private bucketsOf(project: number): BucketList {
    const satCount = this.instance.projectSatValues[project].length;
    const satValues = this.instance.projectSatValues[project];
    const list: BucketList = { levels: [], sats: [], weights: [] };
    this.buckets[project].forEach((weight, key) => {
      const level = Math.floor(key / satCount);
      list.levels.push(level);
      list.sats.push(satValues[key - level * satCount]);
      list.weights.push(weight);
    });
    return list;
  }

  /** ρ of a project in floats with an error bound, or undefined when it is unaffordable. */
  private computeRate(project: number): RateResult {
    const cost = this.instance.context.profile.costs[project];
    const { levels, sats, weights } = this.bucketsOf(project);
    const values = levels.map((level) => this.levelValue[level]);
    let money = 0;
    for (let index = 0; index < levels.length; index += 1) money += weights[index] * values[index];
    if (Math.abs(money - cost) <= RELATIVE_TOLERANCE * Math.max(money, cost)) {
      const exactRate = this.exactRate({ levels, sats, weights }, project);
      return exactRate && { rate: exactRate.valueOf(), tolerance: exactRate.valueOf() * RELATIVE_TOLERANCE };
    }
    if (money < cost) return undefined;
    const order = levels.map((_, index) => index).sort((a, b) => values[a] / sats[a] - values[b] / sats[b]);
    let cappedMoney = 0;
    let richSatisfaction = 0;
    for (let index = 0; index < levels.length; index += 1) richSatisfaction += weights[index] * sats[index];
    for (const index of order) {
      const rate = (cost - cappedMoney) / richSatisfaction;
      if (rate * sats[index] <= values[index]) {
        const cancellation = money / Math.max(cost - cappedMoney, Number.MIN_VALUE);
        return { rate, tolerance: rate * (RELATIVE_TOLERANCE + CANCELLATION_TOLERANCE * cancellation) };
      }
      cappedMoney += weights[index] * values[index];
      richSatisfaction -= weights[index] * sats[index];
    }
    // Only float noise can get here (money >= cost guarantees a rate); let exact arithmetic decide.
    const exactRate = this.exactRate({ levels, sats, weights }, project);
    return exactRate && { rate: exactRate.valueOf(), tolerance: 0 };
  }

  /** The exact ρ of a project for the given buckets, or undefined when they cannot afford it. */
  private exactRate(buckets: BucketList, project: number): Exact | undefined {
    const cost = exact(this.instance.context.profile.exactCosts[project]);
    const values = buckets.levels.map((level) => this.exactLevel(level));
    const weights = buckets.weights.map((weight) => exact(weight));
    const sats = buckets.sats.map((sat) => exact(sat));
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
    const cached = this.levelExact[level];
    if (cached) return cached;
    const parent = this.exactLevel(this.levelParent[level]);
    const payment = this.exactStepRate(this.levelStep[level]).mul(this.levelSat[level]);
    const value = parent.compare(payment) <= 0 ? ZERO : parent.sub(payment);
    this.levelExact[level] = value;
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
    return this.steps[step].buckets.levels.map((level) => this.exactLevel(level));
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

  /** Charges the supporters of a funded project and moves them to their new levels. */
  private fund(selected: number): void {
    const { instance } = this;
    const step = this.steps.length;
    const rate = this.rate[selected];
    // Below this a supporter surely could not pay ρ·sat in full, so they end with nothing.
    const surelyCappedRate = (rate - this.rateTolerance[selected]) * (1 - RELATIVE_TOLERANCE);
    this.steps.push({ project: selected, rate, buckets: this.bucketsOf(selected) });
    this.active[selected] = 0;
    const selectedSatCount = instance.projectSatValues[selected].length;
    const childOf = new Map<number, number>();
    for (const supporterEntry of instance.projectEntries[selected]) {
      const voterClass = instance.entryClass[supporterEntry];
      const level = this.levelOf[voterClass];
      if (level === ZERO_LEVEL) continue;
      const sat = instance.satisfaction[supporterEntry];
      const childKey = level * selectedSatCount + instance.entrySatIndex[supporterEntry];
      let child = childOf.get(childKey);
      if (child === undefined) {
        const value = this.levelValue[level];
        child = value < surelyCappedRate * sat ? ZERO_LEVEL : this.addLevel(level, step, sat, Math.max(0, value - rate * sat));
        childOf.set(childKey, child);
      }
      this.levelOf[voterClass] = child;
      this.moveClass(voterClass, level, child);
    }
  }

  private addLevel(parent: number, step: number, sat: number, value: number): number {
    this.levelValue.push(value);
    this.levelParent.push(parent);
    this.levelStep.push(step);
    this.levelSat.push(sat);
    this.levelExact.push(undefined);
    return this.levelValue.length - 1;
  }

  private moveClass(voterClass: number, from: number, to: number): void {
    const { instance } = this;
    const { profile } = instance.context;
    const weight = profile.classWeight[voterClass];
    for (let entry = profile.classStart[voterClass]; entry < profile.classStart[voterClass + 1]; entry += 1) {
      const project = profile.entryProject[entry];
      if (!this.active[project] || instance.satisfaction[entry] <= 0) continue;
      const satCount = instance.projectSatValues[project].length;
      const satIndex = instance.entrySatIndex[entry];
      const buckets = this.buckets[project];
      const fromKey = from * satCount + satIndex;
      const left = (buckets.get(fromKey) as number) - weight;
      if (left === 0) buckets.delete(fromKey);
      else buckets.set(fromKey, left);
      if (to !== ZERO_LEVEL) {
        const toKey = to * satCount + satIndex;
        buckets.set(toKey, (buckets.get(toKey) ?? 0) + weight);
      }
      this.dirty[project] = 1;
    }
  }
}

export function runMes(instance: MesInstance, share: Exact): MesRunResult {
  return new MesRun(instance, share).run();
}
