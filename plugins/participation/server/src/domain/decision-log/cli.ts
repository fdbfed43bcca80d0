/**
 * Verifies a municipality's decision log independently of the server that publishes it.
 *
 *   npm run verify-log -- <export-url-or-file> [--head <hash>]
 *   npm run verify-log -- <base-url> <MUNICIPALITY-CODE> [--head <hash>]
 *
 * The log comes from `<base-url>/api/participation/municipalities/<CODE>/decision-log/export`, from
 * another URL that serves such an export, or from a saved export file. `--head` is a head hash seen
 * earlier (in a newspaper, a council record): the chain must still contain it, so entries cut from
 * its end are found too. Prints the verification as JSON; exits 0 when the chain holds, 1 when it is
 * broken and 2 when the log cannot be read.
 */
import { readFile } from 'fs/promises';
import { verifyChain, type ChainEntry, type ChainVerification } from './chain';

const USAGE = 'usage: verify-log <export-url-or-file> [--head <hash>] | verify-log <base-url> <MUNICIPALITY-CODE> [--head <hash>]';

export interface VerifyLogArguments {
  source: string;
  expectedHeadHash?: string;
}

export const parseArguments = (argv: string[]): VerifyLogArguments => {
  const positional: string[] = [];
  let expectedHeadHash: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    if (argv[index] !== '--head') {
      positional.push(argv[index]);
      continue;
    }
    expectedHeadHash = argv[++index];
    if (!expectedHeadHash || !/^[0-9a-f]{64}$/.test(expectedHeadHash)) throw new Error(`--head needs a SHA-256 hash in hex\n${USAGE}`);
  }
  const [location, municipalityCode, ...rest] = positional;
  if (!location || rest.length > 0) throw new Error(USAGE);
  const source = municipalityCode
    ? `${location.replace(/\/+$/, '')}/api/participation/municipalities/${encodeURIComponent(municipalityCode)}/decision-log/export`
    : location;
  return { source, expectedHeadHash };
};

const isEntry = (value: unknown): value is ChainEntry => {
  const entry = value as Record<string, unknown>;
  return (
    typeof entry === 'object' && entry !== null && Number.isInteger(entry.sequence) && typeof entry.previousHash === 'string' &&
    typeof entry.hash === 'string' && typeof entry.publishedAt === 'string' && 'decision' in entry
  );
};

/** An export (`{ entries: [...] }`) or a bare list of entries. */
export const readEntries = (text: string): ChainEntry[] => {
  const parsed: unknown = JSON.parse(text);
  const entries = Array.isArray(parsed) ? parsed : (parsed as { entries?: unknown })?.entries;
  if (!Array.isArray(entries)) throw new Error('not a decision-log export: no "entries" list');
  const malformed = entries.findIndex((entry) => !isEntry(entry));
  if (malformed >= 0) throw new Error(`not a decision-log export: entry at position ${malformed + 1} lacks sequence, previousHash, hash, publishedAt or decision`);
  return entries;
};

const load = async (source: string): Promise<string> => {
  if (!/^https?:\/\//.test(source)) return readFile(source, 'utf8');
  const response = await fetch(source, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${source} answered ${response.status}`);
  return response.text();
};

export async function main(argv: string[]): Promise<ChainVerification & { source: string }> {
  const { source, expectedHeadHash } = parseArguments(argv);
  return { source, ...verifyChain(readEntries(await load(source)), expectedHeadHash) };
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (verification) => {
      process.stdout.write(`${JSON.stringify(verification, null, 2)}\n`);
      process.exitCode = verification.valid ? 0 : 1;
    },
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    }
  );
}
