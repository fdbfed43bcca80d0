import { z } from 'zod';
import type { Ballot } from '../counting';
import { formatMinor } from '../money/amount';
import type { BallotRules } from '../rounds/round-settings';
import { BALLOT_KIND_DEFINITIONS, ballotKind } from './ballot-kinds';

/** What a voter submits, in the shape of one of the ballot kinds; ids are the documentIds of proposals on the ballot. */
const CHOICE_SHAPES = [...new Set(BALLOT_KIND_DEFINITIONS.map((definition) => definition.choices.schema))];
export const ballotChoicesSchema = z.union(CHOICE_SHAPES as unknown as [(typeof CHOICE_SHAPES)[number], ...(typeof CHOICE_SHAPES)[number][]]);
export type BallotChoices = z.output<typeof ballotChoicesSchema>;

export interface BallotProject {
  id: string;
  costMinor: string;
}

export type ChoicesCheck = { ok: true; ballot: Ballot } | { ok: false; field: string; message: string };

const fail = (field: string, message: string): ChoicesCheck => ({ ok: false, field, message });

/**
 * Checks a ballot against the round's rules and the projects on this ballot: the same checks on
 * every channel (online, assisted, paper). A ballot that breaks them is refused whole. The checks
 * every kind shares are here; what is particular to a kind is in its file in ballot-kinds/.
 */
export const checkBallotChoices = (rules: BallotRules, projects: readonly BallotProject[], choices: BallotChoices): ChoicesCheck => {
  const costById = new Map(projects.map((project) => [project.id, BigInt(project.costMinor)]));
  const kind = ballotKind(rules.kind);
  const expectedShape = kind.choices.key;
  if (!(expectedShape in choices)) return fail('choices', `a ${rules.kind} ballot is given as { ${expectedShape}: … }`);

  const chosen = kind.chosen(choices);
  const field = `choices.${expectedShape}`;
  const unknown = chosen.find((id) => !costById.has(id));
  if (unknown) return fail(field, `proposal ${unknown} is not on this ballot`);
  if (new Set(chosen).size !== chosen.length) return fail(field, 'lists a proposal twice');

  const selectionProblem = kind.checkSelection?.(chosen);
  if (selectionProblem) return fail(field, selectionProblem);
  if (rules.minProjects !== undefined && chosen.length < rules.minProjects) return fail(field, `choose at least ${rules.minProjects}`);
  if (rules.maxProjects !== undefined && chosen.length > rules.maxProjects) return fail(field, `choose at most ${rules.maxProjects}`);
  if (chosen.length === 0) return fail(field, 'choose at least one proposal');
  if (rules.maxCost !== undefined) {
    const total = chosen.reduce((sum, id) => sum + costById.get(id)!, 0n);
    if (total > BigInt(rules.maxCost)) return fail(field, `the chosen proposals cost ${formatMinor(total)}, more than ${formatMinor(rules.maxCost)}`);
  }

  const built = kind.toBallot(chosen, choices, rules);
  return built.ok ? built : fail(field, built.message);
};
