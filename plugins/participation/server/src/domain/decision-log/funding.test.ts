import { affectsFunding, currentFunding, fundingOnLine, type FundingDecision } from './funding';

const LINE = { code: '0950-01', fiscalYear: 2026 };
const OTHER_LINE = { code: '1040-01', fiscalYear: 2026 };
const decision = (kind: string, documentId: string, extra: Partial<FundingDecision> = {}): FundingDecision => ({
  kind,
  subject: { kind: 'proposal', documentId },
  amount: null,
  budgetLine: null,
  correctsEntry: null,
  ...extra,
});
const log = (...decisions: FundingDecision[]) => decisions.map((entry, index) => ({ sequence: index + 1, decision: entry }));

describe('currentFunding', () => {
  it('funds a proposal with the amount and line of its fund decision', () => {
    const funding = currentFunding(log(decision('approve', 'p1', { amount: '10.00' }), decision('fund', 'p1', { amount: '100.00', budgetLine: LINE })));
    expect(funding).toEqual(new Map([['p1', { amount: '100.00', budgetLine: LINE, decisionEntry: 2 }]]));
  });

  it('lets an amendment change the amount or line of a funded proposal, and ignores one of an unfunded proposal', () => {
    const funding = currentFunding(
      log(decision('fund', 'p1', { amount: '100.00', budgetLine: LINE }), decision('amend', 'p1', { amount: '120.00' }), decision('amend', 'p2', { amount: '5.00' }))
    );
    expect(funding).toEqual(new Map([['p1', { amount: '120.00', budgetLine: LINE, decisionEntry: 2 }]]));
  });

  it('withdraws funding on reject or defer', () => {
    expect(currentFunding(log(decision('fund', 'p1', { amount: '1.00', budgetLine: LINE }), decision('defer', 'p1'))).size).toBe(0);
  });

  it('no longer counts an entry that a later entry corrects', () => {
    const funding = currentFunding(
      log(
        decision('fund', 'p1', { amount: '100.00', budgetLine: LINE }),
        // Entry 1 named the wrong proposal: entry 2 corrects it.
        decision('fund', 'p2', { amount: '100.00', budgetLine: LINE, correctsEntry: 1 })
      )
    );
    expect([...funding.keys()]).toEqual(['p2']);
  });

  it('keeps the funding of a fund entry that an amend corrects, with the amend\'s amount and the fund\'s line', () => {
    const funding = currentFunding(log(decision('fund', 'p1', { amount: '100.00', budgetLine: LINE }), decision('amend', 'p1', { amount: '90.00', correctsEntry: 1 })));
    expect(funding).toEqual(new Map([['p1', { amount: '90.00', budgetLine: LINE, decisionEntry: 2 }]]));
    const rejected = log(decision('fund', 'p1', { amount: '100.00', budgetLine: LINE }), decision('reject', 'p1', { correctsEntry: 1 }));
    expect(currentFunding(rejected).size).toBe(0);
  });

  it('leaves decisions on rounds and budget lines out', () => {
    const onRound = { ...decision('fund', 'r1', { amount: '1.00', budgetLine: LINE }), subject: { kind: 'round', documentId: 'r1' } };
    expect(currentFunding(log(onRound)).size).toBe(0);
  });
});

describe('affectsFunding', () => {
  it('leaves out only entries whose absence changes no funding', () => {
    const entries = log(
      decision('approve', 'a'),
      decision('fund', 'a', { amount: '100.00', budgetLine: LINE }),
      decision('approve', 'b'),
      // An approval that corrects the fund entry keeps the proposal funded, with its own amount.
      decision('approve', 'a', { amount: '90.00', correctsEntry: 2 }),
      decision('fund', 'c', { amount: '5.00', budgetLine: OTHER_LINE }),
      decision('approve', 'c'),
      decision('amend', 'c', { amount: '6.00' }),
      decision('fund', 'd', { amount: '1.00', budgetLine: LINE }),
      decision('defer', 'd'),
      // A correction of a correction, and an approval correcting a plain approval.
      decision('amend', 'a', { amount: '80.00', correctsEntry: 4 }),
      decision('approve', 'b', { correctsEntry: 3 })
    );
    const kept = entries.filter(affectsFunding);
    expect(kept.map((entry) => entry.sequence)).toEqual([2, 4, 5, 7, 8, 9, 10, 11]);
    expect(currentFunding(kept)).toEqual(currentFunding(entries));
    expect(currentFunding(entries).get('a')).toMatchObject({ amount: '80.00', decisionEntry: 10 });
  });
});

describe('fundingOnLine', () => {
  it('sums exactly what the projects funded from one line commit to it', () => {
    const funding = currentFunding(
      log(
        decision('fund', 'p1', { amount: '0.10', budgetLine: LINE }),
        decision('fund', 'p2', { amount: '0.20', budgetLine: LINE }),
        decision('fund', 'p3', { amount: '5.00', budgetLine: OTHER_LINE })
      )
    );
    const onLine = fundingOnLine(funding, LINE);
    expect(onLine.committed).toBe('0.30');
    expect(onLine.projects.map(([id]) => id)).toEqual(['p1', 'p2']);
  });
});
