import { z } from 'zod';
import { DECIMAL_SEPARATORS } from '../money/amount';

/** How a budget-line CSV import runs, from its query: the content API's and the admin panel's alike. */
export const budgetLineImportOptionsSchema = z
  .object({
    dryRun: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
    decimalSeparator: z.enum(DECIMAL_SEPARATORS).optional(),
  })
  .strict();

/** The CSV as JSON; absent when it comes as a multipart upload in a `file` field (never both). */
export const budgetLineCsvBodySchema = z.object({ csv: z.string().min(1, 'is empty').optional() }).strict();
