import { z } from 'zod';
import { pageQuery } from './common';

export const listMunicipalitiesQuery = z
  .object({
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as AL').optional(),
    ...pageQuery,
  })
  .strict();

export const emptyQuery = z.object({}).strict();
