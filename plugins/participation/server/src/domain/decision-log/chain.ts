import { createHash } from 'crypto';
import { canonicalJson } from './canonical-json';

/**
 * A per-municipality hash chain: every entry's hash covers its sequence number, the previous entry's
 * hash, the decision and when it was published, so changing, removing or reordering any entry breaks
 * every hash after it.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainEntry<Decision = unknown> {
  sequence: number;
  previousHash: string;
  publishedAt: string;
  decision: Decision;
  hash: string;
}

export type UnsealedEntry<Decision = unknown> = Omit<ChainEntry<Decision>, 'hash'>;

export const entryHash = ({ sequence, previousHash, decision, publishedAt }: UnsealedEntry): string =>
  createHash('sha256').update(canonicalJson({ sequence, previousHash, decision, publishedAt }), 'utf8').digest('hex');

/** The entry that follows `head` (null for the first entry of a chain). */
export const sealNextEntry = <Decision>(
  head: { sequence: number; hash: string } | null,
  decision: Decision,
  publishedAt: string
): ChainEntry<Decision> => {
  const unsealed = { sequence: (head?.sequence ?? 0) + 1, previousHash: head?.hash ?? GENESIS_HASH, publishedAt, decision };
  return { ...unsealed, hash: entryHash(unsealed) };
};

export type ChainProblemKind = 'missing' | 'reordered' | 'altered' | 'broken-link' | 'head-not-found';

export interface ChainProblem {
  /** The sequence number where the chain first goes wrong. */
  sequence: number;
  problem: ChainProblemKind;
  message: string;
}

export interface ChainVerification {
  valid: boolean;
  entries: number;
  headHash: string | null;
  firstProblem?: ChainProblem;
}

const findFirstProblem = (entries: readonly ChainEntry[], expectedHeadHash?: string): ChainProblem | undefined => {
  let previousHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const expected = index + 1;
    if (entry.sequence !== expected) {
      const comesLater = entries.slice(index + 1).some((later) => later.sequence === expected);
      return entry.sequence > expected && !comesLater
        ? { sequence: expected, problem: 'missing', message: `entry ${expected} is missing (the next entry is ${entry.sequence})` }
        : { sequence: expected, problem: 'reordered', message: `entry ${entry.sequence} stands where entry ${expected} belongs` };
    }
    if (entryHash(entry) !== entry.hash) {
      return { sequence: expected, problem: 'altered', message: `entry ${expected} does not match its hash: its content was changed` };
    }
    if (entry.previousHash !== previousHash) {
      return { sequence: expected, problem: 'broken-link', message: `entry ${expected} does not follow from entry ${expected - 1}'s hash` };
    }
    previousHash = entry.hash;
  }
  // A head published earlier must still be in the chain; the chain may have grown since.
  if (expectedHeadHash !== undefined && !entries.some((entry) => entry.hash === expectedHeadHash)) {
    return {
      sequence: entries.length + 1,
      problem: 'head-not-found',
      message: `the chain does not contain the expected head ${expectedHeadHash}: entries were removed from its end or it was rewritten`,
    };
  }
  return undefined;
};

/**
 * Walks a chain from its first entry and reports the first entry that is missing, out of order,
 * altered, or not linked to its predecessor. Entries removed from the end leave a shorter chain that
 * is valid in itself: pass a head hash seen earlier (`expectedHeadHash`) to detect that too.
 */
export const verifyChain = (entries: readonly ChainEntry[], expectedHeadHash?: string): ChainVerification => {
  const firstProblem = findFirstProblem(entries, expectedHeadHash);
  return {
    valid: firstProblem === undefined,
    entries: entries.length,
    headHash: entries.at(-1)?.hash ?? null,
    ...(firstProblem ? { firstProblem } : {}),
  };
};
