import { z } from 'zod';
import { municipalityAnswerSchema, municipalityListSchema } from '../../../../shared/contracts/municipalities';
import { declareRoute } from './declare-route';
import { pageQuery } from './validation/common';

export const municipalityRoutes = {
  find: declareRoute({
    method: 'GET',
    path: '/municipalities',
    action: 'municipality.find',
    summary: 'List the municipalities, by name',
    query: z.object({
      country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as AL').optional(),
      ...pageQuery,
    }),
    response: municipalityListSchema,
  }),
  findOne: declareRoute({
    method: 'GET',
    path: '/municipalities/:municipalityCode',
    action: 'municipality.findOne',
    summary: 'One municipality by its code',
    response: municipalityAnswerSchema,
  }),
};
