import { z } from 'zod';
import { PORTAL_LANGUAGES } from '../../portal/src/i18n/languages';
import { paginated, single, type PageQuery } from './common';

export const municipalitySchema = z.strictObject({
  documentId: z.string(),
  code: z.string(),
  name: z.string(),
  /** ISO 3166-1 alpha-2 */
  country: z.string(),
  defaultLocale: z.string(),
  /** ISO 4217 */
  currency: z.string(),
  population: z.number().int().nullable(),
  /** What its staff and citizens usually write in, and so the language of its items that name none. */
  contentLanguage: z.enum(PORTAL_LANGUAGES),
});
export type Municipality = z.infer<typeof municipalitySchema>;

export const municipalityListSchema = paginated(municipalitySchema);
export const municipalityAnswerSchema = single(municipalitySchema);

export namespace ListMunicipalities {
  export interface Query extends PageQuery {
    country?: string;
  }
  export type Response = z.infer<typeof municipalityListSchema>;
}

export namespace GetMunicipality {
  export interface Params {
    municipalityCode: string;
  }
  export type Response = z.infer<typeof municipalityAnswerSchema>;
}
