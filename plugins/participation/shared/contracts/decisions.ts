import type { Paginated, Single } from './common';
import type { DecimalString } from './budget-lines';

export type DecisionKind = 'approve' | 'amend' | 'reject' | 'fund' | 'defer';

export type DecisionSubject =
  | { kind: 'budget-line'; code: string; fiscalYear: number }
  | { kind: 'proposal'; documentId: string }
  | { kind: 'round'; documentId: string };
export type DecisionSubjectKind = DecisionSubject['kind'];

/** A municipal decision exactly as it is hashed into the log. */
export interface Decision {
  municipalityCode: string;
  kind: DecisionKind;
  subject: DecisionSubject;
  /** Required for approve, amend and fund. */
  amount: DecimalString | null;
  /** The line the amount is charged to; for a budget-line subject, that line unless another is named. */
  budgetLine: { code: string; fiscalYear: number } | null;
  /** The council's reference, e.g. "VKB nr. 45". */
  councilDecisionReference: string;
  /** YYYY-MM-DD */
  decisionDate: string;
  /** Plain text. */
  rationale: string;
  /** Sequence number of the earlier entry this one corrects. */
  correctsEntry: number | null;
}

/** Body of `POST /municipalities/:municipalityCode/decisions` (`{ data: DecisionInput }`). */
export interface DecisionInput {
  kind: DecisionKind;
  subject: DecisionSubject;
  amount?: DecimalString | number;
  budgetLine?: { code: string; fiscalYear: number };
  councilDecisionReference: string;
  decisionDate: string;
  rationale: string;
  correctsEntry?: number;
}

/**
 * One entry of a municipality's decision log. `hash` is the SHA-256 (hex) of the canonical JSON
 * (RFC 8785) of `{ sequence, previousHash, decision, publishedAt }`; the first entry's `previousHash`
 * is 64 zeros.
 */
export interface DecisionLogEntry {
  sequence: number;
  previousHash: string;
  hash: string;
  /** ISO 8601 instant, as hashed. */
  publishedAt: string;
  decision: Decision;
}

export interface DecisionLogProblem {
  sequence: number;
  problem: 'missing' | 'reordered' | 'altered' | 'broken-link' | 'head-not-found';
  message: string;
}

export interface DecisionLogVerification {
  valid: boolean;
  entries: number;
  headHash: string | null;
  firstProblem?: DecisionLogProblem;
}

export namespace PublishDecision {
  export interface Body {
    data: DecisionInput;
  }
  export type Response = Single<DecisionLogEntry>;
}

export namespace ListDecisions {
  export interface Query {
    subjectKind?: DecisionSubjectKind;
    sort?: 'sequence' | '-sequence';
    page?: number;
    pageSize?: number;
  }
  export type Response = Paginated<DecisionLogEntry>;
}

export namespace GetDecision {
  export type Response = Single<DecisionLogEntry>;
}

export namespace VerifyDecisionLog {
  export type Response = Single<DecisionLogVerification>;
}

/** `GET /municipalities/:municipalityCode/decision-log/export`: the whole chain, for offline verification. */
export interface DecisionLogExport {
  format: 'participation-decision-log/1';
  municipalityCode: string;
  exportedAt: string;
  headHash: string | null;
  entries: DecisionLogEntry[];
}

export type MilestoneStatus = 'planned' | 'in_progress' | 'done' | 'delayed' | 'cancelled';

export interface Milestone {
  title: string;
  /** YYYY-MM-DD */
  dueDate: string;
  /** YYYY-MM-DD; set exactly when the status is done. */
  doneDate: string | null;
  status: MilestoneStatus;
}

/** How a funded proposal is being carried out; its funding is read from the decision log. */
export interface ProjectImplementation {
  proposalDocumentId: string;
  municipalityCode: string;
  /** From the latest fund (or amend) decision that still counts; null when the proposal is not funded. */
  funding: { amount: DecimalString; budgetLine: { code: string; fiscalYear: number }; decisionEntry: number } | null;
  spent: DecimalString;
  progressPercent: number;
  milestones: Milestone[];
  /** When staff last updated it; null before the first update. */
  updatedAt: string | null;
}

export namespace GetImplementation {
  export type Response = Single<ProjectImplementation>;
}

/** Body of `PUT /municipalities/:municipalityCode/proposals/:proposalId/implementation` (the whole state). */
export namespace UpdateImplementation {
  export interface Body {
    data: { progressPercent: number; spent: DecimalString | number; milestones: Milestone[] };
  }
  export type Response = Single<ProjectImplementation>;
}

/** `GET /budget-lines/:documentId/participatory-spending`: what participatory projects commit to and spend from a line. */
export interface ParticipatorySpending {
  budgetLine: { documentId: string; municipalityCode: string; code: string; fiscalYear: number };
  committed: DecimalString;
  spent: DecimalString;
  projects: Array<{ proposalDocumentId: string; title: string; committed: DecimalString; spent: DecimalString; progressPercent: number }>;
}

export namespace GetParticipatorySpending {
  export type Response = Single<ParticipatorySpending>;
}
