/**
 * The counting engine's public entry point. Framework-free: budgeting rounds build an
 * {@link Election} from their rows and call {@link count}; the CLI does the same from a `.pb` file.
 */
import { formatScaled } from './decimal-amounts';
import type { Election } from './election';
import { compileProfile } from './profile';
import { countWithReservations, type Reservation, type ReservationReport } from './reservations';
import { runRule, type GreedyVariant, type RuleName } from './rules';
import { spentOn, type RuleContext } from './rule-context';
import { entrySatisfaction, totalSatisfaction } from './satisfaction';
import { tieBreakingRank, type TieBreaking } from './tie-breaking';
import type { TraceEntry } from './trace';

export type { Ballot, BallotKind, BallotLimits, DecimalAmount, Election, ElectionProject } from './election';
export { CountingError } from './counting-error';
export { RULE_NAMES, isRuleName, type GreedyVariant, type RuleName } from './rules';
export { TIE_BREAKINGS, type TieBreaking } from './tie-breaking';
export type { Reservation, ReservationReport } from './reservations';
export type { TraceEntry } from './trace';

export interface CountOptions extends GreedyVariant {
  rule: RuleName;
  /** Defaults to `id`, the reference implementation's order. */
  tieBreaking?: TieBreaking;
  reservations?: Reservation[];
  /** Adds the rule's trace to the result. */
  explain?: boolean;
}

export interface ProjectSupport {
  /** Voters who list the project. */
  votes: number;
  /** Points received, for ballots whose entries are points (cumulative). */
  points?: number;
}

export interface CountResult {
  rule: RuleName;
  tieBreaking: TieBreaking;
  /** Selected project ids, in the election's project order. */
  selected: string[];
  /** Selected project ids, in the order the count picked them. */
  selectionOrder: string[];
  support: Record<string, ProjectSupport>;
  budget: string;
  spent: string;
  reservations: ReservationReport[];
  trace?: TraceEntry[];
  warnings: string[];
}

export function count(election: Election, options: CountOptions): CountResult {
  const profile = compileProfile(election);
  const tieBreaking = options.tieBreaking ?? 'id';
  const context: RuleContext = {
    profile,
    rank: tieBreakingRank(profile, tieBreaking),
    budget: profile.budget,
    available: new Uint8Array(profile.projectIds.length).fill(1),
    explain: options.explain ?? false,
  };
  const variant: GreedyVariant = { minSupport: options.minSupport, stopAtFirstMisfit: options.stopAtFirstMisfit };
  const outcome = countWithReservations(context, options.reservations ?? [], (stage) => runRule(options.rule, stage, variant));
  const chosen = new Set(outcome.selectionOrder);
  const points = profile.entryValues === 'points' ? totalSatisfaction(profile, entrySatisfaction(profile, 'points')) : undefined;
  const support: Record<string, ProjectSupport> = {};
  profile.projectIds.forEach((id, project) => {
    support[id] = { votes: profile.listingCount[project], ...(points ? { points: points[project] } : {}) };
  });
  return {
    rule: options.rule,
    tieBreaking,
    selected: profile.projectIds.filter((_, project) => chosen.has(project)),
    selectionOrder: outcome.selectionOrder.map((project) => profile.projectIds[project]),
    support,
    budget: formatScaled(profile.budget, profile.scale),
    spent: formatScaled(spentOn(context, outcome.selectionOrder), profile.scale),
    reservations: outcome.reports,
    ...(context.explain ? { trace: outcome.trace } : {}),
    warnings: outcome.reports
      .filter((report) => !report.met)
      .map((report) => `reservation for ${report.marker} not met: ${report.reason ?? 'unknown'}`),
  };
}
