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

const FUNDING_KINDS: ReadonlySet<string> = new Set(['fund', 'amend']);
const UNFUNDING_KINDS: ReadonlySet<string> = new Set(['reject', 'defer']);

/**
 * The kinds of entry that can change funding by themselves. Any other entry (an `approve`) matters to
 * {@link currentFunding} only when it corrects another entry, so a log read for funding may leave out
 * the entries of other kinds that correct nothing and get the same answer (funding.test.ts).
 */
export const FUNDING_RELEVANT_KINDS: readonly string[] = [...FUNDING_KINDS, ...UNFUNDING_KINDS];
export const affectsFunding = (entry: { decision: { kind: string; correctsEntry: number | null } }) =>
  FUNDING_RELEVANT_KINDS.includes(entry.decision.kind) || entry.decision.correctsEntry !== null;

/**
 * A correction takes the place of the entry it corrects. When that entry funded or amended the
 * funding of a proposal, the correction keeps doing so unless it is a reject or defer: it funds from
 * its own amount and line where it states them and from the corrected entry's otherwise. So an
 * `amend` (or `approve`) that corrects a `fund` entry's amount leaves the proposal funded.
 */
const asCorrection = (decision: FundingDecision, corrected: FundingDecision | undefined): FundingDecision =>
  corrected && FUNDING_KINDS.has(corrected.kind) && !UNFUNDING_KINDS.has(decision.kind)
    ? { ...decision, kind: corrected.kind, amount: decision.amount ?? corrected.amount, budgetLine: decision.budgetLine ?? corrected.budgetLine }
    : decision;

/**
 * Which proposals are funded now, read from a municipality's log in order. An entry that a later
 * entry corrects no longer counts; the correction counts at its own place, read as `asCorrection`
 * says. `fund` funds a proposal; `amend` changes a funded proposal's amount or line; `reject` and
 * `defer` withdraw the funding; `approve` alone commits no money. The rules: docs/decisions.md.
 */
export const currentFunding = (entries: ReadonlyArray<{ sequence: number; decision: FundingDecision }>): Map<string, ProposalFunding> => {
  const corrected = new Set(entries.map((entry) => entry.decision.correctsEntry).filter((sequence) => sequence !== null));
  // Each entry as it counts, so a correction of a correction inherits through the whole chain.
  const effective = new Map<number, FundingDecision>();
  const funding = new Map<string, ProposalFunding>();
  for (const { sequence, decision: logged } of entries) {
    const decision = logged.correctsEntry === null ? logged : asCorrection(logged, effective.get(logged.correctsEntry));
    effective.set(sequence, decision);
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
    } else if (UNFUNDING_KINDS.has(decision.kind)) {
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
