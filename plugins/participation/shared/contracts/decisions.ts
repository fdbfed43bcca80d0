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
 * (RFC 8785) of the entry's hashed fields; the first entry's `previousHash` is 64 zeros. Under
 * `hashRule` 2 the hashed fields are every field below but `hash`; entries sealed before 2026-12-05 have
 * `hashRule` 1: `{ sequence, previousHash, decision, publishedAt }`, and their other fields must be what
 * their decision gives. See docs/decisions.md.
 */
export interface DecisionLogEntry {
  sequence: number;
  hashRule: 1 | 2;
  previousHash: string;
  hash: string;
  /** ISO 8601 instant, as hashed. */
  publishedAt: string;
  /** The columns the log is searched by; each follows from the decision. */
  municipalityCode: string;
  decisionKind: DecisionKind;
  subjectKind: DecisionSubjectKind;
  /** The subject's documentId, or `<fiscalYear>/<code>` for a budget line. */
  subjectRef: string;
  correctsEntry: number | null;
  decision: Decision;
}

/**
 * A signed checkpoint: the log's size and head hash at `issuedAt`, signed with Ed25519 (base64url) over the
 * canonical JSON of `{ context: "participation-decision-log-checkpoint/1", municipalityCode, size, headHash,
 * issuedAt }` by the key `GET /decision-log/signing-key` publishes. One is issued with every entry.
 */
export interface DecisionLogCheckpoint {
  municipalityCode: string;
  size: number;
  headHash: string;
  issuedAt: string;
  /** SHA-256 (hex) of the signing key's public SPKI DER form. */
  keyId: string;
  signature: string;
}

export interface DecisionLogProblem {
  sequence: number;
  problem: 'missing' | 'reordered' | 'altered' | 'broken-link' | 'head-not-found' | 'rewritten' | 'truncated';
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
  /** `meta.checkpoint`: the checkpoint signed with the entry, worth keeping. */
  export type Response = Single<DecisionLogEntry> & { meta: { checkpoint: DecisionLogCheckpoint } };
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
  /** A kept checkpoint to verify against: all four or none. */
  export interface Query {
    size?: number;
    headHash?: string;
    issuedAt?: string;
    signature?: string;
  }
  export type Response = Single<DecisionLogVerification>;
}

/** `GET /municipalities/:municipalityCode/decision-log/checkpoint[?size=N]`: the latest, or the one issued at size N. */
export namespace GetDecisionLogCheckpoint {
  export type Response = Single<DecisionLogCheckpoint>;
}

/** `GET /decision-log/signing-key`: the public key that signs every municipality's checkpoints. */
export namespace GetDecisionLogSigningKey {
  export type Response = Single<{ algorithm: 'Ed25519'; keyId: string; publicKey: string }>;
}

/**
 * `GET /municipalities/:municipalityCode/decision-log/export`: the whole chain, for offline verification,
 * with the checkpoint signed at its size (null for a log written before checkpoints, until its next entry).
 * Format 1 entries had neither `hashRule` nor the columns.
 */
export interface DecisionLogExport {
  format: 'participation-decision-log/2';
  municipalityCode: string;
  exportedAt: string;
  headHash: string | null;
  checkpoint: DecisionLogCheckpoint | null;
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
