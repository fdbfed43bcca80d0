/**
 * The input of a count: plain, serialisable data. A budgeting round builds it from database rows;
 * the Pabulib parser builds it from a `.pb` file. Money is a decimal string (or a number) so that
 * amounts such as "1910663.83" stay exact.
 */
export type DecimalAmount = string | number;

import type { BallotKind } from '../voting/ballot-kinds';

export type { BallotKind };

export interface ElectionProject {
  id: string;
  cost: DecimalAmount;
  name?: string;
  /** Labels such as "gender" or "youth" that reservations refer to. */
  markers?: string[];
}

/** An approval ballot (also knapsack ballots, whose limits live in {@link BallotLimits}). */
export interface ApprovalBallot {
  kind: 'approval';
  voterId?: string;
  projects: string[];
}

/** A ballot where the voter picks at most one project. */
export interface ChooseOneBallot {
  kind: 'choose-1';
  voterId?: string;
  projects: string[];
}

/** Points distributed over projects; `points[i]` belongs to `projects[i]`. */
export interface CumulativeBallot {
  kind: 'cumulative';
  voterId?: string;
  projects: string[];
  points: number[];
}

/** A ranking, most preferred first. */
export interface OrdinalBallot {
  kind: 'ordinal';
  voterId?: string;
  ranking: string[];
}

export type Ballot = ApprovalBallot | ChooseOneBallot | CumulativeBallot | OrdinalBallot;

/** The limits a round states for its ballots; ballots breaking them are reported, not rejected. */
export interface BallotLimits {
  minLength?: number;
  maxLength?: number;
  maxTotalCost?: DecimalAmount;
  minTotalPoints?: number;
  maxTotalPoints?: number;
}

export interface Election {
  budget: DecimalAmount;
  projects: ElectionProject[];
  ballots: Ballot[];
  limits?: BallotLimits;
  /**
   * Points an ordinal ballot gives by position (first entry for the top-ranked project) when a
   * round scores rankings with fixed points, e.g. [3, 2, 1]. Without it, positional rules use Borda.
   */
  pointsPerPosition?: number[];
}

export function ballotProjects(ballot: Ballot): string[] {
  return ballot.kind === 'ordinal' ? ballot.ranking : ballot.projects;
}
