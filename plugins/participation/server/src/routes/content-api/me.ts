import { z } from 'zod';
import { meAnswerSchema } from '../../../../shared/contracts/me';
import { demographicDeclarationSchema } from '../../domain/statistics/demographics';
import { declareRoute } from './declare-route';
import { birthDate } from './validation/birth-date';

/** The signed-in person's own account: every route answers who they are now. */
export const meRoutes = {
  find: declareRoute({
    method: 'GET',
    path: '/me',
    action: 'me.find',
    summary: 'Who you are, your role and the municipalities you act in, and your own profile',
    response: meAnswerSchema,
  }),
  updateProfile: declareRoute({
    method: 'PUT',
    path: '/me/profile',
    action: 'me.updateProfile',
    summary: 'Declare your residence and birth date, which round eligibility reads (only ever shown to you)',
    body: z
      .object({ data: z.object({ residenceMunicipalityCode: z.string().min(1).max(32).nullable(), birthDate: birthDate.nullable() }).strict() })
      .strict(),
    response: meAnswerSchema,
  }),
  declareDemographics: declareRoute({
    method: 'PUT',
    path: '/me/demographics',
    action: 'me.declareDemographics',
    summary: 'Declare optional demographics, with consent; they only ever feed suppressed aggregates',
    body: z.object({ data: demographicDeclarationSchema }).strict(),
    response: meAnswerSchema,
  }),
  withdrawDemographics: declareRoute({
    method: 'DELETE',
    path: '/me/demographics',
    action: 'me.withdrawDemographics',
    summary: 'Withdraw consent: your demographics are erased',
    response: meAnswerSchema,
  }),
};
