import type { Ballot, BallotLimits, Election } from '../counting';
import { formatMinor } from '../money/amount';
import type { BallotRules } from './round-settings';

export interface RoundProject {
  id: string;
  title: string;
  costMinor: string;
  markers: string[];
}

/** A district's (or the whole round's) count as the engine sees it: currency units as exact decimals. */
export const roundElection = (budgetMinor: string, rules: BallotRules, projects: readonly RoundProject[], ballots: Ballot[]): Election => {
  const limits: BallotLimits = {
    ...(rules.minProjects !== undefined ? { minLength: rules.minProjects } : {}),
    ...(rules.maxProjects !== undefined ? { maxLength: rules.maxProjects } : {}),
    ...(rules.maxCost !== undefined ? { maxTotalCost: formatMinor(rules.maxCost) } : {}),
    ...(rules.totalPoints !== undefined ? { maxTotalPoints: rules.totalPoints } : {}),
  };
  return {
    budget: formatMinor(budgetMinor),
    projects: projects.map((project) => ({ id: project.id, name: project.title, cost: formatMinor(project.costMinor), markers: project.markers })),
    ballots,
    limits,
    ...(rules.pointsPerPosition ? { pointsPerPosition: rules.pointsPerPosition } : {}),
  };
};
