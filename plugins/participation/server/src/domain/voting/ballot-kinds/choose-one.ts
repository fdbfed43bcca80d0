/** Choose one: the voter picks a single project; counted as an approval ballot of one. */
import { APPROVAL_COUNTING_RULES } from './approval';
import type { BallotKindDefinition } from './ballot-kind';
import { projectsChoices, type ProjectsChoices } from './choice-shapes';
import { normaliseSet } from './normalise';

/** A ballot where the voter picks at most one project. */
export interface ChooseOneBallot {
  kind: 'choose-1';
  voterId?: string;
  projects: string[];
}

export const chooseOne: BallotKindDefinition<ChooseOneBallot, ProjectsChoices> = {
  kind: 'choose-1',
  choices: { key: 'projects', schema: projectsChoices },
  countingRules: APPROVAL_COUNTING_RULES,
  chosen: (choices) => choices.projects,
  checkSelection: (chosen) => (chosen.length === 1 ? undefined : 'choose exactly one proposal'),
  toBallot: (chosen) => ({ ok: true, ballot: { kind: 'choose-1', projects: chosen } }),
  listed: (ballot) => ballot.projects,
  counting: { values: 'none', normalise: (ballot, indexOf) => normaliseSet(ballot.projects, indexOf) },
  pabulib: {
    columns: [],
    read: (vote) => {
      // Files from cities are counted as they are; a ballot listing more is reported, not dropped.
      if (vote.projects.length > 1) vote.warn('vote', `a choose-1 ballot lists ${vote.projects.length} projects`);
      vote.checkTotalCost();
      return { kind: 'choose-1', voterId: vote.voterId, projects: vote.projects };
    },
    write: () => [],
  },
};
