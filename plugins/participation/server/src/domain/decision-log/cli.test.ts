import { execFileSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { sealNextEntry, type ChainEntry } from './chain';
import { main, parseArguments, readEntries } from './cli';

const chainOf = (count: number) => {
  const entries: ChainEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    entries.push(sealNextEntry(entries.at(-1) ?? null, { kind: 'defer', rationale: `Decision ${index + 1}` }, '2026-03-01T10:00:00.000Z'));
  }
  return entries;
};
const directory = mkdtempSync(path.join(tmpdir(), 'verify-log-'));
const saveExport = (name: string, entries: unknown[]) => {
  const file = path.join(directory, name);
  writeFileSync(file, JSON.stringify({ format: 'participation-decision-log/1', municipalityCode: 'SHK', entries }));
  return file;
};

describe('verify-log', () => {
  it('builds the export URL from a base URL and a municipality code', () => {
    expect(parseArguments(['https://participation.example/', 'SHK'])).toEqual({
      source: 'https://participation.example/api/participation/municipalities/SHK/decision-log/export',
      expectedHeadHash: undefined,
    });
    expect(parseArguments(['log.json', '--head', 'a'.repeat(64)])).toEqual({ source: 'log.json', expectedHeadHash: 'a'.repeat(64) });
    expect(() => parseArguments([])).toThrow(/usage/);
    expect(() => parseArguments(['log.json', '--head', 'xyz'])).toThrow(/--head/);
  });

  it('accepts an intact export and finds a doctored one', async () => {
    const entries = chainOf(3);
    expect(await main([saveExport('intact.json', entries)])).toMatchObject({ valid: true, entries: 3, headHash: entries[2].hash });
    const doctored = structuredClone(entries);
    doctored[1].decision = { kind: 'fund', rationale: 'Decision 2' };
    expect(await main([saveExport('doctored.json', doctored)])).toMatchObject({ valid: false, firstProblem: { sequence: 2, problem: 'altered' } });
  });

  it('finds entries cut from the end against a head hash seen earlier', async () => {
    const entries = chainOf(3);
    const file = saveExport('cut.json', entries.slice(0, 2));
    expect(await main([file, '--head', entries[2].hash])).toMatchObject({ valid: false, firstProblem: { problem: 'head-not-found' } });
  });

  it('refuses a file that is not an export', () => {
    expect(() => readEntries('{"data":[]}')).toThrow(/no "entries" list/);
    expect(() => readEntries('[{"sequence":1}]')).toThrow(/position 1/);
  });

  it('exits 1 on a broken chain and 0 on an intact one', () => {
    const entries = chainOf(2);
    const run = (file: string) => {
      try {
        execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'cli.ts'), file], { stdio: 'pipe' });
        return 0;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    expect(run(saveExport('ok.json', entries))).toBe(0);
    expect(run(saveExport('broken.json', [entries[1]]))).toBe(1);
  });
});
