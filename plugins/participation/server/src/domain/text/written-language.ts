import { z } from 'zod';
import { PORTAL_LANGUAGES } from '../../../../portal/src/i18n/languages';

/**
 * The language an item is written in, as a request names it: one of the portal's languages. Absent or null
 * means the item's municipality's content language, which is what staff and citizens there usually write.
 */
export const writtenLanguageSchema = z
  .enum(PORTAL_LANGUAGES)
  .nullish()
  .transform((language) => language ?? null);
