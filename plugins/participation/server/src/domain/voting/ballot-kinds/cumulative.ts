/** Cumulative: the voter spreads a number of points over projects. */
import { CountingError } from '../../counting/counting-error';
import type { BallotKindDefinition } from './ballot-kind';
import { pointsChoices, type PointsChoices } from './choice-shapes';
import { normaliseValued } from './normalise';

/** Points distributed over projects; `points[i]` belongs to `projects[i]`. */
export interface CumulativeBallot {
  kind: 'cumulative';
  voterId?: string;
  projects: string[];
  points: number[];
}

export const cumulative: BallotKindDefinition<CumulativeBallot, PointsChoices> = {
  kind: 'cumulative',
  choices: { key: 'points', schema: pointsChoices },
  countingRules: ['greedy_cost', 'greedy_points', 'greedy_support', 'mes_cost', 'mes_points'],
  ruleIssues: (rules) => (rules.totalPoints === undefined ? [{ path: 'totalPoints', message: 'cumulative ballots need the points each voter distributes' }] : []),
  chosen: (choices) => Object.keys(choices.points),
  toBallot: (chosen, choices, rules) => {
    const points = chosen.map((id) => choices.points[id]);
    if (points.some((value) => value < 1)) return { ok: false, message: 'every listed proposal gets at least 1 point' };
    if (rules.maxPointsPerProject !== undefined && points.some((value) => value > rules.maxPointsPerProject!)) {
      return { ok: false, message: `at most ${rules.maxPointsPerProject} points per proposal` };
    }
    const total = points.reduce((sum, value) => sum + value, 0);
    if (total > rules.totalPoints!) return { ok: false, message: `${total} points given, at most ${rules.totalPoints}` };
    return { ok: true, ballot: { kind: 'cumulative', projects: chosen, points } };
  },
  listed: (ballot) => ballot.projects,
  counting: {
    values: 'points',
    // A project listed twice keeps its last points.
    normalise: (ballot, indexOf) =>
      normaliseValued(
        ballot.projects,
        indexOf,
        (position, id) => {
          const points = ballot.points[position];
          if (!Number.isInteger(points) || points < 0) {
            throw new CountingError(`a ballot gives project ${id} ${String(points)} points; points must be whole and non-negative`);
          }
          return points;
        },
        { keep: 'last', ordered: false },
      ),
  },
  pabulib: {
    columns: ['points'],
    read: (vote) => {
      const points = vote.points();
      vote.checkPointSum(points);
      return { kind: 'cumulative', voterId: vote.voterId, projects: vote.projects, points };
    },
    write: (ballot) => [ballot.points.join(',')],
  },
};
