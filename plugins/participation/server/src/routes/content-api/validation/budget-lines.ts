import { z } from 'zod';
import { budgetLineInputSchema } from '../../../domain/budget-lines/budget-line-input';
import { GENDER_MARKERS, YOUTH_MARKERS } from '../../../domain/budget-lines/markers';
import { dataBody, listOf, pageQuery } from './common';

const SORTS = ['code', 'name', 'approved', 'fiscalYear'] as const;

export const listBudgetLinesQuery = z
  .object({
    municipality: z.string().min(1).max(32).optional(),
    fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
    genderMarker: listOf(z.enum(GENDER_MARKERS)).optional(),
    youthMarker: listOf(z.enum(YOUTH_MARKERS)).optional(),
    programme: z.string().min(1).max(200).optional(),
    sort: z.enum([...SORTS, ...SORTS.map((sort) => `-${sort}` as const)]).default('code'),
    ...pageQuery,
  })
  .strict();

export const budgetLineBody = dataBody(budgetLineInputSchema());

