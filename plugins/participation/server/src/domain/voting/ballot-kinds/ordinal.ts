/** Ordinal: the voter ranks projects, most preferred first; scored by Borda or by fixed points per rank. */
import type { BallotKindDefinition } from './ballot-kind';
import { rankingChoices, type RankingChoices } from './choice-shapes';
import { normaliseValued } from './normalise';

/** A ranking, most preferred first. */
export interface OrdinalBallot {
  kind: 'ordinal';
  voterId?: string;
  ranking: string[];
}

export const ordinal: BallotKindDefinition<OrdinalBallot, RankingChoices> = {
  kind: 'ordinal',
  choices: { key: 'ranking', schema: rankingChoices },
  countingRules: ['greedy_cost', 'greedy_borda', 'greedy_support', 'mes_cost', 'mes_borda'],
  chosen: (choices) => choices.ranking,
  toBallot: (chosen) => ({ ok: true, ballot: { kind: 'ordinal', ranking: chosen } }),
  listed: (ballot) => ballot.ranking,
  counting: {
    values: 'rank',
    // A project ranked twice keeps its first place; the value is its rank among the distinct projects.
    normalise: (ballot, indexOf) => normaliseValued(ballot.ranking, indexOf, (_position, _id, ranked) => ranked, { keep: 'first', ordered: true }),
  },
  pabulib: {
    columns: [],
    read: (vote) => ({ kind: 'ordinal', voterId: vote.voterId, ranking: vote.projects }),
    write: () => [],
  },
};
