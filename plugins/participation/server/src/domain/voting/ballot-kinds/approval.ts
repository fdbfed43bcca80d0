/** Approval: the voter lists the projects they support (knapsack ballots too, limited by cost). */
import type { BallotKindDefinition } from './ballot-kind';
import { projectsChoices, type ProjectsChoices } from './choice-shapes';
import { normaliseSet } from './normalise';

/** An approval ballot (also knapsack ballots, whose limits live in BallotLimits). */
export interface ApprovalBallot {
  kind: 'approval';
  voterId?: string;
  projects: string[];
}

export const APPROVAL_COUNTING_RULES = [
  'greedy_cost',
  'greedy_card',
  'greedy_support',
  'mes_cost',
  'mes_card',
  'mes_cost_add1',
  'mes_cost_add1_greedy',
  'phragmen',
] as const;

export const approval: BallotKindDefinition<ApprovalBallot, ProjectsChoices> = {
  kind: 'approval',
  choices: { key: 'projects', schema: projectsChoices },
  countingRules: APPROVAL_COUNTING_RULES,
  chosen: (choices) => choices.projects,
  toBallot: (chosen) => ({ ok: true, ballot: { kind: 'approval', projects: chosen } }),
  listed: (ballot) => ballot.projects,
  counting: { values: 'none', normalise: (ballot, indexOf) => normaliseSet(ballot.projects, indexOf) },
  pabulib: {
    columns: [],
    read: (vote) => {
      vote.checkTotalCost();
      return { kind: 'approval', voterId: vote.voterId, projects: vote.projects };
    },
    write: () => [],
  },
};
