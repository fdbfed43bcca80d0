/**
 * The explanation of a count, one entry per decision, in the order the decisions were taken.
 * Exact values are fractions as text ("n/d"); `approx` fields are for display only. Money is in
 * currency units (not the internal scaled integers).
 */
export type GreedyDecision = 'selected' | 'does-not-fit' | 'below-threshold' | 'stopped-at-first-misfit';

export interface GreedyTraceEntry {
  type: 'greedy';
  project: string;
  /** The score the project was ranked by (satisfaction, or satisfaction per currency unit). */
  score: string;
  support: number;
  decision: GreedyDecision;
  remainingBudget: string;
}

export interface MesTraceEntry {
  type: 'mes';
  project: string;
  /** ρ: what a supporter pays per unit of satisfaction; exact fraction. */
  rho: string;
  rhoApprox: number;
  /** Supporters needed to fund the project if all paid ρ per unit of satisfaction. */
  effectiveVoteCount: number;
  /** What the project's supporters paid together (its cost). */
  paidBySupporters: string;
  supporters: number;
  /** Supporters who could not pay their full ρ share and paid everything they had left. */
  supportersPayingAllTheyHad: number;
}

/** A project MES could not fund: when the run ended its supporters had less left than it costs. */
export interface MesUnaffordableTraceEntry {
  type: 'mes-unaffordable';
  project: string;
  supporters: number;
  /** What its supporters had left together when the run ended; exact fraction. */
  moneyLeft: string;
  moneyLeftApprox: number;
  cost: string;
}

export interface MesAdd1TraceEntry {
  type: 'mes-add1';
  /** Each voter's starting share in the run whose outcome was kept. */
  finalShare: string;
  initialShare: string;
  /** Full MES runs computed. */
  runs: number;
  /** Checks that a stretch of increments repeats a run's outcome (each a partial MES run). */
  checks: number;
  /** Why the iteration stopped. */
  stoppedBecause: 'exhaustive' | 'next-run-overspends' | 'no-voters';
}

export interface PhragmenTraceEntry {
  type: 'phragmen';
  project: string;
  /** The load every supporter carries after the purchase; exact fraction. */
  load: string;
  loadApprox: number;
}

export interface PhragmenStopTraceEntry {
  type: 'phragmen-stop';
  project: string;
  reason: 'does-not-fit';
  /** What was left of the budget when the rule stopped. */
  remainingBudget: string;
}

export interface StageTraceEntry {
  type: 'stage';
  stage: string;
  budget: string;
}

export type TraceEntry =
  | GreedyTraceEntry
  | MesTraceEntry
  | MesUnaffordableTraceEntry
  | MesAdd1TraceEntry
  | PhragmenTraceEntry
  | PhragmenStopTraceEntry
  | StageTraceEntry;
