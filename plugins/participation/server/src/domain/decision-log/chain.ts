import { createHash } from 'crypto';
import { canonicalJson } from './canonical-json';

/**
 * A per-municipality hash chain: every entry's hash covers its sequence number, the previous entry's
 * hash, the decision, when it was published and what is stored beside the decision to find it, so
 * changing, removing or reordering any entry breaks every hash after it.
 */

export const GENESIS_HASH = '0'.repeat(64);

/**
 * How an entry's hash is computed. Rule 1 (entries sealed before 2026-12-05): sequence, previous hash,
 * decision and publication time. Rule 2: every field of the entry but the hash itself, the rule included.
 * Old entries keep verifying under the rule they were sealed with; new entries are sealed under rule 2.
 */
export type HashRule = 1 | 2;
export const CURRENT_HASH_RULE: HashRule = 2;

/** Stored beside the decision to find entries (filters, references); each follows from the decision. */
export interface EntryColumns {
  municipalityCode: string;
  decisionKind: string;
  subjectKind: string;
  subjectRef: string;
  correctsEntry: number | null;
}

/** What the columns are derived from (see shared/contracts/decisions.ts). */
export interface LoggedDecision {
  municipalityCode: string;
  kind: string;
  subject: { kind: string; code?: string; fiscalYear?: number; documentId?: string };
  correctsEntry: number | null;
}

export interface ChainEntry<Decision = LoggedDecision> extends EntryColumns {
  hashRule: HashRule;
  sequence: number;
  previousHash: string;
  publishedAt: string;
  decision: Decision;
  hash: string;
}

export type UnsealedEntry<Decision = LoggedDecision> = Omit<ChainEntry<Decision>, 'hash'>;

export const columnsOf = (decision: LoggedDecision): EntryColumns => ({
  municipalityCode: decision.municipalityCode,
  decisionKind: decision.kind,
  subjectKind: decision.subject.kind,
  // A budget-line subject is named by year and code; the others by documentId.
  subjectRef: decision.subject.kind === 'budget-line' ? `${decision.subject.fiscalYear}/${decision.subject.code}` : String(decision.subject.documentId),
  correctsEntry: decision.correctsEntry,
});

const hashedFields = (entry: UnsealedEntry<unknown>) => {
  const { hashRule, sequence, previousHash, decision, publishedAt } = entry;
  if (hashRule === 1) return { sequence, previousHash, decision, publishedAt };
  const { municipalityCode, decisionKind, subjectKind, subjectRef, correctsEntry } = entry;
  return { hashRule, sequence, previousHash, publishedAt, municipalityCode, decisionKind, subjectKind, subjectRef, correctsEntry, decision };
};

export const entryHash = (entry: UnsealedEntry<unknown>): string =>
  createHash('sha256').update(canonicalJson(hashedFields(entry)), 'utf8').digest('hex');

/** The entry that follows `head` (null for the first entry of a chain), sealed under the current rule. */
export const sealNextEntry = <Decision extends LoggedDecision>(
  head: { sequence: number; hash: string } | null,
  decision: Decision,
  publishedAt: string
): ChainEntry<Decision> => {
  const unsealed = {
    hashRule: CURRENT_HASH_RULE,
    sequence: (head?.sequence ?? 0) + 1,
    previousHash: head?.hash ?? GENESIS_HASH,
    publishedAt,
    ...columnsOf(decision),
    decision,
  };
  return { ...unsealed, hash: entryHash(unsealed) };
};

export type ChainProblemKind = 'missing' | 'reordered' | 'altered' | 'broken-link' | 'head-not-found' | 'rewritten' | 'truncated';

export interface ChainProblem {
  /** The sequence number where the chain first goes wrong. */
  sequence: number;
  problem: ChainProblemKind;
  message: string;
}

/** A checkpoint someone kept (its signature checked by the caller: see checkpoint.ts). */
export interface KeptHead {
  size: number;
  headHash: string;
  issuedAt: string;
}

export interface ChainVerification {
  valid: boolean;
  entries: number;
  headHash: string | null;
  firstProblem?: ChainProblem;
}

