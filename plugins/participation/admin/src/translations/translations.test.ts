import fs from 'fs';
import path from 'path';

/** The admin screens' messages: every key the pages name exists in English, and sq and vi have exactly English's keys. */
const catalogue = (locale: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(__dirname, `${locale}.json`), 'utf8'));
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [fs.readFileSync(full, 'utf8')] : [];
  });

describe('admin translations', () => {
  const en = catalogue('en');

  it.each(['sq', 'vi'])('%s has every English key and no other, none empty', (locale) => {
    const other = catalogue(locale);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    expect(Object.entries(other).filter(([, text]) => !text.trim())).toEqual([]);
  });

  it('has every literal key the pages ask for', () => {
    const used = sources(path.join(__dirname, '..')).flatMap((text) => [...text.matchAll(/\b(?:message|label)\('([a-zA-Z.-]+)'/g)].map((match) => match[1]));
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((key) => !(key in en))).toEqual([]);
  });
});
