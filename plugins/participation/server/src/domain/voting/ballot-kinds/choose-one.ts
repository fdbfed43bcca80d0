/** Choose one: the voter picks a single project; counted as an approval ballot of one. */
import { projectListKind, type ProjectListBallot } from './approval';
import type { BallotKindDefinition } from './ballot-kind';
import type { ProjectsChoices } from './choice-shapes';

/** A ballot where the voter picks at most one project. */
export type ChooseOneBallot = ProjectListBallot<'choose-1'>;

export const chooseOne: BallotKindDefinition<ChooseOneBallot, ProjectsChoices> = {
  // Files from cities are counted as they are; a ballot listing more is reported, not dropped.
  ...projectListKind('choose-1', (vote) => {
    if (vote.projects.length > 1) vote.warn('vote', `a choose-1 ballot lists ${vote.projects.length} projects`);
  }),
  checkSelection: (chosen) => (chosen.length === 1 ? undefined : 'choose exactly one proposal'),
};
