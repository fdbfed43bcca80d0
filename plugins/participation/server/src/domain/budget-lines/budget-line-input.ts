import { z } from 'zod';
import { parseAmount, type DecimalSeparator } from '../money/amount';
import { plainText } from '../text/plain-text';
import { readGenderMarker, readYouthMarker, GENDER_MARKERS, YOUTH_MARKERS } from './markers';

/** What a budget line holds, validated and normalised; amounts are minor units as decimal strings. */
export interface BudgetLineValues {
  fiscalYear: number;
  code: string;
  name: string;
  programme: string | null;
  functionalClassification: string | null;
  approvedMinor: string;
  revisedMinor: string;
  committedMinor: string;
  spentMinor: string;
  genderMarker: (typeof GENDER_MARKERS)[number];
  youthMarker: (typeof YOUTH_MARKERS)[number];
  sdgTargets: string[];
}

export const BUDGET_LINE_FIELDS = [
  'fiscalYear',
  'code',
  'name',
  'programme',
  'functionalClassification',
  'approved',
  'revised',
  'committed',
  'spent',
  'genderMarker',
  'youthMarker',
  'sdgTargets',
] as const;
export type BudgetLineField = (typeof BUDGET_LINE_FIELDS)[number];

const SDG_TARGET = /^(1[0-7]|[1-9])\.([1-9][0-9]?|[a-c])$/;
const blankToUndefined = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;

export const amountSchema = (decimalSeparator: DecimalSeparator) =>
  z.union([z.string(), z.number()]).transform((raw, ctx) => {
    const parsed = parseAmount(raw, decimalSeparator);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return parsed.minor;
  });

const markerSchema = <T extends string>(read: (raw: string) => T | undefined, values: readonly T[]) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return values[0];
        const marker = read(raw);
        if (!marker) {
          ctx.addIssue({ code: 'custom', message: `must be one of ${values.join(', ')}` });
          return z.NEVER;
        }
        return marker;
      })
  );

const optionalText = (max: number) => z.preprocess(blankToUndefined, plainText(max).optional()).transform((value) => value ?? null);

/**
 * One schema for a budget line, whether it arrives as a JSON body or as a CSV row, so both paths
 * accept and reject exactly the same values. Unknown keys are rejected.
 */
export const budgetLineInputSchema = (decimalSeparator: DecimalSeparator = '.') =>
  z
    .object({
      fiscalYear: z.coerce.number({ error: 'must be a year' }).int('must be a whole year').min(2000).max(2100),
      code: z
        .string({ error: 'is required' })
        .trim()
        .min(1, 'is required')
        .max(40)
        .regex(/^[\p{L}\p{N}._/-]+$/u, 'may hold letters, digits and . _ / - only'),
      name: z.string({ error: 'is required' }).pipe(plainText(300)),
      programme: optionalText(200),
      functionalClassification: optionalText(40),
      approved: amountSchema(decimalSeparator),
      revised: z.preprocess(blankToUndefined, amountSchema(decimalSeparator).optional()),
      committed: z.preprocess(blankToUndefined, amountSchema(decimalSeparator).optional()),
      spent: z.preprocess(blankToUndefined, amountSchema(decimalSeparator).optional()),
      genderMarker: markerSchema(readGenderMarker, GENDER_MARKERS),
      youthMarker: markerSchema(readYouthMarker, YOUTH_MARKERS),
      sdgTargets: z
        .preprocess(
          (value) => (typeof value === 'string' ? value.split(/[\s,;|]+/).filter(Boolean) : (value ?? [])),
          z.array(z.string().regex(SDG_TARGET, 'must be SDG targets such as 5.c or 10.2')).max(20)
        )
        .transform((targets) => [...new Set(targets)].sort()),
    })
    .strict()
    .transform(
      ({ approved, revised, committed, spent, ...rest }): BudgetLineValues => ({
        ...rest,
        approvedMinor: approved,
        // A line not yet revised stands at its approved amount.
        revisedMinor: revised ?? approved,
        committedMinor: committed ?? '0',
        spentMinor: spent ?? '0',
      })
    );

export interface FieldError {
  field: string;
  message: string;
}

/** zod issues → "field: message" pairs, naming the first path segment (a field of the line). */
export const fieldErrorsFrom = (error: z.ZodError): FieldError[] =>
  error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return { field: issue.keys.join(', '), message: 'is not a field of a budget line' };
    }
    return { field: String(issue.path[0] ?? ''), message: issue.message };
  });
