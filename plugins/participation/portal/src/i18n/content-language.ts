import type { Core } from '@strapi/strapi';
import { getService } from '../../../server/src/utils/get-service';
import type { PortalLanguage } from './languages';

/** How long a municipality's content language is kept: an administrator's change shows within a minute. */
const KEPT_MS = 60_000;

const kept = new Map<string, { language: PortalLanguage; until: number }>();

/**
 * A municipality's content language (what its items that name none are written in), kept a minute per
 * municipality: a page that shows one title of it (a ballot's receipt) reads no municipality for it.
 */
export const contentLanguageOf = async (strapi: Core.Strapi, municipalityCode: string): Promise<PortalLanguage> => {
  const known = kept.get(municipalityCode);
  if (known && known.until > Date.now()) return known.language;
  const { contentLanguage } = await getService(strapi, 'municipality').getByCode(municipalityCode);
  kept.set(municipalityCode, { language: contentLanguage, until: Date.now() + KEPT_MS });
  return contentLanguage;
};

/** writtenIn (components/UserText.tsx) for a page without its municipality at hand: the municipality is read only when the item names no language. */
export const languageOfItem = async (strapi: Core.Strapi, item: { language: PortalLanguage | null; municipalityCode: string }): Promise<PortalLanguage> =>
  item.language ?? contentLanguageOf(strapi, item.municipalityCode);

/** What an item with its municipality's code is written in (writtenIn, with the municipality's content language found). */
export type LanguageOfItem = (item: { language: PortalLanguage | null; municipalityCode: string }) => PortalLanguage;

/**
 * languageOfItem for a list whose items come from several municipalities (a person's activity): each
 * municipality's content language read once, then each item's language found without waiting.
 */
export const languagesOfItems = async (strapi: Core.Strapi, items: Iterable<{ municipalityCode: string }>): Promise<LanguageOfItem> => {
  const codes = [...new Set(Array.from(items, (item) => item.municipalityCode))];
  const languages = new Map(await Promise.all(codes.map(async (code) => [code, await contentLanguageOf(strapi, code)] as const)));
  return (item) => item.language ?? languages.get(item.municipalityCode)!;
};
