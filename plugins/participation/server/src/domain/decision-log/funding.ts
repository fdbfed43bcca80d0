import Decimal from 'decimal.js';

/** What funding needs to know of a logged decision (see shared/contracts/decisions.ts). */
export interface FundingDecision {
  kind: string;
  subject: { kind: string; documentId?: string };
  amount: string | null;
  budgetLine: { code: string; fiscalYear: number } | null;
  correctsEntry: number | null;
}

export interface ProposalFunding {
  /** Decimal string, as in the decision. */
  amount: string;
  budgetLine: { code: string; fiscalYear: number };
  /** The entry that last set the amount or the line. */
  decisionEntry: number;
}

/**
 * Which proposals are funded now, read from a municipality's log in order. An entry that a later
 * entry corrects no longer counts. `fund` funds a proposal; `amend` changes a funded proposal's amount
 * or line; `reject` and `defer` withdraw the funding; `approve` alone commits no money.
 */
export const currentFunding = (entries: ReadonlyArray<{ sequence: number; decision: FundingDecision }>): Map<string, ProposalFunding> => {
  const corrected = new Set(entries.map((entry) => entry.decision.correctsEntry).filter((sequence) => sequence !== null));
  const funding = new Map<string, ProposalFunding>();
  for (const { sequence, decision } of entries) {
    const proposalId = decision.subject.kind === 'proposal' ? decision.subject.documentId : undefined;
    if (!proposalId || corrected.has(sequence)) continue;
    const funded = funding.get(proposalId);
    if (decision.kind === 'fund' && decision.amount !== null && decision.budgetLine) {
      funding.set(proposalId, { amount: decision.amount, budgetLine: decision.budgetLine, decisionEntry: sequence });
    } else if (decision.kind === 'amend' && funded) {
      funding.set(proposalId, {
        amount: decision.amount ?? funded.amount,
        budgetLine: decision.budgetLine ?? funded.budgetLine,
        decisionEntry: sequence,
      });
    } else if (decision.kind === 'reject' || decision.kind === 'defer') {
      funding.delete(proposalId);
    }
  }
  return funding;
};

/** Funding charged to one budget line, with the total committed to it. */
export const fundingOnLine = (funding: Map<string, ProposalFunding>, line: { code: string; fiscalYear: number }) => {
  const projects = [...funding].filter(([, { budgetLine }]) => budgetLine.code === line.code && budgetLine.fiscalYear === line.fiscalYear);
  const committed = projects.reduce((total, [, { amount }]) => total.plus(amount), new Decimal(0)).toFixed(2);
  return { projects, committed };
};
