/**
 * Verifies a municipality's decision log independently of the server that publishes it.
 *
 *   npm run verify-log -- <export-url-or-file> [--head <hash>] [--checkpoint <file-or-url> [--key <pem-file-or-url>]]
 *   npm run verify-log -- <base-url> <MUNICIPALITY-CODE> [--head <hash>] [--checkpoint <file-or-url> [--key <pem-file-or-url>]]
 *
 * The log comes from `<base-url>/api/participation/municipalities/<CODE>/decision-log/export`, from
 * another URL that serves such an export, or from a saved export file. `--head` is a head hash seen
 * earlier (in a newspaper, a council record): the chain must still contain it. `--checkpoint` is a signed
 * checkpoint kept earlier (as `GET …/decision-log/checkpoint` answers it): its signature must verify with
 * the key, and the log must still have its size and, at that size, its head; so a log rewritten with every
 * later hash recomputed, or cut at its end, is found. The key (`--key`: a PEM file, or a URL answering as
 * `GET /api/participation/decision-log/signing-key` does or with a PEM) defaults to the server's signing-key
 * route when the log comes from a server. Prints the verification as JSON; exits 0 when the chain holds,
 * 1 when it is broken and 2 when the log, checkpoint or key cannot be read or the checkpoint's signature
 * does not verify.
 */
import { readFile } from 'fs/promises';
import { columnsOf, verifyChain, type ChainEntry, type ChainVerification, type LoggedDecision } from './chain';
import { checkpointSignatureValid, readPublicKey } from './checkpoint';

const USAGE =
  'usage: verify-log <export-url-or-file> [--head <hash>] [--checkpoint <file-or-url> [--key <pem-file-or-url>]] | ' +
  'verify-log <base-url> <MUNICIPALITY-CODE> [--head <hash>] [--checkpoint <file-or-url> [--key <pem-file-or-url>]]';
const HASH = /^[0-9a-f]{64}$/;
const EXPORT_PATH = /\/api\/participation\/municipalities\/[^/]+\/decision-log\/export$/;

export interface VerifyLogArguments {
  source: string;
  expectedHeadHash?: string;
  checkpoint?: string;
  key?: string;
}

const isUrl = (location: string) => /^https?:\/\//.test(location);

export const parseArguments = (argv: string[]): VerifyLogArguments => {
  const positional: string[] = [];
  const options: Record<string, string | undefined> = {};
  for (let index = 0; index < argv.length; index += 1) {
    const option = ['--head', '--checkpoint', '--key'].find((name) => name === argv[index]);
    if (!option) {
      positional.push(argv[index]);
      continue;
    }
    options[option] = argv[++index];
    if (!options[option]) throw new Error(`${option} needs a value\n${USAGE}`);
  }
  const expectedHeadHash = options['--head'];
  if (expectedHeadHash !== undefined && !HASH.test(expectedHeadHash)) throw new Error(`--head needs a SHA-256 hash in hex\n${USAGE}`);
  const [location, municipalityCode, ...rest] = positional;
  if (!location || rest.length > 0) throw new Error(USAGE);
  const source = municipalityCode
    ? `${location.replace(/\/+$/, '')}/api/participation/municipalities/${encodeURIComponent(municipalityCode)}/decision-log/export`
    : location;
  let key = options['--key'];
  if (options['--checkpoint'] && !key) {
    if (!isUrl(source) || !EXPORT_PATH.test(source)) throw new Error(`--checkpoint needs --key when the log does not come from a server\n${USAGE}`);
    key = source.replace(EXPORT_PATH, '/api/participation/decision-log/signing-key');
  }
  return { source, expectedHeadHash, ...(options['--checkpoint'] ? { checkpoint: options['--checkpoint'], key } : {}) };
};

const isEntry = (value: unknown) => {
  const entry = value as Record<string, unknown>;
  return (
    typeof entry === 'object' && entry !== null && Number.isInteger(entry.sequence) && typeof entry.previousHash === 'string' &&
    typeof entry.hash === 'string' && typeof entry.publishedAt === 'string' && 'decision' in entry
  );
};

