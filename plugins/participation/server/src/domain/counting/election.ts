/**
 * The input of a count: plain, serialisable data. A budgeting round builds it from database rows;
 * the Pabulib parser builds it from a `.pb` file. Money is a decimal string (or a number) so that
 * amounts such as "1910663.83" stay exact.
 */
import { listedProjects, type Ballot } from '../voting/ballot-kinds';

export type DecimalAmount = string | number;

export interface ElectionProject {
  id: string;
  cost: DecimalAmount;
  name?: string;
  /** Labels such as "gender" or "youth" that reservations refer to. */
  markers?: string[];
}

/** Ballots of every kind; each kind is defined in voting/ballot-kinds/. */
export type { ApprovalBallot, Ballot, BallotKind, ChooseOneBallot, CumulativeBallot, OrdinalBallot } from '../voting/ballot-kinds';

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

/** The project ids a ballot lists, in its order. */
export const ballotProjects = (ballot: Ballot): string[] => listedProjects(ballot);
