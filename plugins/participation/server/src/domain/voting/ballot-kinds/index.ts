/**
 * The registry of ballot kinds. A kind is one file beside this one (a BallotKindDefinition: what a voter
 * submits and its checks, the counting rules and what its entries mean to them, Pabulib read and write),
 * and one line in BALLOT_KIND_DEFINITIONS; everything else dispatches through here.
 */
import { approval } from './approval';
import type { BallotKindDefinition } from './ballot-kind';
import { chooseOne } from './choose-one';
import { cumulative } from './cumulative';
import { ordinal } from './ordinal';

export const BALLOT_KIND_DEFINITIONS = [approval, chooseOne, cumulative, ordinal] as const;

type Definition = (typeof BALLOT_KIND_DEFINITIONS)[number];
type BallotOf<D> = D extends { listed(ballot: infer B): string[] } ? B : never;

/** A stored ballot of any kind. */
export type Ballot = BallotOf<Definition>;
export type BallotKind = Ballot['kind'];

/** The kinds by name, in registry order: the closed list the round settings and contracts use. */
export const BALLOT_KINDS = BALLOT_KIND_DEFINITIONS.map((definition) => definition.kind) as unknown as readonly [BallotKind, ...BallotKind[]];

// Each definition is typed by its own kind; dispatching on a name or a ballot of any kind widens it.
type AnyDefinition = BallotKindDefinition<Ballot>;
const BY_KIND = new Map<string, AnyDefinition>(BALLOT_KIND_DEFINITIONS.map((definition) => [definition.kind, definition as unknown as AnyDefinition]));

export const isBallotKind = (name: string): name is BallotKind => BY_KIND.has(name);

export const ballotKind = (kind: BallotKind): AnyDefinition => {
  const definition = BY_KIND.get(kind);
  if (!definition) throw new Error(`unknown ballot kind ${kind}`);
  return definition;
};

/** The proposal ids a ballot lists, whatever its kind. */
export const listedProjects = (ballot: Ballot): string[] => ballotKind(ballot.kind).listed(ballot);

export type { ApprovalBallot } from './approval';
export type { ChooseOneBallot } from './choose-one';
export type { CumulativeBallot } from './cumulative';
export type { OrdinalBallot } from './ordinal';
export type { BallotKindDefinition, EntryValues, KindRules, NormalisedBallot, PabulibVote } from './ballot-kind';
