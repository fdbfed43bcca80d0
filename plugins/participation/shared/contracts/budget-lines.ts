import { z } from 'zod';
import { decimalStringSchema, paginated, single, type PageQuery } from './common';
import { GENDER_MARKERS, YOUTH_MARKERS, type GenderMarker, type YouthMarker } from '../../server/src/domain/budget-lines/markers';
import { DECIMAL_SEPARATORS, type DecimalSeparator } from '../../server/src/domain/money/amount';

export type { DecimalSeparator, GenderMarker, YouthMarker };

/** A decimal amount as a string with two decimals, e.g. "1250000.50" (exact; never a float). */
export type DecimalString = string;

const amountsSchema = z.strictObject({
  approved: decimalStringSchema,
  revised: decimalStringSchema,
  committed: decimalStringSchema,
  spent: decimalStringSchema,
});

export const budgetLineSchema = z.strictObject({
  documentId: z.string(),
  municipalityCode: z.string(),
  fiscalYear: z.number().int(),
  code: z.string(),
  name: z.string(),
  programme: z.string().nullable(),
  functionalClassification: z.string().nullable(),
  amounts: amountsSchema,
  genderMarker: z.enum(GENDER_MARKERS),
  youthMarker: z.enum(YOUTH_MARKERS),
  sdgTargets: z.array(z.string()),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const budgetLineListSchema = paginated(budgetLineSchema).extend({
  meta: z.strictObject({ pagination: paginated(budgetLineSchema).shape.meta.shape.pagination, totals: amountsSchema }),
});
export const budgetLineAnswerSchema = single(budgetLineSchema);

/** Body of create and update (`{ data: BudgetLineInput }`); amounts as decimal strings or numbers. */
export interface BudgetLineInput {
  fiscalYear: number;
  code: string;
  name: string;
  programme?: string | null;
  functionalClassification?: string | null;
  approved: DecimalString | number;
  revised?: DecimalString | number;
  committed?: DecimalString | number;
  spent?: DecimalString | number;
  genderMarker?: GenderMarker;
  youthMarker?: YouthMarker;
  sdgTargets?: string[];
}

export namespace ListBudgetLines {
  export interface Query extends PageQuery {
    municipality?: string;
    fiscalYear?: number;
    genderMarker?: GenderMarker | GenderMarker[];
    youthMarker?: YouthMarker | YouthMarker[];
    programme?: string;
    sort?: 'code' | 'name' | 'approved' | 'fiscalYear' | '-code' | '-name' | '-approved' | '-fiscalYear';
  }
  export type Response = z.infer<typeof budgetLineListSchema>;
}

export namespace GetBudgetLine {
  export type Response = z.infer<typeof budgetLineAnswerSchema>;
}

export namespace ImportBudgetLines {
  export interface Query {
    dryRun?: boolean;
    /** When absent, read from the file's amounts; a file whose amounts disagree is refused. */
    decimalSeparator?: DecimalSeparator;
  }
  /** JSON body; a multipart upload with a `file` field is accepted too. */
  export interface Body {
    csv: string;
  }
  export type Problem = z.infer<typeof importProblemSchema>;
  export type Report = z.infer<typeof importReportSchema>;
  export type Response = { data: Report };
}

export const importProblemSchema = z.strictObject({ line: z.number().int(), field: z.string(), message: z.string() });

export const importReportSchema = z.strictObject({
  dryRun: z.boolean(),
  valid: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  problems: z.array(importProblemSchema),
  /** As stated, or as the file's amounts show it. */
  decimalSeparator: z.enum(DECIMAL_SEPARATORS),
  /** For an update, `diff` holds every changed field's old and new value (amounts as decimal strings). */
  changes: z.array(
    z.strictObject({
      line: z.number().int(),
      code: z.string(),
      fiscalYear: z.number().int(),
      action: z.enum(['create', 'update']),
      fields: z.array(z.string()).optional(),
      diff: z
        .array(z.strictObject({ field: z.string(), old: z.union([z.string(), z.array(z.string())]).nullable(), new: z.union([z.string(), z.array(z.string())]).nullable() }))
        .optional(),
    })
  ),
});
export const importAnswerSchema = single(importReportSchema);
