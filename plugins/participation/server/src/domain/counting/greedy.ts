/**
 * Greedy by satisfaction: visit projects once, best score first, and fund each one that still fits.
 *
 * - `perCost` (the reference rules greedy_cost/card/points/borda): score = total satisfaction / cost.
 *   With cost satisfaction this is the number of voters listing the project.
 * - otherwise (what cities do): score = total satisfaction, e.g. votes or points.
 * City variants: `minSupport` leaves out projects whose support (votes for cost and cardinality
 * satisfaction, points otherwise) is below the threshold; `stopAtFirstMisfit` ends the scan at the
 * first project that does not fit instead of skipping it.
 */
import { formatScaled } from './decimal-amounts';
import type { RuleContext, RuleOutcome } from './rule-context';
import { entrySatisfaction, totalSatisfaction, type SatisfactionMeasure } from './satisfaction';
import type { GreedyDecision, TraceEntry } from './trace';

export interface GreedyOptions {
  measure: SatisfactionMeasure;
  perCost: boolean;
  minSupport?: number;
  stopAtFirstMisfit?: boolean;
}

export function projectSupport(context: RuleContext, measure: SatisfactionMeasure): Float64Array {
  const { profile } = context;
  // Cost satisfaction summed over voters is votes × cost, which can exceed 2^53; votes are exact.
  if (measure === 'cost' || measure === 'card') return profile.listingCount;
  return totalSatisfaction(profile, entrySatisfaction(profile, measure));
}

export function greedy(context: RuleContext, options: GreedyOptions): RuleOutcome {
  const { profile, rank } = context;
  const support = projectSupport(context, options.measure);
  const candidates = profile.projectIds.map((_, project) => project).filter((project) => context.available[project]);
  // A score is support / cost for per-cost rules (cost satisfaction: votes, already per cost).
  const divideByCost = options.perCost && options.measure !== 'cost';
  const numerator = (project: number) => BigInt(support[project]);
  const denominator = (project: number) => (divideByCost ? profile.exactCosts[project] : 1n);
  candidates.sort((a, b) => {
    const left = numerator(a) * denominator(b);
    const right = numerator(b) * denominator(a);
    if (left !== right) return left > right ? -1 : 1;
    return rank[a] - rank[b];
  });

  const selectionOrder: number[] = [];
  const trace: TraceEntry[] = [];
  let remaining = context.budget;
  for (const project of candidates) {
    const cost = profile.exactCosts[project];
    let decision: GreedyDecision = 'selected';
    if (options.minSupport !== undefined && support[project] < options.minSupport) decision = 'below-threshold';
    else if (cost > remaining) decision = options.stopAtFirstMisfit ? 'stopped-at-first-misfit' : 'does-not-fit';
    if (decision === 'selected') {
      selectionOrder.push(project);
      remaining -= cost;
    }
    if (context.explain) {
      trace.push({
        type: 'greedy',
        project: profile.projectIds[project],
        score: divideByCost ? `${support[project]}/${formatScaled(cost, profile.scale)}` : String(support[project]),
        support: support[project],
        decision,
        remainingBudget: formatScaled(remaining, profile.scale),
      });
    }
    if (decision === 'stopped-at-first-misfit') break;
  }
  return { selectionOrder, trace };
}
