import { createHash } from 'crypto';
import { canonicalJson } from './canonical-json';
import { entryHash, GENESIS_HASH, sealNextEntry, verifyChain, type ChainEntry, type LoggedDecision } from './chain';

const decisionFor = (index: number, extra: Partial<LoggedDecision> & Record<string, unknown> = {}) => ({
  municipalityCode: 'SHK',
  kind: 'fund',
  subject: { kind: 'proposal', documentId: `p${index}` },
  correctsEntry: null,
  amount: `${index}000.00`,
  ...extra,
});

const chainOf = (count: number): ChainEntry[] => {
  const entries: ChainEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    entries.push(sealNextEntry(entries.at(-1) ?? null, decisionFor(index + 1), `2026-03-0${index + 1}T10:00:00.000Z`));
  }
  return entries;
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** An entry sealed under hash rule 1, as entries were before 2026-12-05. */
const ruleOneEntry = (head: ChainEntry | null, decision: LoggedDecision, publishedAt: string): ChainEntry => {
  const sealed = sealNextEntry(head, decision, publishedAt);
  const { sequence, previousHash } = sealed;
  return { ...sealed, hashRule: 1, hash: sha256(canonicalJson({ sequence, previousHash, decision, publishedAt })) };
};

/** Rewrites entry `index` and recomputes every later hash, as an operator with the database could. */
const rewrite = (entries: ChainEntry[], index: number, decision: LoggedDecision) => {
  const rewritten = entries.slice(0, index);
  for (const [offset, entry] of entries.slice(index).entries()) {
    rewritten.push(sealNextEntry(rewritten.at(-1) ?? null, offset === 0 ? decision : entry.decision, entry.publishedAt));
  }
  return rewritten;
};

describe('sealNextEntry', () => {
  it('starts at 1 from the genesis hash and links every entry to the one before', () => {
    const [first, second] = chainOf(2);
    expect(first).toMatchObject({ sequence: 1, hashRule: 2, previousHash: GENESIS_HASH });
    expect(second).toMatchObject({ sequence: 2, previousHash: first.hash });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes the columns from the decision', () => {
    const entry = sealNextEntry(null, decisionFor(1, { kind: 'approve', subject: { kind: 'budget-line', code: '0950-01', fiscalYear: 2026 }, correctsEntry: 3 }), '2026-03-01T10:00:00.000Z');
    expect(entry).toMatchObject({ municipalityCode: 'SHK', decisionKind: 'approve', subjectKind: 'budget-line', subjectRef: '2026/0950-01', correctsEntry: 3 });
  });

  it('hashes under rule 2 the canonical JSON of every field but the hash, the rule and the columns included', () => {
    const decision = decisionFor(1);
    const entry = sealNextEntry(null, decision, '2026-03-01T10:00:00.000Z');
    const text =
      `{"correctsEntry":null,"decision":${canonicalJson(decision)},"decisionKind":"fund","hashRule":2,"municipalityCode":"SHK",` +
      `"previousHash":"${GENESIS_HASH}","publishedAt":"2026-03-01T10:00:00.000Z","sequence":1,"subjectKind":"proposal","subjectRef":"p1"}`;
    expect(entry.hash).toBe(sha256(text));
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
    entries[2] = { ...entries[2], decision: decisionFor(3, { amount: '9999.00' }) };
    expect(verifyChain(entries).firstProblem).toMatchObject({ sequence: 3, problem: 'altered' });
  });

  it.each([
    ['subjectKind', 'round'],
    ['subjectRef', 'p9'],
    ['decisionKind', 'reject'],
    ['municipalityCode', 'KOR'],
    ['correctsEntry', 1],
  ])('finds an entry whose %s column was changed', (column, value) => {
    const entries = chainOf(3);
    entries[1] = { ...entries[1], [column]: value };
    expect(verifyChain(entries).firstProblem).toMatchObject({ sequence: 2, problem: 'altered' });
  });

  it('keeps verifying entries sealed under rule 1, whose columns must still follow from their decision', () => {
    const first = ruleOneEntry(null, decisionFor(1), '2026-03-01T10:00:00.000Z');
    const second = ruleOneEntry(first, decisionFor(2), '2026-03-02T10:00:00.000Z');
    const third = sealNextEntry(second, decisionFor(3), '2026-03-03T10:00:00.000Z');
    expect(verifyChain([first, second, third])).toMatchObject({ valid: true, entries: 3 });
    // Rule 1 does not hash subjectKind: the column is checked against the hashed decision instead.
    expect(verifyChain([first, { ...second, subjectKind: 'round' }, third]).firstProblem).toMatchObject({ sequence: 2, problem: 'altered' });
  });

  it('refuses an entry that claims rule 1 after rule 2 entries, or a rule it does not know', () => {
    const first = sealNextEntry(null, decisionFor(1), '2026-03-01T10:00:00.000Z');
    const downgraded = ruleOneEntry(first, decisionFor(2), '2026-03-02T10:00:00.000Z');
    expect(verifyChain([first, downgraded]).firstProblem).toMatchObject({ sequence: 2, problem: 'altered' });
    expect(verifyChain([{ ...first, hashRule: 3 as never }]).firstProblem).toMatchObject({ sequence: 1, problem: 'altered' });
  });

  it('finds an entry rewritten with a fresh hash: the next one no longer links to it', () => {
    const entries = chainOf(4);
    const { hash, ...rest } = { ...entries[1], decision: decisionFor(2, { kind: 'reject' }), decisionKind: 'reject' };
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
    expect(verifyChain(entries.slice(0, 3), { head: entries[3].hash }).firstProblem).toMatchObject({ sequence: 4, problem: 'head-not-found' });
    expect(verifyChain(entries, { head: entries[1].hash }).valid).toBe(true);
  });

  describe('against a kept checkpoint', () => {
    const entries = chainOf(5);
    const keptAt = (size: number) => ({ size, headHash: entries[size - 1].hash, issuedAt: entries[size - 1].publishedAt });

    it('accepts the log it was signed for and the same log grown since', () => {
      expect(verifyChain(entries.slice(0, 3), { checkpoint: keptAt(3) }).valid).toBe(true);
      expect(verifyChain(entries, { checkpoint: keptAt(3) }).valid).toBe(true);
    });

    it('finds a rewrite whose later hashes were all recomputed, which the chain alone cannot show', () => {
      const rewritten = rewrite(entries, 1, decisionFor(2, { amount: '1.00' }));
      expect(verifyChain(rewritten).valid).toBe(true);
      expect(verifyChain(rewritten, { checkpoint: keptAt(4) }).firstProblem).toMatchObject({ sequence: 4, problem: 'rewritten' });
      // A checkpoint from before the rewritten entry cannot see it.
      expect(verifyChain(rewritten, { checkpoint: keptAt(1) }).valid).toBe(true);
    });

    it('finds entries cut from the end, even when new ones were appended in their place', () => {
      expect(verifyChain(entries.slice(0, 3), { checkpoint: keptAt(5) }).firstProblem).toMatchObject({ sequence: 4, problem: 'truncated' });
      const regrown = [...entries.slice(0, 3), ...rewrite(entries.slice(0, 5), 3, decisionFor(9)).slice(3)];
      expect(verifyChain(regrown, { checkpoint: keptAt(5) }).firstProblem).toMatchObject({ sequence: 5, problem: 'rewritten' });
    });
  });
});
