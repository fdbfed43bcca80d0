/**
 * The MES rules: plain MES (each voter starts with budget / n), and the "add1" completion that
 * reruns MES with every voter's share raised by one currency unit until the outcome is exhaustive
 * or the next outcome would overspend.
 */
import { formatScaled } from './decimal-amounts';
import { exact, exactText, type Exact } from './exact';
import { prepareMes, runMes, type MesInstance, type MesRunResult } from './mes';
import { spentOn, type RuleContext, type RuleOutcome } from './rule-context';
import type { SatisfactionMeasure } from './satisfaction';
import type { MesAdd1TraceEntry, TraceEntry } from './trace';

export function equalShares(context: RuleContext, measure: SatisfactionMeasure): RuleOutcome {
  const instance = prepareMes(context, measure);
  if (context.profile.voterCount === 0) return { selectionOrder: [], trace: [] };
  const result = runMes(instance, exact(context.budget, context.profile.voterCount));
  return { selectionOrder: result.selectionOrder, trace: context.explain ? explainRun(instance, result) : [] };
}

export function equalSharesAdd1(context: RuleContext): RuleOutcome {
  const instance = prepareMes(context, 'cost');
  const { profile } = context;
  if (profile.voterCount === 0) return { selectionOrder: [], trace: [add1Trace(context, undefined, 0, 'no-voters')] };
  const initialShare = exact(context.budget, profile.voterCount);
  const unit = exact(profile.scale.factor);
  let previous: MesRunResult | undefined;
  for (let runs = 1; ; runs += 1) {
    const share = initialShare.add(unit.mul(runs - 1));
    const result = runMes(instance, share);
    const spent = spentOn(context, result.selectionOrder);
    if (spent > context.budget) return add1Outcome(instance, previous, runs, 'next-run-overspends');
    if (isExhaustive(instance, result.selectionOrder, context.budget - spent)) {
      return add1Outcome(instance, result, runs, 'exhaustive');
    }
    previous = result;
  }
}

function isExhaustive(instance: MesInstance, selected: number[], leftover: bigint): boolean {
  const chosen = new Set(selected);
  const costs = instance.context.profile.exactCosts;
  return instance.projects.every((project) => chosen.has(project) || costs[project] > leftover);
}

function add1Outcome(
  instance: MesInstance,
  kept: MesRunResult | undefined,
  runs: number,
  stoppedBecause: MesAdd1TraceEntry['stoppedBecause'],
): RuleOutcome {
  const { context } = instance;
  const trace: TraceEntry[] = [];
  if (context.explain) {
    trace.push(add1Trace(context, kept?.run.share, runs, stoppedBecause));
    if (kept) trace.push(...explainRun(instance, kept));
  }
  return { selectionOrder: kept?.selectionOrder ?? [], trace };
}

function add1Trace(
  context: RuleContext,
  finalShare: Exact | undefined,
  runs: number,
  stoppedBecause: MesAdd1TraceEntry['stoppedBecause'],
): MesAdd1TraceEntry {
  const inUnits = (share: Exact) => exactText(share.div(context.profile.scale.factor));
  const voters = Math.max(context.profile.voterCount, 1);
  return {
    type: 'mes-add1',
    initialShare: inUnits(exact(context.budget, voters)),
    finalShare: finalShare ? inUnits(finalShare) : 'none',
    runs,
    stoppedBecause,
  };
}

function explainRun(instance: MesInstance, result: MesRunResult): TraceEntry[] {
  const { profile } = instance.context;
  const toUnits = profile.scale.factor;
  return result.steps.map((step, index) => {
    const rho = result.run.exactStepRate(index);
    const values = result.run.exactBucketValues(index);
    let capped = 0;
    let supporters = 0;
    step.buckets.sats.forEach((sat, bucket) => {
      supporters += step.buckets.weights[bucket];
      if (values[bucket].compare(rho.mul(sat)) < 0) capped += step.buckets.weights[bucket];
    });
    const maxSat = Math.max(...step.buckets.sats);
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
