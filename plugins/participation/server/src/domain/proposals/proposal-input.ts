import { z } from 'zod';
import { parseAmount } from '../money/amount';
import { GENDER_MARKERS, YOUTH_MARKERS } from '../budget-lines/markers';
import { TARGET_GROUPS } from './statuses';
import { plainText } from '../text/plain-text';
import { writtenLanguageSchema } from '../text/written-language';

export const minorAmountSchema = z.union([z.string(), z.number()]).transform((raw, ctx) => {
  const parsed = parseAmount(raw);
  if (!parsed.ok || BigInt(parsed.minor) <= 0n) {
    ctx.addIssue({ code: 'custom', message: parsed.ok ? 'must be more than zero' : parsed.message });
    return z.NEVER;
  }
  return parsed.minor;
});

/** Blank means not given. */
const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), plainText(max).optional()).transform((value) => value ?? null);

export const proposalFieldsSchema = z
  .object({
    title: plainText(200, { min: 3 }),
    description: plainText(20000, { min: 10 }),
    location: optionalText(300),
    districtCode: z.string().max(32).optional(),
    requestedAmount: minorAmountSchema,
    budgetLineCodes: z.array(z.string().min(1).max(40)).min(1, 'name at least one budget line').max(10),
    targetGroups: z.array(z.enum(TARGET_GROUPS)).max(TARGET_GROUPS.length).default([]),
    genderMarker: z.enum(GENDER_MARKERS).default('none'),
    genderImpactStatement: optionalText(2000),
    youthMarker: z.enum(YOUTH_MARKERS).default('none'),
    easyReadSummary: optionalText(2000),
    sourceRecommendationId: z.string().max(64).optional().transform((value) => value ?? null),
    language: writtenLanguageSchema,
  })
  .strict();

export const requireGenderImpactStatement = (input: { genderMarker: string; genderImpactStatement: string | null }, ctx: z.RefinementCtx) => {
  if (input.genderMarker !== 'none' && !input.genderImpactStatement) {
    ctx.addIssue({ code: 'custom', path: ['genderImpactStatement'], message: 'a gender-marked proposal needs a short gender-impact statement' });
  }
};

export const proposalInputSchema = proposalFieldsSchema.superRefine(requireGenderImpactStatement);
export type ProposalInput = z.output<typeof proposalInputSchema>;

export const reviewActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start-review') }).strict(),
  z.object({ action: z.literal('mark-feasible'), costEstimate: minorAmountSchema, note: plainText(2000, { min: 0 }).optional() }).strict(),
  z.object({ action: z.literal('mark-infeasible'), reason: plainText(2000, { min: 10, tooShort: 'give the published reason' }) }).strict(),
  z.object({ action: z.literal('mark-completed'), note: plainText(2000, { min: 0 }).optional() }).strict(),
]);
export type ReviewAction = z.output<typeof reviewActionSchema>;
