/**
 * The MES rules: plain MES (each voter starts with budget / n), and the "add1" completion that
 * reruns MES with every voter's share raised by one currency unit until the outcome is exhaustive
 * or the next outcome would overspend.
 */
import { formatScaled } from './decimal-amounts';
import { exact, exactText, type Exact } from './exact';
import { keepLevelValues, mesFollows, prepareMes, runMes, runMesAlone, type MesInstance, type MesRunResult } from './mes';
import { spentOn, type RuleContext, type RuleOutcome } from './rule-context';
import type { SatisfactionMeasure } from './satisfaction';
import type { MesAdd1TraceEntry, MesUnaffordableTraceEntry, TraceEntry } from './trace';

export function equalShares(context: RuleContext, measure: SatisfactionMeasure): RuleOutcome {
  const instance = prepareMes(context, measure);
  if (context.profile.voterCount === 0) return { selectionOrder: [], trace: [] };
  const result = runMes(instance, exact(context.budget, context.profile.voterCount));
  return { selectionOrder: result.selectionOrder, trace: context.explain ? explainRun(instance, result) : [] };
}

/**
 * `skipUnchangedRuns: false` reruns MES at every increment, as the definition reads (for tests).
 *
 * Otherwise increments on which MES provably repeats the last run are skipped: after a run,
 * stretch after stretch is checked with {@link mesFollows}, each as long as the run's slopes
 * suggest the outcome lasts, bisecting below a failed check. Every skipped increment has the
 * last run's outcome, which was neither exhaustive nor overspending, so the first increment whose
 * outcome is either lies beyond them.
 */
export function equalSharesAdd1(context: RuleContext, skipUnchangedRuns = true): RuleOutcome {
  const instance = prepareMes(context, 'cost');
  const { profile } = context;
  if (profile.voterCount === 0) return { selectionOrder: [], trace: [add1Trace(context, undefined, 0, 0, 'no-voters')] };
  const initialShare = exact(context.budget, profile.voterCount);
  const unit = exact(profile.scale.factor);
  const increment = Number(profile.scale.factor);
  const shareAfter = (increments: number) => initialShare.add(unit.mul(increments));
  let previous: { result: MesRunResult; lastIncrement: number } | undefined;
  let runs = 0;
  let checks = 0;
  for (let increments = 0; ; ) {
    const result = runMes(instance, shareAfter(increments), increment);
    runs += 1;
    const spent = spentOn(context, result.selectionOrder);
    if (spent > context.budget) {
      return add1Outcome(instance, previous?.result, previous && shareAfter(previous.lastIncrement), runs, checks, 'next-run-overspends');
    }
    if (isExhaustive(instance, result.selectionOrder, context.budget - spent)) {
      return add1Outcome(instance, result, shareAfter(increments), runs, checks, 'exhaustive');
    }
    let last = increments;
    if (skipUnchangedRuns) {
      // Stretches [from, to] on which MES provably repeats the run at `from`.
      let from = { result, increments };
      let stride = strideFor(result);
      // The first increment at which a check failed: later tries stay below it.
      let failedAt = Infinity;
      for (;;) {
        stride = Math.min(stride, Math.floor((failedAt - from.increments) / 2));
        // A check costs about a run: one increment ahead, run instead.
        if (stride < 2) break;
        const to = from.increments + stride;
        checks += 1;
        if (!from.result.levelValues) keepLevelValues(instance, from.result);
        const checked = mesFollows(instance, from.result, stride, shareAfter(to), increment);
        if (checked) {
          keepLevelValues(instance, checked);
          last = to;
          from = { result: checked, increments: to };
          stride = strideFor(checked);
        } else {
          failedAt = to;
          stride = Math.floor(stride / 2);
        }
      }
    }
    previous = { result, lastIncrement: last };
    increments = last + 1;
  }
}

/**
 * How many increments to check at once after a run: most of its estimated reach, and not much
 * beyond the point where a project it could not afford becomes affordable (which may change the
 * outcome, or not).
 */
function strideFor(result: MesRunResult): number {
  const { reach, affordableIn } = result.run;
  // Both estimates assume money and ρ stay affine; the cap keeps shares within float range.
  return Math.floor(Math.min(reach * 0.9, Math.max(4, 2 * affordableIn), 2 ** 40));
}

