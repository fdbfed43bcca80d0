import { z } from 'zod';
import { amountSchema } from '../../../domain/budget-lines/budget-line-input';
import { minorAmountSchema } from '../../../domain/proposals/proposal-input';
import { DECISION_KINDS, DECISION_KINDS_NEEDING_AMOUNT, DECISION_SUBJECT_KINDS } from '../../../domain/decision-log/decision-kinds';
import { MILESTONE_STATUSES } from '../../../domain/implementation/milestones';
import { dataBody, isoDate, pageQuery, plainText } from './common';

/** Decisions that only make sense with an amount; reject and defer may carry one. */
const NEEDS_AMOUNT: ReadonlySet<string> = new Set(DECISION_KINDS_NEEDING_AMOUNT);

const fiscalYear = z.number().int('must be a whole year').min(2000).max(2100);
const budgetLineCode = z.string().trim().min(1, 'is required').max(40);
const documentId = z.string().trim().min(1, 'is required').max(64);

export const decisionSubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('budget-line'), code: budgetLineCode, fiscalYear }).strict(),
  z.object({ kind: z.literal('proposal'), documentId }).strict(),
  z.object({ kind: z.literal('round'), documentId }).strict(),
]);

export const decisionBody = dataBody(
  z
    .object({
      kind: z.enum(DECISION_KINDS),
      subject: decisionSubjectSchema,
      amount: minorAmountSchema.optional(),
      budgetLine: z.object({ code: budgetLineCode, fiscalYear }).strict().optional(),
      councilDecisionReference: plainText(100),
      decisionDate: isoDate,
      rationale: plainText(20000),
      correctsEntry: z.number().int().min(1).optional(),
    })
    .strict()
    .superRefine((input, ctx) => {
      if (NEEDS_AMOUNT.has(input.kind) && input.amount === undefined) {
        ctx.addIssue({ code: 'custom', path: ['amount'], message: `is required for a decision to ${input.kind}` });
      }
      if (input.kind === 'fund' && !input.budgetLine && input.subject.kind !== 'budget-line') {
        ctx.addIssue({ code: 'custom', path: ['budgetLine'], message: 'name the budget line that funds it' });
      }
    })
);
export type DecisionBody = z.output<typeof decisionBody>['data'];

export const listDecisionsQuery = z
  .object({
    subjectKind: z.enum(DECISION_SUBJECT_KINDS).optional(),
    sort: z.enum(['sequence', '-sequence']).default('-sequence'),
    ...pageQuery,
  })
  .strict();

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash in hex');

/** A kept checkpoint to verify the log against: all four fields, or none. */
export const verifyLogQuery = z
  .object({
    size: z.coerce.number().int().min(1).optional(),
    headHash: sha256Hex.optional(),
    issuedAt: z.string().min(1).max(40).optional(),
    signature: z.string().min(1).max(128).optional(),
  })
  .strict()
  .superRefine((query, ctx) => {
    const given = Object.values(query).some((value) => value !== undefined);
    for (const field of ['size', 'headHash', 'issuedAt', 'signature'] as const) {
      if (given && query[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'is required with the other fields of a checkpoint' });
    }
  });

export const checkpointQuery = z.object({ size: z.coerce.number().int().min(1).optional() }).strict();

const milestoneSchema = z
  .object({
    title: plainText(200),
    dueDate: isoDate,
    doneDate: isoDate.nullable().default(null),
    status: z.enum(MILESTONE_STATUSES),
  })
  .strict()
  .superRefine((milestone, ctx) => {
    if ((milestone.status === 'done') !== (milestone.doneDate !== null)) {
      ctx.addIssue({ code: 'custom', path: ['doneDate'], message: 'is given exactly when the milestone is done' });
    }
  });

/** The whole implementation state of a funded proposal: staff send it all on every update. */
export const implementationBody = dataBody(
  z
    .object({
      progressPercent: z.number().int('must be a whole percentage').min(0).max(100),
      spent: amountSchema('.'),
      milestones: z.array(milestoneSchema).max(100),
    })
    .strict()
);
export type ImplementationBody = z.output<typeof implementationBody>['data'];
