/**
 * The portal's languages. sq, en and vi are complete and reviewed; the others serve the programmes in
 * Kenya, Nepal, India and Bangladesh and await a native speaker's review (docs/portal.md).
 */
export const PORTAL_LANGUAGES = ['sq', 'en', 'vi', 'sw', 'ne', 'hi', 'bn'] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

/** Each language named in itself, as a language switch shows it. */
export const LANGUAGE_NAMES: Record<PortalLanguage, string> = {
  sq: 'Shqip',
  en: 'English',
  vi: 'Tiếng Việt',
  sw: 'Kiswahili',
  ne: 'नेपाली',
  hi: 'हिन्दी',
  bn: 'বাংলা',
};

/** Each language's writing direction, for text in it placed on a page in another. */
export const TEXT_DIRECTIONS: Record<PortalLanguage, 'ltr' | 'rtl'> = {
  sq: 'ltr',
  en: 'ltr',
  vi: 'ltr',
  sw: 'ltr',
  ne: 'ltr',
  hi: 'ltr',
  bn: 'ltr',
};

export const isPortalLanguage = (value: unknown): value is PortalLanguage =>
  typeof value === 'string' && (PORTAL_LANGUAGES as readonly string[]).includes(value);

/** `Accept-Language` ranges, best first: "sq-AL,sq;q=0.9,en;q=0.5" → ["sq-al", "sq", "en"]. */
const acceptedRanges = (header: string): string[] =>
  header
    .split(',')
    .map((part, index) => {
      const [range, ...parameters] = part.trim().toLowerCase().split(';');
      const quality = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { range: range.trim(), quality: quality === undefined ? 1 : Number(quality), index };
    })
    .filter(({ range, quality }) => range !== '' && quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map(({ range }) => range);

/** The language for a visitor without one in the URL: a remembered choice, else the browser's, else the default. */
export const pickLanguage = (remembered: string | undefined, acceptLanguage: string | undefined, fallback: PortalLanguage): PortalLanguage => {
  if (isPortalLanguage(remembered)) return remembered;
  for (const range of acceptedRanges(acceptLanguage ?? '')) {
    const primary = range.split('-')[0];
    if (isPortalLanguage(primary)) return primary;
  }
  return fallback;
};