function isExhaustive(instance: MesInstance, selected: number[], leftover: bigint): boolean {
  const chosen = new Set(selected);
  const costs = instance.context.profile.exactCosts;
  return instance.projects.every((project) => chosen.has(project) || costs[project] > leftover);
}

function add1Outcome(
  instance: MesInstance,
  kept: MesRunResult | undefined,
  keptShare: Exact | undefined,
  runs: number,
  checks: number,
  stoppedBecause: MesAdd1TraceEntry['stoppedBecause'],
): RuleOutcome {
  const { context } = instance;
  const trace: TraceEntry[] = [];
  if (context.explain) {
    trace.push(add1Trace(context, keptShare, runs, checks, stoppedBecause));
    // Runs share their level tree with the runs after them: explain a fresh run at the kept share.
    if (kept && keptShare) trace.push(...explainRun(instance, runMesAlone(instance, keptShare)));
  }
  return { selectionOrder: kept?.selectionOrder ?? [], trace };
}

function add1Trace(
  context: RuleContext,
  finalShare: Exact | undefined,
  runs: number,
  checks: number,
  stoppedBecause: MesAdd1TraceEntry['stoppedBecause'],
): MesAdd1TraceEntry {
  const inUnits = (share: Exact) => exactText(share.div(context.profile.scale.factor));
  const voters = Math.max(context.profile.voterCount, 1);
  return {
    type: 'mes-add1',
    initialShare: inUnits(exact(context.budget, voters)),
    finalShare: finalShare ? inUnits(finalShare) : 'none',
    runs,
    checks,
    stoppedBecause,
  };
}

function explainRun(instance: MesInstance, result: MesRunResult): TraceEntry[] {
  return [...explainPurchases(instance, result), ...explainUnaffordable(instance, result)];
}

function explainPurchases(instance: MesInstance, result: MesRunResult): TraceEntry[] {
  const { profile } = instance.context;
  const toUnits = profile.scale.factor;
  return result.steps.map((step, index) => {
    const rho = result.run.exactStepRate(index);
    const values = result.run.exactBucketValues(index);
    let capped = 0;
    let supporters = 0;
    let maxSat = 0;
    step.buckets.sats.forEach((sat, bucket) => {
      // Supporters who had nothing left took no part.
      if (values[bucket].compare(0) === 0) return;
      supporters += step.buckets.weights[bucket];
      maxSat = Math.max(maxSat, sat);
      if (values[bucket].compare(rho.mul(sat)) < 0) capped += step.buckets.weights[bucket];
    });
    // Payment = ρ · sat in scaled money: with cost satisfaction ρ has no unit, otherwise it is money.
    const rhoInUnits = instance.measure === 'cost' ? rho : rho.div(toUnits);
    return {
      type: 'mes' as const,
      project: profile.projectIds[step.project],
      rho: exactText(rhoInUnits),
      rhoApprox: rhoInUnits.valueOf(),
      effectiveVoteCount: exact(profile.exactCosts[step.project]).div(rho.mul(maxSat)).valueOf(),
      paidBySupporters: formatScaled(profile.exactCosts[step.project], profile.scale),
      supporters,
      supportersPayingAllTheyHad: capped,
    };
  });
}

/**
 * The run ends when no project left is affordable: for each, what its supporters still had together
 * against its cost, which is why it was not funded.
 */
function explainUnaffordable(instance: MesInstance, result: MesRunResult): MesUnaffordableTraceEntry[] {
  const { profile } = instance.context;
  const funded = new Set(result.selectionOrder);
  return instance.projects
    .filter((project) => !funded.has(project))
    .map((project) => {
      const { supporters, money } = result.run.exactSupportersMoney(project);
      const moneyLeft = money.div(profile.scale.factor);
      return {
        type: 'mes-unaffordable' as const,
        project: profile.projectIds[project],
        supporters,
        moneyLeft: exactText(moneyLeft),
        moneyLeftApprox: moneyLeft.valueOf(),
        cost: formatScaled(profile.exactCosts[project], profile.scale),
      };
    });
}
