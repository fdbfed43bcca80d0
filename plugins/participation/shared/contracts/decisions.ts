import { z } from 'zod';
import { decimalStringSchema, paginated, single, writtenLanguageAnswerSchema, type PageQuery } from './common';
import { budgetLineSchema, type DecimalString } from './budget-lines';
import { DECISION_KINDS, DECISION_SUBJECT_KINDS, type DecisionKind, type DecisionSubjectKind } from '../../server/src/domain/decision-log/decision-kinds';
import { MILESTONE_STATUSES, type MilestoneStatus } from '../../server/src/domain/implementation/milestones';

export type { DecisionKind, DecisionSubjectKind, MilestoneStatus };
const decisionKindSchema = z.enum(DECISION_KINDS);

const budgetLineRefSchema = z.strictObject({ code: z.string(), fiscalYear: z.number().int() });

export const decisionSubjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('budget-line'), ...budgetLineRefSchema.shape }),
  z.strictObject({ kind: z.literal('proposal'), documentId: z.string() }),
  z.strictObject({ kind: z.literal('round'), documentId: z.string() }),
]);
export type DecisionSubject = z.infer<typeof decisionSubjectSchema>;

/** A municipal decision exactly as it is hashed into the log. */
export const decisionSchema = z.strictObject({
  municipalityCode: z.string(),
  kind: decisionKindSchema,
  subject: decisionSubjectSchema,
  /** Required for approve, amend and fund. */
  amount: decimalStringSchema.nullable(),
  /** The line the amount is charged to; for a budget-line subject, that line unless another is named. */
  budgetLine: budgetLineRefSchema.nullable(),
  /** The council's reference, e.g. "VKB nr. 45". */
  councilDecisionReference: z.string(),
  /** YYYY-MM-DD */
  decisionDate: z.string(),
  /** Plain text. */
  rationale: z.string(),
  /** Sequence number of the earlier entry this one corrects. */
  correctsEntry: z.number().int().nullable(),
});
export type Decision = z.infer<typeof decisionSchema>;

