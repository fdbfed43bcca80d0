/**
 * The rules by name. Names match the keys of the reference outcomes (`expected/*.json`), plus
 * `greedy_support`, the greedy rule cities use (most votes, or most points, first).
 */
import { CountingError } from './counting-error';
import { equalShares, equalSharesAdd1 } from './equal-shares';
import { greedy, type GreedyOptions } from './greedy';
import { sequentialPhragmen } from './phragmen';
import { spentOn, withoutProjects, type RuleContext, type RuleOutcome } from './rule-context';
import type { SatisfactionMeasure } from './satisfaction';

export const RULE_NAMES = [
  'greedy_cost',
  'greedy_card',
  'greedy_points',
  'greedy_borda',
  'greedy_support',
  'mes_cost',
  'mes_card',
  'mes_points',
  'mes_borda',
  'mes_cost_add1',
  'mes_cost_add1_greedy',
  'phragmen',
] as const;

export type RuleName = (typeof RULE_NAMES)[number];

/** Options of the greedy rules that model cities' variants. */
export interface GreedyVariant {
  /** Projects with less support than this (votes, or points for points/Borda rules) are not funded. */
  minSupport?: number;
  /** Stop at the first project that does not fit instead of skipping it. */
  stopAtFirstMisfit?: boolean;
}

export function isRuleName(name: string): name is RuleName {
  return (RULE_NAMES as readonly string[]).includes(name);
}

export function runRule(name: RuleName, context: RuleContext, variant: GreedyVariant = {}): RuleOutcome {
  const greedyRule = (measure: SatisfactionMeasure, perCost: boolean) =>
    greedy(context, { measure, perCost, ...variant } satisfies GreedyOptions);
  if (!name.startsWith('greedy_') && (variant.minSupport !== undefined || variant.stopAtFirstMisfit)) {
    throw new CountingError(`minimum support and no-skip are greedy variants; rule ${name} does not take them`);
  }
  switch (name) {
    case 'greedy_cost':
      return greedyRule('cost', true);
    case 'greedy_card':
      return greedyRule('card', true);
    case 'greedy_points':
      return greedyRule('points', true);
    case 'greedy_borda':
      return greedyRule('borda', true);
    case 'greedy_support':
      return greedyRule(supportMeasure(context), false);
    case 'mes_cost':
      return equalShares(context, 'cost');
    case 'mes_card':
      return equalShares(context, 'card');
    case 'mes_points':
      return equalShares(context, 'points');
    case 'mes_borda':
      return equalShares(context, 'borda');
    case 'mes_cost_add1':
      return equalSharesAdd1(context);
    case 'mes_cost_add1_greedy':
      return completeWithGreedy(context, equalSharesAdd1(context));
    case 'phragmen':
      return sequentialPhragmen(context);
  }
}

/** Votes for approval ballots, points for cumulative ballots and scored rankings, else Borda. */
function supportMeasure(context: RuleContext): SatisfactionMeasure {
  const { profile } = context;
  if (profile.entryValues === 'rank') return profile.pointsPerPosition ? 'points' : 'borda';
  return profile.entryValues === 'points' ? 'points' : 'card';
}

/** Spends what a rule left with greedy_cost over the projects it did not select. */
export function completeWithGreedy(context: RuleContext, outcome: RuleOutcome): RuleOutcome {
  const leftover = context.budget - spentOn(context, outcome.selectionOrder);
  const completion = greedy(withoutProjects(context, outcome.selectionOrder, leftover), { measure: 'cost', perCost: true });
  return {
    selectionOrder: [...outcome.selectionOrder, ...completion.selectionOrder],
    trace: [...outcome.trace, ...completion.trace],
  };
}
