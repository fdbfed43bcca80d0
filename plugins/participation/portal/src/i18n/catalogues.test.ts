import { IntlMessageFormat } from 'intl-messageformat';
import { PORTAL_LANGUAGES } from './languages';
import { CATALOGUES } from './translator';

const sourceKeys = Object.keys(CATALOGUES.en).sort();

type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] };
/** The names a message's arguments, selects, plurals and tags use, from the parsed message. */
const namesIn = (elements: Element[], names = new Set<string>()): Set<string> => {
  for (const element of elements) {
    if (typeof element.value === 'string' && element.type !== 0) names.add(element.value);
    for (const option of Object.values(element.options ?? {})) namesIn(option.value, names);
    if (element.children) namesIn(element.children, names);
  }
  return names;
};
const argumentsOf = (message: string, lang: string) => [...namesIn(new IntlMessageFormat(message, lang).getAst() as Element[])].sort();

describe.each(PORTAL_LANGUAGES)('the %s catalogue', (lang) => {
  it('has every key of the English catalogue and no other', () => {
    expect(Object.keys(CATALOGUES[lang]).sort()).toEqual(sourceKeys);
  });

  // Sorted files let pages written side by side add their messages without colliding in a merge.
  it('is kept in key order', () => {
    expect(Object.keys(CATALOGUES[lang])).toEqual(sourceKeys);
  });

  it('parses as ICU MessageFormat, with the same arguments as English', () => {
    for (const key of sourceKeys) {
      const message = (CATALOGUES[lang] as Record<string, string>)[key];
      expect(() => new IntlMessageFormat(message, lang)).not.toThrow();
      expect([key, argumentsOf(message, lang)]).toEqual([key, argumentsOf((CATALOGUES.en as Record<string, string>)[key], 'en')]);
    }
  });
});
