import { createHash } from 'crypto';
import { entryHash, GENESIS_HASH, sealNextEntry, verifyChain, type ChainEntry } from './chain';

const chainOf = (count: number): ChainEntry[] => {
  const entries: ChainEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    entries.push(sealNextEntry(entries.at(-1) ?? null, { kind: 'fund', amount: `${index + 1}000.00` }, `2026-03-0${index + 1}T10:00:00.000Z`));
  }
  return entries;
};

describe('sealNextEntry', () => {
  it('starts at 1 from the genesis hash and links every entry to the one before', () => {
    const [first, second] = chainOf(2);
    expect(first).toMatchObject({ sequence: 1, previousHash: GENESIS_HASH });
    expect(second).toMatchObject({ sequence: 2, previousHash: first.hash });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the canonical JSON of sequence, previous hash, decision and publication time', () => {
    const entry = sealNextEntry(null, { b: 2, a: 1 }, '2026-03-01T10:00:00.000Z');
    const text = `{"decision":{"a":1,"b":2},"previousHash":"${GENESIS_HASH}","publishedAt":"2026-03-01T10:00:00.000Z","sequence":1}`;
    expect(entry.hash).toBe(createHash('sha256').update(text).digest('hex'));
    expect(entryHash(entry)).toBe(entry.hash);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and an empty one', () => {
    const entries = chainOf(4);
    expect(verifyChain(entries)).toEqual({ valid: true, entries: 4, headHash: entries[3].hash });
    expect(verifyChain([])).toEqual({ valid: true, entries: 0, headHash: null });
  });

  it('finds an entry whose content was changed', () => {
    const entries = chainOf(4);
    entries[2] = { ...entries[2], decision: { kind: 'fund', amount: '9999.00' } };
    expect(verifyChain(entries).firstProblem).toMatchObject({ sequence: 3, problem: 'altered' });
  });

  it('finds an entry rewritten with a fresh hash: the next one no longer links to it', () => {
    const entries = chainOf(4);
    const { hash, ...rest } = { ...entries[1], decision: { kind: 'reject' } };
    entries[1] = { ...rest, hash: entryHash(rest) };
    expect(verifyChain(entries).firstProblem).toMatchObject({ sequence: 3, problem: 'broken-link' });
  });

  it('finds a removed entry', () => {
    const entries = chainOf(4);
    entries.splice(1, 1);
    expect(verifyChain(entries)).toMatchObject({ valid: false, entries: 3, firstProblem: { sequence: 2, problem: 'missing' } });
  });

  it('finds swapped entries', () => {
    const entries = chainOf(4);
    [entries[1], entries[2]] = [entries[2], entries[1]];
    expect(verifyChain(entries).firstProblem).toMatchObject({ sequence: 2, problem: 'reordered' });
  });

  it('finds entries cut from the end when given a head seen earlier, and accepts a chain that grew since', () => {
    const entries = chainOf(4);
    expect(verifyChain(entries.slice(0, 3), entries[3].hash).firstProblem).toMatchObject({ sequence: 4, problem: 'head-not-found' });
    expect(verifyChain(entries, entries[1].hash).valid).toBe(true);
  });
});
