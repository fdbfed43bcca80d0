/**
 * Sequential Phragmén for approval ballots (any ballot counts as approving the projects it lists).
 * Voters carry loads; each step buys the project whose supporters' new common load
 * (their current loads + its cost) / its approvals is smallest. If any project tied for that
 * minimum does not fit in the remaining budget, the rule stops (it does not skip). Projects costing
 * more than the whole budget never take part.
 *
 * All supporters of a purchase end with the same load, so loads form at most one level per
 * purchase; a project's load sum is a handful of (level, weight) terms. Floats screen the minimum,
 * exact rationals decide whenever candidates are within float error of each other.
 */
import { formatScaled } from './decimal-amounts';
import { exact, exactText, type Exact } from './exact';
import type { RuleContext, RuleOutcome } from './rule-context';
import type { TraceEntry } from './trace';

const RELATIVE_TOLERANCE = 1e-9;

export function sequentialPhragmen(context: RuleContext): RuleOutcome {
  const { profile, rank } = context;
  const projectCount = profile.projectIds.length;
  const supporterClasses: number[][] = Array.from({ length: projectCount }, () => []);
  for (let voterClass = 0; voterClass < profile.classCount; voterClass += 1) {
    for (let entry = profile.classStart[voterClass]; entry < profile.classStart[voterClass + 1]; entry += 1) {
      supporterClasses[profile.entryProject[entry]].push(voterClass);
    }
  }
  const loadValue: number[] = [0];
  const loadExact: Exact[] = [exact(0)];
  const loadOf = new Int32Array(profile.classCount);
  /** Per project: load level → supporters' weight at that level. */
  const weightAtLoad = supporterClasses.map((classes) => {
    const total = classes.reduce((sum, voterClass) => sum + profile.classWeight[voterClass], 0);
    return new Map<number, number>(total > 0 ? [[0, total]] : []);
  });

  let remaining = profile.projectIds
    .map((_, project) => project)
    .filter((project) => context.available[project] && profile.exactCosts[project] <= context.budget);
  let spent = 0n;
  const selectionOrder: number[] = [];
  const trace: TraceEntry[] = [];

  const approvals = (project: number) => profile.listingCount[project];
  const floatLoad = (project: number) => {
    if (approvals(project) === 0) return Infinity;
    let sum = profile.costs[project];
    weightAtLoad[project].forEach((weight, level) => {
      sum += weight * loadValue[level];
    });
    return sum / approvals(project);
  };
  const exactLoad = (project: number) => {
    let sum = exact(profile.exactCosts[project]);
    weightAtLoad[project].forEach((weight, level) => {
      sum = sum.add(loadExact[level].mul(weight));
    });
    return sum.div(approvals(project));
  };

  while (remaining.length > 0) {
    const loads = remaining.map(floatLoad);
    const minimum = Math.min(...loads);
    let tied = remaining.filter(
      (_, index) => loads[index] === minimum || loads[index] - minimum <= RELATIVE_TOLERANCE * minimum,
    );
    let newLoad: Exact | undefined;
    if (Number.isFinite(minimum)) {
      const exactLoads = tied.map(exactLoad);
      newLoad = exactLoads.reduce((best, load) => (load.compare(best) < 0 ? load : best));
      const lowest = newLoad;
      tied = tied.filter((_, index) => exactLoads[index].equals(lowest));
    }
    const misfit = tied.find((project) => spent + profile.exactCosts[project] > context.budget);
    if (misfit !== undefined) {
      if (context.explain) {
        trace.push({ type: 'phragmen-stop', project: profile.projectIds[misfit], reason: 'does-not-fit', remainingBudget: formatScaled(context.budget - spent, profile.scale) });
      }
      break;
    }
    const chosen = tied.reduce((best, project) => (rank[project] < rank[best] ? project : best));
    selectionOrder.push(chosen);
    spent += profile.exactCosts[chosen];
    remaining = remaining.filter((project) => project !== chosen);
    if (newLoad) {
      loadValue.push(newLoad.valueOf());
      loadExact.push(newLoad);
      const level = loadValue.length - 1;
      for (const voterClass of supporterClasses[chosen]) {
        moveClassLoad(voterClass, loadOf[voterClass], level);
        loadOf[voterClass] = level;
      }
    }
    if (context.explain) {
      trace.push({
        type: 'phragmen',
        project: profile.projectIds[chosen],
        load: newLoad ? exactText(newLoad.div(profile.scale.factor)) : 'infinite',
        loadApprox: newLoad ? newLoad.valueOf() / Number(profile.scale.factor) : Infinity,
      });
    }
  }
  return { selectionOrder, trace };

  function moveClassLoad(voterClass: number, from: number, to: number): void {
    const weight = profile.classWeight[voterClass];
    for (let entry = profile.classStart[voterClass]; entry < profile.classStart[voterClass + 1]; entry += 1) {
      const atLoad = weightAtLoad[profile.entryProject[entry]];
      const left = (atLoad.get(from) as number) - weight;
      if (left === 0) atLoad.delete(from);
      else atLoad.set(from, left);
      atLoad.set(to, (atLoad.get(to) ?? 0) + weight);
    }
  }
}
