import { z } from 'zod';
import { RULE_NAMES, TIE_BREAKINGS } from '../counting';
import { parseAmount } from '../money/amount';
import { plainText } from '../text/plain-text';
import { writtenLanguageSchema } from '../text/written-language';
import { BALLOT_KINDS, ballotKind } from '../voting/ballot-kinds';

const minorAmount = z.union([z.string(), z.number()]).transform((raw, ctx) => {
  const parsed = parseAmount(raw);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  return parsed.minor;
});
const positiveMinorAmount = minorAmount.refine((minor) => BigInt(minor) > 0n, 'must be more than zero');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-05-01');

export const ballotRulesSchema = z
  .object({
    kind: z.enum(BALLOT_KINDS),
    minProjects: z.number().int().min(0).optional(),
    maxProjects: z.number().int().min(1).optional(),
    /** Knapsack ballots: the chosen projects may cost at most this together. */
    maxCost: positiveMinorAmount.optional(),
    /** Cumulative ballots: points each voter distributes. */
    totalPoints: z.number().int().min(1).optional(),
    maxPointsPerProject: z.number().int().min(1).optional(),
    /** Ordinal ballots scored by fixed points per position, e.g. [3, 2, 1]. */
    pointsPerPosition: z.array(z.number().int().min(0)).min(1).optional(),
    countingRule: z.enum(RULE_NAMES),
    tieBreaking: z.enum(TIE_BREAKINGS).default('id'),
    minSupport: z.number().int().min(1).optional(),
    stopAtFirstMisfit: z.boolean().optional(),
  })
  .strict()
  .superRefine((rules, ctx) => {
    // Which rules count the kind (points need points, Borda needs rankings) and what else it needs.
    const kind = ballotKind(rules.kind);
    if (!kind.countingRules.includes(rules.countingRule)) {
      ctx.addIssue({ code: 'custom', path: ['countingRule'], message: `${rules.countingRule} does not count ${rules.kind} ballots; use one of ${kind.countingRules.join(', ')}` });
    }
    for (const issue of kind.ruleIssues?.(rules) ?? []) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    if (rules.minProjects !== undefined && rules.maxProjects !== undefined && rules.minProjects > rules.maxProjects) {
      ctx.addIssue({ code: 'custom', path: ['minProjects'], message: 'is more than maxProjects' });
    }
    if ((rules.minSupport !== undefined || rules.stopAtFirstMisfit) && !rules.countingRule.startsWith('greedy_')) {
      ctx.addIssue({ code: 'custom', path: ['minSupport'], message: 'minimum support and no-skip apply to greedy rules only' });
    }
  });
export type BallotRules = z.output<typeof ballotRulesSchema>;

export const eligibilitySchema = z
  .object({
    residentsOnly: z.boolean().default(true),
    minAge: z.number().int().min(0).max(120).optional(),
    maxAge: z.number().int().min(0).max(120).optional(),
    ageOnDate: isoDate.optional(),
    verifiedParticipantsOnly: z.boolean().default(false),
  })
  .strict()
  .superRefine((rules, ctx) => {
    if ((rules.minAge !== undefined || rules.maxAge !== undefined) && !rules.ageOnDate) {
      ctx.addIssue({ code: 'custom', path: ['ageOnDate'], message: 'an age limit needs the date on which age is measured' });
    }
    if (rules.minAge !== undefined && rules.maxAge !== undefined && rules.minAge > rules.maxAge) {
      ctx.addIssue({ code: 'custom', path: ['minAge'], message: 'is more than maxAge' });
    }
  });

export const RESERVATION_MARKERS = ['gender', 'youth'] as const;
export type ReservationMarker = (typeof RESERVATION_MARKERS)[number];

export const DISTRICTS_PER_VOTER = ['one', 'every'] as const;
export type DistrictsPerVoter = (typeof DISTRICTS_PER_VOTER)[number];
/** The scope of a participation record, unique per voter and round: every district shares '*' under `one`. */
export const ONE_DISTRICT_SCOPE = '*';
export const districtScope = (districtsPerVoter: DistrictsPerVoter, districtCode: string) =>
  districtsPerVoter === 'every' ? districtCode : ONE_DISTRICT_SCOPE;

export const roundSettingsSchema = z
  .object({
    fiscalYear: z.number().int().min(2000).max(2100),
    title: plainText(200),
    description: plainText(20000, { min: 0 }).default(''),
    totalBudget: positiveMinorAmount,
    districts: z
      .array(z.object({ code: z.string().regex(/^[A-Za-z0-9-]{1,32}$/), name: plainText(120), budget: positiveMinorAmount }).strict())
      .max(100)
      .default([]),
    /** In how many of the round's districts one person may vote: one (the default) or every one. */
    districtsPerVoter: z.enum(DISTRICTS_PER_VOTER).default('one'),
    ballotRules: ballotRulesSchema,
    /** Minimum shares of the budget for marked projects, e.g. { marker: 'gender', share: '0.3' }. */
    reservations: z
      .array(z.object({ marker: z.enum(RESERVATION_MARKERS), share: z.string().regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, 'must be a share between 0 and 1, e.g. 0.3') }).strict())
      .max(2)
      .default([]),
    eligibility: eligibilitySchema,
    showRunningTotals: z.boolean().default(false),
    schedule: z
      .object({ proposalsOpen: isoDate, proposalsClose: isoDate, votingOpen: isoDate, votingClose: isoDate })
      .partial()
      .strict()
      .default({}),
    language: writtenLanguageSchema,
  })
  .strict()
  .superRefine((settings, ctx) => {
    const codes = settings.districts.map((district) => district.code);
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', path: ['districts'], message: 'district codes repeat' });
    const districtTotal = settings.districts.reduce((total, district) => total + BigInt(district.budget), 0n);
    if (settings.districts.length > 0 && districtTotal > BigInt(settings.totalBudget)) {
      ctx.addIssue({ code: 'custom', path: ['districts'], message: 'district budgets add up to more than the total budget' });
    }
    const markers = settings.reservations.map((reservation) => reservation.marker);
    if (new Set(markers).size !== markers.length) ctx.addIssue({ code: 'custom', path: ['reservations'], message: 'a marker is reserved twice' });
  });
export type RoundSettings = z.output<typeof roundSettingsSchema>;
