import { z } from 'zod';
import type { Ballot } from '../counting';
import { formatMinor } from '../money/amount';
import type { BallotRules } from '../rounds/round-settings';

/** What a voter submits; ids are the documentIds of proposals on the ballot. */
export const ballotChoicesSchema = z.union([
  z.object({ projects: z.array(z.string().min(1).max(64)).max(500) }).strict(),
  z.object({ points: z.record(z.string().min(1).max(64), z.number().int()) }).strict(),
  z.object({ ranking: z.array(z.string().min(1).max(64)).max(500) }).strict(),
]);
export type BallotChoices = z.output<typeof ballotChoicesSchema>;

export interface BallotProject {
  id: string;
  costMinor: string;
}

export type ChoicesCheck = { ok: true; ballot: Ballot } | { ok: false; field: string; message: string };

const fail = (field: string, message: string): ChoicesCheck => ({ ok: false, field, message });

/**
 * Checks a ballot against the round's rules and the projects on this ballot: the same checks on
 * every channel (online, assisted, paper). A ballot that breaks them is refused whole.
 */
export const checkBallotChoices = (rules: BallotRules, projects: readonly BallotProject[], choices: BallotChoices): ChoicesCheck => {
  const costById = new Map(projects.map((project) => [project.id, BigInt(project.costMinor)]));
  const expectedShape = { approval: 'projects', 'choose-1': 'projects', cumulative: 'points', ordinal: 'ranking' }[rules.kind];
  if (!(expectedShape in choices)) return fail('choices', `a ${rules.kind} ballot is given as { ${expectedShape}: … }`);

  const chosen = 'projects' in choices ? choices.projects : 'ranking' in choices ? choices.ranking : Object.keys(choices.points);
  const field = `choices.${expectedShape}`;
  const unknown = chosen.find((id) => !costById.has(id));
  if (unknown) return fail(field, `proposal ${unknown} is not on this ballot`);
  if (new Set(chosen).size !== chosen.length) return fail(field, 'lists a proposal twice');

  if (rules.kind === 'choose-1' && chosen.length !== 1) return fail(field, 'choose exactly one proposal');
  if (rules.minProjects !== undefined && chosen.length < rules.minProjects) return fail(field, `choose at least ${rules.minProjects}`);
  if (rules.maxProjects !== undefined && chosen.length > rules.maxProjects) return fail(field, `choose at most ${rules.maxProjects}`);
  if (chosen.length === 0) return fail(field, 'choose at least one proposal');
  if (rules.maxCost !== undefined) {
    const total = chosen.reduce((sum, id) => sum + costById.get(id)!, 0n);
    if (total > BigInt(rules.maxCost)) return fail(field, `the chosen proposals cost ${formatMinor(total)}, more than ${formatMinor(rules.maxCost)}`);
  }

  if ('points' in choices) {
    const points = chosen.map((id) => choices.points[id]);
    if (points.some((value) => value < 1)) return fail(field, 'every listed proposal gets at least 1 point');
    if (rules.maxPointsPerProject !== undefined && points.some((value) => value > rules.maxPointsPerProject!)) {
      return fail(field, `at most ${rules.maxPointsPerProject} points per proposal`);
    }
    const total = points.reduce((sum, value) => sum + value, 0);
    if (total > rules.totalPoints!) return fail(field, `${total} points given, at most ${rules.totalPoints}`);
    return { ok: true, ballot: { kind: 'cumulative', projects: chosen, points } };
  }
  if ('ranking' in choices) return { ok: true, ballot: { kind: 'ordinal', ranking: chosen } };
  return { ok: true, ballot: { kind: rules.kind as 'approval' | 'choose-1', projects: chosen } };
};