/** The columns must be the ones the decision gives: a changed column is as much an alteration as a changed decision. */
const columnsAgree = (entry: ChainEntry<unknown>) => {
  try {
    const { municipalityCode, decisionKind, subjectKind, subjectRef, correctsEntry } = entry;
    return canonicalJson(columnsOf(entry.decision as LoggedDecision)) === canonicalJson({ municipalityCode, decisionKind, subjectKind, subjectRef, correctsEntry });
  } catch {
    return false;
  }
};

const findFirstProblem = (entries: readonly ChainEntry<unknown>[]): ChainProblem | undefined => {
  let previousHash = GENESIS_HASH;
  let sealedUnderRule2 = false;
  for (const [index, entry] of entries.entries()) {
    const expected = index + 1;
    if (entry.sequence !== expected) {
      const comesLater = entries.slice(index + 1).some((later) => later.sequence === expected);
      return entry.sequence > expected && !comesLater
        ? { sequence: expected, problem: 'missing', message: `entry ${expected} is missing (the next entry is ${entry.sequence})` }
        : { sequence: expected, problem: 'reordered', message: `entry ${entry.sequence} stands where entry ${expected} belongs` };
    }
    // Once entries are sealed under rule 2, a later entry cannot claim the older rule.
    const ruleAllowed = entry.hashRule === 2 || (entry.hashRule === 1 && !sealedUnderRule2);
    if (!ruleAllowed || entryHash(entry) !== entry.hash || !columnsAgree(entry)) {
      return { sequence: expected, problem: 'altered', message: `entry ${expected} does not match its hash: its content was changed` };
    }
    if (entry.previousHash !== previousHash) {
      return { sequence: expected, problem: 'broken-link', message: `entry ${expected} does not follow from entry ${expected - 1}'s hash` };
    }
    sealedUnderRule2 ||= entry.hashRule === 2;
    previousHash = entry.hash;
  }
  return undefined;
};

/** A head hash seen earlier must still be in the chain; the chain may have grown since. */
const headProblem = (entries: readonly ChainEntry<unknown>[], head: string): ChainProblem | undefined =>
  entries.some((entry) => entry.hash === head)
    ? undefined
    : {
        sequence: entries.length + 1,
        problem: 'head-not-found',
        message: `the chain does not contain the expected head ${head}: entries were removed from its end or it was rewritten`,
      };

/** The chain must have at least the checkpoint's size, and its entry at that size the signed head. */
const checkpointProblem = (entries: readonly ChainEntry<unknown>[], { size, headHash, issuedAt }: KeptHead): ChainProblem | undefined => {
  if (entries.length < size) {
    return {
      sequence: entries.length + 1,
      problem: 'truncated',
      message: `the log has ${entries.length} entries, but a checkpoint signed at ${issuedAt} covers ${size}: entries were cut from its end`,
    };
  }
  if (entries[size - 1].hash !== headHash) {
    return {
      sequence: size,
      problem: 'rewritten',
      message: `entry ${size} is not the head signed at ${issuedAt} (${headHash}): the log up to entry ${size} was rewritten`,
    };
  }
  return undefined;
};

/**
 * Walks a chain from its first entry and reports the first entry that is missing, out of order,
 * altered, or not linked to its predecessor. A chain whose later hashes were all recomputed, or whose
 * last entries were cut, is valid in itself: a head hash seen earlier (`head`) or a signed checkpoint
 * someone kept (`checkpoint`) shows that too.
 */
export const verifyChain = (
  entries: readonly ChainEntry<unknown>[],
  { head, checkpoint }: { head?: string; checkpoint?: KeptHead } = {}
): ChainVerification => {
  const firstProblem =
    findFirstProblem(entries) ??
    (head === undefined ? undefined : headProblem(entries, head)) ??
    (checkpoint === undefined ? undefined : checkpointProblem(entries, checkpoint));
  return {
    valid: firstProblem === undefined,
    entries: entries.length,
    headHash: entries.at(-1)?.hash ?? null,
    ...(firstProblem ? { firstProblem } : {}),
  };
};
