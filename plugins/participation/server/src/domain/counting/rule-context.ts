/** What every rule receives: the compiled profile plus the part of it this count may use. */
import type { CountingProfile } from './profile';
import type { TraceEntry } from './trace';

export interface RuleContext {
  profile: CountingProfile;
  /** Tie-breaking place of each project; lower wins. */
  rank: Int32Array;
  /** Money the rule may spend, scaled like the profile's costs. */
  budget: bigint;
  /** 1 where the project may still be selected. */
  available: Uint8Array;
  explain: boolean;
}

export interface RuleOutcome {
  /** Project indices in the order the rule picked them. */
  selectionOrder: number[];
  trace: TraceEntry[];
}

export function spentOn(context: RuleContext, projects: number[]): bigint {
  return projects.reduce((sum, project) => sum + context.profile.exactCosts[project], 0n);
}

export function withoutProjects(context: RuleContext, projects: number[], budget: bigint): RuleContext {
  const available = context.available.slice();
  for (const project of projects) available[project] = 0;
  return { ...context, available, budget };
}
