/**
 * What a ballot kind is, everywhere the platform meets a ballot: what a voter submits and how it is
 * checked, how the counting engine reads it, and how it is written to and read from a Pabulib file.
 * Each kind is one file beside this one, listed once in index.ts.
 */
import type { z } from 'zod';
import type { RuleName } from '../../counting/rules';

/** The round's ballot rules as a kind sees them (see rounds/round-settings.ts). */
export interface KindRules {
  minProjects?: number;
  maxProjects?: number;
  totalPoints?: number;
  maxPointsPerProject?: number;
}

/**
 * What the counting engine makes of a ballot entry's value: nothing (every listed project counts the
 * same), the points the voter gave it, or its rank (0 for the first). Satisfaction and support are
 * defined per meaning (counting/satisfaction.ts), so a kind with a new meaning also extends those.
 */
export type EntryValues = 'none' | 'points' | 'rank';

/** A ballot with its projects resolved to indices: entry i is `projects[i]` with `values[i]`. */
export interface NormalisedBallot {
  projects: number[];
  values: number[];
}

/** One VOTES row of a Pabulib file as a kind reads it; the common checks have run. */
export interface PabulibVote {
  voterId: string;
  /** The `vote` cell: the project ids in the file's order. */
  projects: string[];
  /** The `points` cell, one whole non-negative number per project (throws a PabulibError otherwise). */
  points(): number[];
  warn(field: string, message: string): void;
  /** Warns when the projects cost more than the file's `max_sum_cost`. */
  checkTotalCost(): void;
  /** Warns when the points break the file's `min_sum_points` or `max_sum_points`. */
  checkPointSum(points: number[]): void;
}

export type KindCheck<B> = { ok: true; ballot: B } | { ok: false; message: string };

export interface BallotKindDefinition<B extends { kind: string }, C extends object = object> {
  kind: B['kind'];
  /** What a voter submits, e.g. `{ projects: [...] }`: the one key it is given under, and its schema. */
  choices: { key: string; schema: z.ZodType<C> };
  /** Counting rules that can count this kind (points need points, Borda needs rankings). */
  countingRules: readonly RuleName[];
  /** What the round's ballot rules need for this kind beyond the common ones. */
  ruleIssues?(rules: KindRules): Array<{ path: string; message: string }>;
  /** The proposal ids the choices name, in the voter's order. */
  chosen(choices: C): string[];
  /** Checked before the common limits (count, cost): a message when the selection cannot be this kind's. */
  checkSelection?(chosen: string[]): string | undefined;
  /** After the common checks: the ballot, or why the choices are refused. */
  toBallot(chosen: string[], choices: C, rules: KindRules): KindCheck<B>;
  /** The proposal ids a stored ballot lists. */
  listed(ballot: B): string[];
  counting: {
    values: EntryValues;
    /** Resolves ids to indices and drops repeated projects; equal ballots must normalise equally. */
    normalise(ballot: B, indexOf: ReadonlyMap<string, number>): NormalisedBallot;
  };
  pabulib: {
    /** VOTES columns this kind needs besides `voter_id` and `vote`. */
    columns: readonly string[];
    read(vote: PabulibVote): B;
    /** The values of `columns` for one ballot. */
    write(ballot: B): string[];
  };
}
