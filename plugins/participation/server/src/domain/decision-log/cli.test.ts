import { execFileSync } from 'child_process';
import { createHash, generateKeyPairSync } from 'crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { canonicalJson } from './canonical-json';
import { sealNextEntry, type ChainEntry } from './chain';
import { publicKeyPem, signCheckpoint } from './checkpoint';
import { main, parseArguments, readExport } from './cli';

const decisionFor = (index: number) => ({
  municipalityCode: 'SHK',
  kind: 'defer',
  subject: { kind: 'round', documentId: 'r1' },
  correctsEntry: null,
  rationale: `Decision ${index}`,
});

const chainOf = (count: number) => {
  const entries: ChainEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    entries.push(sealNextEntry(entries.at(-1) ?? null, decisionFor(index + 1), '2026-03-01T10:00:00.000Z'));
  }
  return entries;
};

const directory = mkdtempSync(path.join(tmpdir(), 'verify-log-'));
const save = (name: string, content: unknown) => {
  const file = path.join(directory, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const saveExport = (name: string, entries: unknown[]) => save(name, { format: 'participation-decision-log/2', municipalityCode: 'SHK', entries });

const { privateKey } = generateKeyPairSync('ed25519');
const keyFile = save('key.pem', publicKeyPem(privateKey));
const keepCheckpoint = (name: string, entries: ChainEntry[]) =>
  save(name, { data: signCheckpoint({ municipalityCode: 'SHK', size: entries.length, headHash: entries.at(-1)!.hash, issuedAt: '2026-03-02T10:00:00.000Z' }, privateKey) });

describe('verify-log', () => {
  it('builds the export URL from a base URL and a municipality code, and the key URL from the server', () => {
    expect(parseArguments(['https://participation.example/', 'SHK'])).toEqual({
      source: 'https://participation.example/api/participation/municipalities/SHK/decision-log/export',
      expectedHeadHash: undefined,
    });
    expect(parseArguments(['log.json', '--head', 'a'.repeat(64)])).toMatchObject({ source: 'log.json', expectedHeadHash: 'a'.repeat(64) });
    expect(parseArguments(['https://participation.example', 'SHK', '--checkpoint', 'kept.json'])).toMatchObject({
      checkpoint: 'kept.json',
      key: 'https://participation.example/api/participation/decision-log/signing-key',
    });
    expect(parseArguments(['log.json', '--checkpoint', 'kept.json', '--key', 'key.pem'])).toMatchObject({ checkpoint: 'kept.json', key: 'key.pem' });
    expect(() => parseArguments([])).toThrow(/usage/);
    expect(() => parseArguments(['log.json', '--head', 'xyz'])).toThrow(/--head/);
    expect(() => parseArguments(['log.json', '--checkpoint', 'kept.json'])).toThrow(/--checkpoint needs --key/);
  });

  it('accepts an intact export and finds a doctored one', async () => {
    const entries = chainOf(3);
    expect(await main([saveExport('intact.json', entries)])).toMatchObject({ valid: true, entries: 3, headHash: entries[2].hash });
    const doctored = structuredClone(entries);
    doctored[1].subjectKind = 'proposal';
    expect(await main([saveExport('doctored.json', doctored)])).toMatchObject({ valid: false, firstProblem: { sequence: 2, problem: 'altered' } });
  });

  it('reads first-format exports, whose entries were sealed under rule 1', async () => {
    const decision = decisionFor(1);
    const previousHash = '0'.repeat(64);
    const publishedAt = '2026-03-01T10:00:00.000Z';
    const hash = createHash('sha256').update(canonicalJson({ sequence: 1, previousHash, decision, publishedAt })).digest('hex');
    const file = save('format-1.json', { format: 'participation-decision-log/1', municipalityCode: 'SHK', entries: [{ sequence: 1, previousHash, hash, publishedAt, decision }] });
    expect(await main([file])).toMatchObject({ valid: true, entries: 1 });
  });

  it('finds entries cut from the end against a head hash seen earlier', async () => {
    const entries = chainOf(3);
    const file = saveExport('cut.json', entries.slice(0, 2));
    expect(await main([file, '--head', entries[2].hash])).toMatchObject({ valid: false, firstProblem: { problem: 'head-not-found' } });
  });

  it('finds a recomputed rewrite and a cut tail against a kept checkpoint', async () => {
    const entries = chainOf(4);
    const kept = keepCheckpoint('kept.json', entries);
    expect(await main([saveExport('whole.json', entries), '--checkpoint', kept, '--key', keyFile])).toMatchObject({ valid: true });
    const rewritten: ChainEntry[] = [];
    for (const [index, entry] of entries.entries()) {
      rewritten.push(sealNextEntry(rewritten.at(-1) ?? null, index === 1 ? { ...decisionFor(2), rationale: 'Rewritten' } : entry.decision, entry.publishedAt));
    }
    expect(await main([saveExport('rewritten.json', rewritten)])).toMatchObject({ valid: true });
    expect(await main([saveExport('rewritten.json', rewritten), '--checkpoint', kept, '--key', keyFile])).toMatchObject({
      valid: false,
      firstProblem: { sequence: 4, problem: 'rewritten' },
    });
    expect(await main([saveExport('cut.json', entries.slice(0, 3)), '--checkpoint', kept, '--key', keyFile])).toMatchObject({
      valid: false,
      firstProblem: { sequence: 4, problem: 'truncated' },
    });
  });

  it('refuses a checkpoint whose signature does not verify, and files that are not what they should be', async () => {
    const entries = chainOf(2);
    const forged = save('forged.json', { ...JSON.parse(readFileSync(keepCheckpoint('genuine.json', entries), 'utf8')).data, size: 1 });
    await expect(main([saveExport('log.json', entries), '--checkpoint', forged, '--key', keyFile])).rejects.toThrow(/signature does not verify/);
    await expect(main([saveExport('log.json', entries), '--checkpoint', save('junk.json', '{"size":"x"}'), '--key', keyFile])).rejects.toThrow(/not a decision-log checkpoint/);
    expect(() => readExport('{"data":[]}')).toThrow(/no "entries" list/);
    expect(() => readExport('[{"sequence":1}]')).toThrow(/position 1/);
  });

  it('exits 1 on a broken chain, 0 on an intact one and 2 on a forged checkpoint', () => {
    const entries = chainOf(2);
    const run = (...args: string[]) => {
      try {
        execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'cli.ts'), ...args], { stdio: 'pipe' });
        return 0;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    expect(run(saveExport('ok.json', entries))).toBe(0);
    expect(run(saveExport('broken.json', [entries[1]]))).toBe(1);
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(run(saveExport('ok.json', entries), '--checkpoint', keepCheckpoint('kept-2.json', entries), '--key', save('other.pem', publicKeyPem(other)))).toBe(2);
  });
});
