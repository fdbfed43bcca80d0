import type { CastBallot } from '../../../shared/contracts/rounds';
import type { ParticipationServices } from '../../../server/src/utils/get-service';
import { ballotKind } from '../../../server/src/domain/voting/ballot-kinds';
import type { MessageKey } from '../i18n/translator';

/** A round's ballot while it is voting: its frozen rules, districts and projects (services/ballot.ts). */
export type OpenBallot = Awaited<ReturnType<ParticipationServices['ballot']['ballotOf']>>;
export type BallotProject = OpenBallot['projects'][number];

/** What the voter's choices add up to, for the review and for the words of a refusal. */
export interface BallotTally {
  /** In the voter's order (a ranking's order), each with its points on a cumulative ballot. */
  chosen: Array<{ project: BallotProject; points?: number }>;
  costMinor: bigint;
  /** Ballots with a cost limit: what is left to spend. */
  leftMinor?: bigint;
  /** Cumulative ballots. */
  pointsGiven?: number;
  pointsLeft?: number;
  /** A proposal named that is not on the ballot of the district chosen. */
  outsideDistrict: boolean;
}

export const tallyOf = (ballot: OpenBallot, { districtCode = '', choices }: CastBallot.Body): BallotTally => {
  const { ballotRules: rules } = ballot;
  const byId = new Map(ballot.projects.map((project) => [project.id, project]));
  const ids = ballotKind(rules.kind).chosen(choices);
  const points = 'points' in choices ? choices.points : undefined;
  const chosen = ids.flatMap((id) => (byId.has(id) ? [{ project: byId.get(id)!, points: points?.[id] }] : []));
  const costMinor = chosen.reduce((sum, { project }) => sum + BigInt(project.costMinor), 0n);
  const pointsGiven = points && Object.values(points).reduce((sum, value) => sum + value, 0);
  return {
    chosen,
    costMinor,
    leftMinor: rules.maxCost === undefined ? undefined : BigInt(rules.maxCost) - costMinor,
    pointsGiven,
    pointsLeft: pointsGiven === undefined || rules.totalPoints === undefined ? undefined : rules.totalPoints - pointsGiven,
    outsideDistrict: ids.some((id) => byId.get(id)?.districtCode !== districtCode),
  };
};

/**
 * The words for a refusal of the choices by the ballot service (which decided it, with the same checks as
 * the API): the round's limit that the tally shows broken, else a general reminder of the rules.
 */
export const refusalMessage = ({ ballotRules: rules }: OpenBallot, tally: BallotTally): MessageKey => {
  const count = tally.chosen.length;
  if (tally.outsideDistrict) return 'ballot.error.otherDistrict';
  if (count === 0) return 'ballot.error.none';
  if (rules.kind === 'choose-1' && count > 1) return 'ballot.error.chooseOne';
  if (rules.maxProjects !== undefined && count > rules.maxProjects) return 'ballot.error.tooMany';
  if (rules.minProjects !== undefined && count < rules.minProjects) return 'ballot.error.tooFew';
  if (tally.leftMinor !== undefined && tally.leftMinor < 0n) return 'ballot.error.overBudget';
  if (tally.pointsLeft !== undefined && tally.pointsLeft < 0) return 'ballot.error.pointsOver';
  if (rules.maxPointsPerProject !== undefined && tally.chosen.some(({ points = 0 }) => points > rules.maxPointsPerProject!)) return 'ballot.error.pointsPerProposal';
  return 'ballot.error.choices';
};