/**
 * Entries of a first-format export carry neither a hash rule nor the columns: they are rule-1 entries,
 * whose columns are what their decisions give.
 */
const asChainEntry = (entry: Record<string, unknown>): ChainEntry<unknown> => {
  if ('hashRule' in entry) return entry as unknown as ChainEntry<unknown>;
  let columns = {};
  try {
    columns = columnsOf(entry.decision as LoggedDecision);
  } catch {
    // A decision that is not one: verification finds it altered.
  }
  return { hashRule: 1, ...columns, ...entry } as ChainEntry<unknown>;
};

export interface DecisionLogFile {
  municipalityCode?: string;
  entries: ChainEntry<unknown>[];
}

/** An export (`{ municipalityCode, entries: [...] }`) or a bare list of entries. */
export const readExport = (text: string): DecisionLogFile => {
  const parsed: unknown = JSON.parse(text);
  const entries = Array.isArray(parsed) ? parsed : (parsed as { entries?: unknown })?.entries;
  if (!Array.isArray(entries)) throw new Error('not a decision-log export: no "entries" list');
  const malformed = entries.findIndex((entry) => !isEntry(entry));
  if (malformed >= 0) throw new Error(`not a decision-log export: entry at position ${malformed + 1} lacks sequence, previousHash, hash, publishedAt or decision`);
  const municipalityCode = Array.isArray(parsed) ? undefined : (parsed as { municipalityCode?: unknown }).municipalityCode;
  return { municipalityCode: typeof municipalityCode === 'string' ? municipalityCode : undefined, entries: entries.map(asChainEntry) };
};

/** A checkpoint as the checkpoint route answers it (`{ data: … }`) or bare. */
export const readCheckpoint = (text: string) => {
  const parsed = JSON.parse(text);
  const checkpoint = parsed?.data ?? parsed;
  const { size, headHash, issuedAt, signature, municipalityCode } = checkpoint ?? {};
  if (!Number.isInteger(size) || size < 1 || !HASH.test(String(headHash)) || typeof issuedAt !== 'string' || typeof signature !== 'string') {
    throw new Error('not a decision-log checkpoint: it needs size, headHash, issuedAt and signature');
  }
  return { size: size as number, headHash: headHash as string, issuedAt, signature, municipalityCode: typeof municipalityCode === 'string' ? municipalityCode : undefined };
};

/** A PEM, or JSON with the PEM in `data.publicKey` (as the signing-key route answers). */
export const readKey = (text: string) => {
  if (text.trim().startsWith('-----BEGIN')) return readPublicKey(text);
  const publicKey = JSON.parse(text)?.data?.publicKey;
  if (typeof publicKey !== 'string') throw new Error('not a public key: expected a PEM or { "data": { "publicKey": … } }');
  return readPublicKey(publicKey);
};

const load = async (source: string): Promise<string> => {
  if (!isUrl(source)) return readFile(source, 'utf8');
  const response = await fetch(source, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${source} answered ${response.status}`);
  return response.text();
};

/** The kept checkpoint, once its signature over the log's municipality has been checked. */
const keptCheckpoint = async (checkpointSource: string, keySource: string, logMunicipality: string | undefined) => {
  const checkpoint = readCheckpoint(await load(checkpointSource));
  const municipalityCode = logMunicipality ?? checkpoint.municipalityCode;
  if (!municipalityCode) throw new Error('the municipality is named neither by the log nor by the checkpoint');
  if (!checkpointSignatureValid({ ...checkpoint, municipalityCode }, readKey(await load(keySource)))) {
    throw new Error(`the checkpoint's signature does not verify with the key from ${keySource} for the log of ${municipalityCode}`);
  }
  return checkpoint;
};

export async function main(argv: string[]): Promise<ChainVerification & { source: string }> {
  const { source, expectedHeadHash, checkpoint, key } = parseArguments(argv);
  const log = readExport(await load(source));
  const kept = checkpoint ? await keptCheckpoint(checkpoint, key!, log.municipalityCode) : undefined;
  return { source, ...verifyChain(log.entries, { head: expectedHeadHash, checkpoint: kept }) };
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
