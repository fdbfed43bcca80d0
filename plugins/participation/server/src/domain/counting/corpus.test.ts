/**
 * The engine against real elections: every file in the shared Pabulib folder, every rule the
 * reference implementation computed ("ok"), and the cities' own outcomes where a replay of their
 * rule is known to match. The folder is required: without it these tests fail, they never skip.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';
import { cityCount } from '../pabulib/city-rule';
import { parsePabulibFile, type PabulibFile } from '../pabulib/parse';
import { count, isRuleName } from './index';

const repoRoot = path.resolve(__dirname, '../../../../../..');
const pabulibDir = process.env.PABULIB_DIR ?? path.resolve(repoRoot, '../shared/pabulib');
const expectedDir = path.join(pabulibDir, 'expected');

interface ExpectedOutcome {
  file: string;
  rules: Record<string, { selected: string[] | null; status: string }>;
  city: { rule: string; selected: string[] | null; replay_matches: boolean | null };
}

const sorted = (ids: string[]) => [...ids].sort();

if (!existsSync(expectedDir)) {
  test(`Pabulib reference folder is present (${pabulibDir}, set PABULIB_DIR)`, () => {
    throw new Error(`missing ${expectedDir}: the corpus tests need ../shared/pabulib or PABULIB_DIR`);
  });
} else {
  const expectedFiles = readdirSync(expectedDir).filter((name) => name.endsWith('.json')).sort();

  test('the reference folder holds elections', () => {
    expect(expectedFiles.length).toBeGreaterThan(0);
  });

  describe.each(expectedFiles)('%s', (expectedName) => {
    const expected = JSON.parse(readFileSync(path.join(expectedDir, expectedName), 'utf8')) as ExpectedOutcome;
    const okRules = Object.entries(expected.rules).filter(([, outcome]) => outcome.status === 'ok');
    let file: PabulibFile;

    beforeAll(async () => {
      file = await parsePabulibFile(path.join(pabulibDir, 'files', expected.file));
    });

    test.each(okRules)('%s selects the reference projects', (rule, outcome) => {
      if (!isRuleName(rule)) throw new Error(`rule ${rule} is not implemented`);
      const result = count(file.election, { rule });
      expect(sorted(result.selected)).toEqual(sorted(outcome.selected ?? []));
    });

    if (expected.city.replay_matches === true) {
      test(`the city's rule (${expected.city.rule}) gives the city's outcome`, () => {
        const city = cityCount(file);
        if (!city) throw new Error(`city rule ${expected.city.rule} is not emulated`);
        expect(sorted(count(city.election, city.options).selected)).toEqual(sorted(expected.city.selected ?? []));
      });
    }
  });
}
