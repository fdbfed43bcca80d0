/** Approval: the voter lists the projects they support (knapsack ballots too, limited by cost). */
import type { BallotKindDefinition, PabulibVote } from './ballot-kind';
import { projectsChoices, type ProjectsChoices } from './choice-shapes';
import { normaliseSet } from './normalise';

/** A ballot that lists projects, each counting the same: approval, and choose-one (an approval ballot of one). */
export interface ProjectListBallot<K extends string> {
  kind: K;
  voterId?: string;
  projects: string[];
}

/** An approval ballot (also knapsack ballots, whose limits live in BallotLimits). */
export type ApprovalBallot = ProjectListBallot<'approval'>;

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

/** A kind whose ballots list projects; `checkVote` adds the kind's own checks of a Pabulib vote. */
export const projectListKind = <K extends string>(
  kind: K,
  checkVote?: (vote: PabulibVote) => void,
): BallotKindDefinition<ProjectListBallot<K>, ProjectsChoices> => ({
  kind,
  choices: { key: 'projects', schema: projectsChoices },
  countingRules: APPROVAL_COUNTING_RULES,
  chosen: (choices) => choices.projects,
  toBallot: (chosen) => ({ ok: true, ballot: { kind, projects: chosen } }),
  listed: (ballot) => ballot.projects,
  counting: { values: 'none', normalise: (ballot, indexOf) => normaliseSet(ballot.projects, indexOf) },
  pabulib: {
    columns: [],
    read: (vote) => {
      checkVote?.(vote);
      vote.checkTotalCost();
      return { kind, voterId: vote.voterId, projects: vote.projects };
    },
    write: () => [],
  },
});

export const approval = projectListKind('approval');
