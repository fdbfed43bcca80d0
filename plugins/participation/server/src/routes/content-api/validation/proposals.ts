import { z } from 'zod';
import { proposalStatusSchema } from '../../../../../shared/contracts/rounds';
import { TARGET_GROUPS } from '../../../domain/proposals/statuses';
import { GENDER_MARKERS, YOUTH_MARKERS } from '../../../domain/budget-lines/markers';
import { listOf, pageQuery } from './common';

/** A round's proposal list: the API's query, and the portal's filter form reads the same fields. */
export const proposalFiltersQuery = z.object({
  status: listOf(proposalStatusSchema).optional(),
  districtCode: z.string().max(32).optional(),
  targetGroup: z.enum(TARGET_GROUPS).optional(),
  genderMarker: listOf(z.enum(GENDER_MARKERS)).optional(),
  youthMarker: listOf(z.enum(YOUTH_MARKERS)).optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});