export interface DecisionInput {
  kind: DecisionKind;
  subject: DecisionSubject;
  amount?: DecimalString | number;
  budgetLine?: z.infer<typeof budgetLineRefSchema>;
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
export const decisionLogEntrySchema = z.strictObject({
  sequence: z.number().int().min(1),
  hashRule: z.union([z.literal(1), z.literal(2)]),
  previousHash: z.string(),
  hash: z.string(),
  /** ISO 8601 instant, as hashed. */
  publishedAt: z.string(),
  /** The columns the log is searched by; each follows from the decision. */
  municipalityCode: z.string(),
  decisionKind: decisionKindSchema,
  subjectKind: z.enum(DECISION_SUBJECT_KINDS),
  /** The subject's documentId, or `<fiscalYear>/<code>` for a budget line. */
  subjectRef: z.string(),
  correctsEntry: z.number().int().nullable(),
  decision: decisionSchema,
});
export type DecisionLogEntry = z.infer<typeof decisionLogEntrySchema>;

/**
 * A signed checkpoint: the log's size and head hash at `issuedAt`, signed with Ed25519 (base64url) over the
 * canonical JSON of `{ context: "participation-decision-log-checkpoint/1", municipalityCode, size, headHash,
 * issuedAt }` by the key `GET /decision-log/signing-key` publishes. One is issued with every entry.
 */
export const decisionLogCheckpointSchema = z.strictObject({
  municipalityCode: z.string(),
  size: z.number().int().min(0),
  headHash: z.string(),
  issuedAt: z.string(),
  /** SHA-256 (hex) of the signing key's public SPKI DER form. */
  keyId: z.string(),
  signature: z.string(),
});
export type DecisionLogCheckpoint = z.infer<typeof decisionLogCheckpointSchema>;

export const decisionLogProblemSchema = z.strictObject({
  sequence: z.number().int(),
  problem: z.enum(['missing', 'reordered', 'altered', 'broken-link', 'head-not-found', 'rewritten', 'truncated']),
  message: z.string(),
});
export type DecisionLogProblem = z.infer<typeof decisionLogProblemSchema>;

export const decisionLogVerificationSchema = z.strictObject({
  valid: z.boolean(),
  entries: z.number().int().min(0),
  headHash: z.string().nullable(),
  firstProblem: decisionLogProblemSchema.optional(),
});
export type DecisionLogVerification = z.infer<typeof decisionLogVerificationSchema>;

export const publishDecisionAnswerSchema = single(decisionLogEntrySchema).extend({ meta: z.strictObject({ checkpoint: decisionLogCheckpointSchema }) });
export const decisionLogPageSchema = paginated(decisionLogEntrySchema);
export const decisionLogEntryAnswerSchema = single(decisionLogEntrySchema);
export const signingKeySchema = z.strictObject({ algorithm: z.literal('Ed25519'), keyId: z.string(), publicKey: z.string() });

export namespace PublishDecision {
  export interface Body {
    data: DecisionInput;
  }
  /** `meta.checkpoint`: the checkpoint signed with the entry, worth keeping. */
  export type Response = z.infer<typeof publishDecisionAnswerSchema>;
}

export namespace ListDecisions {
  export interface Query extends PageQuery {
    subjectKind?: DecisionSubjectKind;
    sort?: 'sequence' | '-sequence';
  }
  export type Response = z.infer<typeof decisionLogPageSchema>;
}

export namespace GetDecision {
  export type Response = z.infer<typeof decisionLogEntryAnswerSchema>;
}

export namespace VerifyDecisionLog {
  /** A kept checkpoint to verify against: all four or none. */
  export interface Query {
    size?: number;
    headHash?: string;
    issuedAt?: string;
    signature?: string;
  }
  export type Response = { data: DecisionLogVerification };
}

/** `GET /municipalities/:municipalityCode/decision-log/checkpoint[?size=N]`: the latest, or the one issued at size N. */
export namespace GetDecisionLogCheckpoint {
  export type Response = { data: DecisionLogCheckpoint };
}

/** `GET /decision-log/signing-key`: the public key that signs every municipality's checkpoints. */
export namespace GetDecisionLogSigningKey {
  export type Response = { data: z.infer<typeof signingKeySchema> };
}

/**
 * `GET /municipalities/:municipalityCode/decision-log/export`: the whole chain, for offline verification,
 * with the checkpoint signed at its size (null for a log written before checkpoints, until its next entry).
 * Format 1 entries had neither `hashRule` nor the columns.
 */
export const decisionLogExportSchema = z.strictObject({
  format: z.literal('participation-decision-log/2'),
  municipalityCode: z.string(),
  exportedAt: z.string(),
  headHash: z.string().nullable(),
  checkpoint: decisionLogCheckpointSchema.nullable(),
  entries: z.array(decisionLogEntrySchema),
});
export type DecisionLogExport = z.infer<typeof decisionLogExportSchema>;

export const milestoneSchema = z.strictObject({
  title: z.string(),
  /** YYYY-MM-DD */
  dueDate: z.string(),
  /** YYYY-MM-DD; set exactly when the status is done. */
  doneDate: z.string().nullable(),
  status: z.enum(MILESTONE_STATUSES),
});
export type Milestone = z.infer<typeof milestoneSchema>;

/** How a funded proposal is being carried out; its funding is read from the decision log. */
export const projectImplementationSchema = z.strictObject({
  proposalDocumentId: z.string(),
  municipalityCode: z.string(),
  /** From the latest fund (or amend) decision that still counts; null when the proposal is not funded. */
  funding: z.strictObject({ amount: decimalStringSchema, budgetLine: budgetLineRefSchema, decisionEntry: z.number().int() }).nullable(),
  spent: decimalStringSchema,
  progressPercent: z.number().int().min(0).max(100),
  milestones: z.array(milestoneSchema),
  /** When staff last updated it; null before the first update. */
  updatedAt: z.string().nullable(),
});
export type ProjectImplementation = z.infer<typeof projectImplementationSchema>;

export namespace GetImplementation {
  export type Response = { data: ProjectImplementation };
}

/** Body of `PUT /municipalities/:municipalityCode/proposals/:proposalId/implementation` (the whole state). */
export namespace UpdateImplementation {
  export interface Body {
    data: { progressPercent: number; spent: DecimalString | number; milestones: Milestone[] };
  }
  export type Response = { data: ProjectImplementation };
}

/** `GET /budget-lines/:documentId/participatory-spending`: what participatory projects commit to and spend from a line. */
export const participatorySpendingSchema = z.strictObject({
  budgetLine: budgetLineSchema.pick({ documentId: true, municipalityCode: true, code: true, fiscalYear: true }),
  committed: decimalStringSchema,
  spent: decimalStringSchema,
  projects: z.array(
    z.strictObject({
      proposalDocumentId: z.string(),
      title: z.string(),
      language: writtenLanguageAnswerSchema,
      committed: decimalStringSchema,
      spent: decimalStringSchema,
      progressPercent: z.number().int(),
    })
  ),
});
export type ParticipatorySpending = z.infer<typeof participatorySpendingSchema>;

export namespace GetParticipatorySpending {
  export type Response = { data: ParticipatorySpending };
}
