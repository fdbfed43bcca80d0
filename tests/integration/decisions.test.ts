import type { TestApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { advanceRound, bootWithMunicipality, createOwnMunicipality, createProposal, createRound } from '../harness/fixtures';
import { entryHash, GENESIS_HASH, verifyChain, type ChainEntry } from '../../plugins/participation/server/src/domain/decision-log/chain';
import { checkpointSignatureValid, readPublicKey } from '../../plugins/participation/server/src/domain/decision-log/checkpoint';
import { main as verifyLogCli } from '../../plugins/participation/server/src/domain/decision-log/cli';
import type { DecisionLogEntry } from '../../plugins/participation/shared/contracts';
import type { UpdateData } from '../../plugins/participation/server/src/utils/update-data';
import { APPROVE_HOME_CARE, dropAppendOnlyTriggers, fundYouthCentre, rewriteEntry } from '../harness/decision-log';

/**
 * Staff publish decisions into a per-municipality hash chain that nobody can edit and anyone can verify.
 * A test that publishes or tampers works on a municipality of its own ({@link decidingMunicipality}), so
 * that its sequence numbers start at 1; the tests that only read share one published log ({@link story}).
 */
let app: TestApp;
let staff: TestPerson;
let korStaff: TestPerson;
let citizen: TestPerson;
const ids: Record<string, string> = {};

const TABLE = 'participation_decision_log_entries';

const publish = (data: object, person: TestPerson = staff, municipalityCode = 'SHK') =>
  app.http().post(`/api/participation/municipalities/${municipalityCode}/decisions`).set(person.auth).send({ data });
const logSize = async () => Number((await app.strapi.db.connection(TABLE).count({ total: '*' }))[0].total);

const FUND_PROPOSAL = (proposal = ids.proposal) => fundYouthCentre(proposal);
const APPROVE_LINE = APPROVE_HOME_CARE;
const DEFER_ROUND = (round: string, reference = 'VKB nr. 47', rationale = 'Results go to the next session.', decisionDate = '2026-03-12') =>
  ({ kind: 'defer', subject: { kind: 'round', documentId: round }, councilDecisionReference: reference, decisionDate, rationale });
const CORRECT_FUNDING = (proposal?: string) => ({ ...FUND_PROPOSAL(proposal), amount: '240000', correctsEntry: 1, rationale: 'Corrects the amount of entry 1.' });

const createRoundAndProposal = async (municipalityCode: string) => {
  const round = await createRound(app.strapi, municipalityCode, { totalBudgetMinor: '100000000' });
  const proposal = await createProposal(app.strapi, round, municipalityCode, {
    authorId: citizen.id, title: 'Youth centre repairs', description: 'Repairs for the youth centre.', requestedMinor: '25000050', budgetLineCodes: ['0950-01'], proposalStatus: 'selected',
  });
  await advanceRound(app.strapi, round, 'results');
  return { round, proposal };
};
const importLines = async (municipalityCode: string, person: TestPerson) => {
  const csv = 'fiscal_year,code,name,approved\n2026,0950-01,Youth centres,2000000\n2026,1040-01,Home care,900000\n';
  expect((await app.http().post(`/api/participation/municipalities/${municipalityCode}/budget-lines/import`).set(person.auth).send({ csv })).status).toBe(200);
};

/** A municipality of the test's own, with an empty log and the budget lines, round and proposal its decisions name. */
const decidingMunicipality = async () => {
  const { code, staff: municipalStaff } = await createOwnMunicipality(app.strapi, 'DEC');
  await importLines(code, municipalStaff);
  const { round, proposal } = await createRoundAndProposal(code);
  return {
    code, round, proposal,
    base: `/api/participation/municipalities/${code}`,
    publish: (data: object) => publish(data, municipalStaff, code),
  };
};
type DecidingMunicipality = Awaited<ReturnType<typeof decidingMunicipality>>;

/**
 * A municipality whose log holds sixteen entries: 1 funds the proposal, 2 approves 900 000 on the home
 * care line, 3 defers the round, 4 corrects entry 1 to 240 000, and 5 to 16 defer the round again.
 */
const municipalityWithLog = async () => {
  const municipality = await decidingMunicipality();
  const decisions = [
    FUND_PROPOSAL(municipality.proposal), APPROVE_LINE, DEFER_ROUND(municipality.round), CORRECT_FUNDING(municipality.proposal),
    ...Array.from({ length: 12 }, (_, index) => DEFER_ROUND(municipality.round, `VKB nr. ${100 + index}`, `Deferred ${index}.`, '2026-04-01')),
  ];
  for (const decision of decisions) expect((await municipality.publish(decision)).status).toBe(201);
  return municipality;
};
/** Shared, read-only: the tests that read a log and never change it. */
let story: DecidingMunicipality;

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('SHK', 'Shkodër'));
  await createMunicipality(app.strapi, 'KOR', 'Korçë');
  korStaff = await createPerson(app.strapi, 'municipal-staff', ['KOR']);
  citizen = await createPerson(app.strapi, 'citizen');
  await importLines('SHK', staff);
  await app.http().post('/api/participation/municipalities/KOR/budget-lines/import').set(korStaff.auth).send({ csv: 'fiscal_year,code,name,approved\n2026,KOR-1,Korçë line,900000\n' });
  ({ proposal: ids.proposal } = await createRoundAndProposal('SHK'));
  ({ round: ids.korRound, proposal: ids.korProposal } = await createRoundAndProposal('KOR'));
  story = await municipalityWithLog();
});
afterAll(() => app?.close());

describe('publishing decisions', () => {
  it('appends the first decision to the chain, hashed over its canonical JSON', async () => {
    const { code, proposal, publish } = await decidingMunicipality();
    const response = await publish(FUND_PROPOSAL(proposal));
    expect(response.status).toBe(201);
    const entry = response.body.data;
    expect(entry).toEqual({
      sequence: 1,
      hashRule: 2,
      previousHash: GENESIS_HASH,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      municipalityCode: code,
      decisionKind: 'fund',
      subjectKind: 'proposal',
      subjectRef: proposal,
      correctsEntry: null,
      // The decision as sent, with its municipality and no correction.
      decision: { ...FUND_PROPOSAL(proposal), municipalityCode: code, correctsEntry: null },
    });
    expect(entryHash(entry)).toBe(entry.hash);
    expect(response.body.meta.checkpoint).toMatchObject({ municipalityCode: code, size: 1, headHash: entry.hash, issuedAt: entry.publishedAt });
  });

  it('links each next decision to the one before; a budget-line decision is charged to that line', async () => {
    const { round, proposal, publish } = await decidingMunicipality();
    const first = await publish(FUND_PROPOSAL(proposal));
    const onLine = await publish(APPROVE_LINE);
    expect(onLine.status).toBe(201);
    expect(onLine.body.data).toMatchObject({ sequence: 2, previousHash: first.body.data.hash });
    expect(onLine.body.data.decision).toMatchObject({ amount: '900000.00', budgetLine: { code: '1040-01', fiscalYear: 2026 } });
    const onRound = await publish(DEFER_ROUND(round));
    expect(onRound.status).toBe(201);
    expect(onRound.body.data).toMatchObject({ sequence: 3, previousHash: onLine.body.data.hash, decision: { amount: null, budgetLine: null } });
  });

  it('publishes a correction as a new entry that references the old one', async () => {
    const municipality = await decidingMunicipality();
    expect((await municipality.publish(FUND_PROPOSAL(municipality.proposal))).status).toBe(201);
    const response = await municipality.publish(CORRECT_FUNDING(municipality.proposal));
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ sequence: 2, decision: { correctsEntry: 1, amount: '240000.00' } });
    const original = await app.http().get(`${municipality.base}/decisions/1`);
    expect(original.body.data.decision.amount).toBe('250000.50');
  });

  it('keeps a chain per municipality', async () => {
    const [one, other] = [await decidingMunicipality(), await decidingMunicipality()];
    expect((await one.publish(FUND_PROPOSAL(one.proposal))).status).toBe(201);
    const response = await other.publish({ kind: 'reject', subject: { kind: 'proposal', documentId: other.proposal }, councilDecisionReference: 'VKB nr. 3', decisionDate: '2026-03-01', rationale: 'Out of scope.' });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ sequence: 1, previousHash: GENESIS_HASH });
  });

  it.each([
    ['an unknown field', () => ({ ...FUND_PROPOSAL(), approvedBy: 'mayor' }), 'data.approvedBy'],
    ['no rationale', () => ({ ...FUND_PROPOSAL(), rationale: '  ' }), 'data.rationale'],
    ['HTML in the rationale', () => ({ ...FUND_PROPOSAL(), rationale: 'See <script>alert(1)</script>' }), 'data.rationale'],
    ['no amount for a decision to fund', () => ({ ...FUND_PROPOSAL(), amount: undefined }), 'data.amount'],
    ['a float-like amount with three decimals', () => ({ ...FUND_PROPOSAL(), amount: '1.005' }), 'data.amount'],
    ['no budget line to fund from', () => ({ ...FUND_PROPOSAL(), budgetLine: undefined }), 'data.budgetLine'],
    ['an unknown kind', () => ({ ...FUND_PROPOSAL(), kind: 'veto' }), 'data.kind'],
    ['a date that is not on the calendar', () => ({ ...FUND_PROPOSAL(), decisionDate: '2026-02-30' }), 'data.decisionDate'],
    ['a proposal of another municipality', () => ({ ...FUND_PROPOSAL(), subject: { kind: 'proposal', documentId: ids.korProposal } }), 'data.subject.documentId'],
    ['a round of another municipality', () => ({ ...FUND_PROPOSAL(), subject: { kind: 'round', documentId: ids.korRound } }), 'data.subject.documentId'],
    ['an unknown proposal', () => ({ ...FUND_PROPOSAL(), subject: { kind: 'proposal', documentId: 'nope' } }), 'data.subject.documentId'],
    ['a budget line of another municipality', () => ({ ...FUND_PROPOSAL(), budgetLine: { code: 'KOR-1', fiscalYear: 2026 } }), 'data.budgetLine.code'],
    ['a budget line of another year', () => ({ ...FUND_PROPOSAL(), budgetLine: { code: '0950-01', fiscalYear: 2025 } }), 'data.budgetLine.code'],
    ['a budget-line subject that does not exist', () => ({ ...FUND_PROPOSAL(), subject: { kind: 'budget-line', code: 'NOPE', fiscalYear: 2026 } }), 'data.subject.code'],
    ['a correction of an entry that does not exist', () => ({ ...FUND_PROPOSAL(), correctsEntry: 99 }), 'data.correctsEntry'],
  ])('refuses %s with a 400 naming the field, and writes nothing', async (_case, decision, field) => {
    const before = await logSize();
    const response = await publish(JSON.parse(JSON.stringify(decision())));
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(`${field}:`);
    expect(await logSize()).toBe(before);
  });

  it('refuses staff of another municipality and citizens', async () => {
    expect((await publish(FUND_PROPOSAL(), korStaff)).status).toBe(403);
    expect((await publish(FUND_PROPOSAL(), citizen)).status).toBe(403);
  });

  it('gives every concurrent publish its own sequence number', async () => {
    const municipality = await decidingMunicipality();
    const before = await logSize();
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) => municipality.publish(DEFER_ROUND(municipality.round, `VKB nr. ${100 + index}`, `Concurrent ${index}.`, '2026-04-01')))
    );
    expect(responses.map((response) => response.status)).toEqual(Array(12).fill(201));
    expect(responses.map((response) => response.body.data.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, index) => 1 + index));
    expect(await logSize()).toBe(before + 12);
    const verification = await app.http().get(`${municipality.base}/decision-log/verify`);
    expect(verification.body.data).toMatchObject({ valid: true, entries: 12 });
  });
});

describe('public reads', () => {
  it('lists a municipality’s decisions, newest first, paginated and filtered by subject kind', async () => {
    const page = await app.http().get(`${story.base}/decisions?pageSize=2`);
    expect(page.status).toBe(200);
    expect(page.body.data.map((entry: DecisionLogEntry) => entry.sequence)).toEqual([16, 15]);
    expect(page.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 8, total: 16 });
    const proposals = await app.http().get(`${story.base}/decisions?subjectKind=proposal&sort=sequence`);
    expect(proposals.body.data.map((entry: DecisionLogEntry) => entry.sequence)).toEqual([1, 4]);
    expect(JSON.stringify(proposals.body)).not.toMatch(/publishedBy|email|@example/);
  });

  it('answers 400 for an unknown query parameter, municipality or a sequence that is not a number, 404 for an unknown entry', async () => {
    expect((await app.http().get(`${story.base}/decisions?filters[decisionJson][$contains]=x`)).status).toBe(400);
    const unknown = await app.http().get('/api/participation/municipalities/XXX/decisions');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('municipalityCode');
    expect((await app.http().get(`${story.base}/decisions/999`)).status).toBe(404);
    const notANumber = await app.http().get(`${story.base}/decisions/abc`);
    expect(notANumber.status).toBe(400);
    expect(notANumber.body.error.message).toMatch(/^Invalid path: sequence: /);
  });

  it('verifies the whole chain and exports it for offline verification', async () => {
    const verification = await app.http().get(`${story.base}/decision-log/verify`);
    const exported = await app.http().get(`${story.base}/decision-log/export`);
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      format: 'participation-decision-log/2',
      municipalityCode: story.code,
      headHash: verification.body.data.headHash,
      checkpoint: { size: 16, headHash: verification.body.data.headHash },
    });
    expect(exported.body.entries).toHaveLength(16);
    expect(verifyChain(exported.body.entries)).toEqual(verification.body.data);
  });

  it('the verify-log CLI fetches the export and verifies it on its own', async () => {
    expect(await verifyLogCli([app.baseUrl, story.code])).toMatchObject({ valid: true, entries: 16 });
  });

  it('detects a doctored export', async () => {
    const { entries } = (await app.http().get(`${story.base}/decision-log/export`)).body;
    entries[0].decision.amount = '2500000.50';
    expect(verifyChain(entries).firstProblem).toMatchObject({ sequence: 1, problem: 'altered' });
  });
});

describe('signed checkpoints', () => {
  const signingKey = async () => (await app.http().get('/api/participation/decision-log/signing-key')).body.data;

  it('publishes the Ed25519 public key that signs them', async () => {
    const key = await signingKey();
    expect(key).toEqual({ algorithm: 'Ed25519', keyId: expect.stringMatching(/^[0-9a-f]{64}$/), publicKey: expect.stringContaining('-----BEGIN PUBLIC KEY-----') });
    expect(readPublicKey(key.publicKey).asymmetricKeyType).toBe('ed25519');
    expect(JSON.stringify(key)).not.toMatch(/PRIVATE/);
  });

  it('issues one with every entry: the latest, or the one at a given size, each verifying with the public key', async () => {
    const publicKey = readPublicKey((await signingKey()).publicKey);
    const latest = await app.http().get(`${story.base}/decision-log/checkpoint`);
    expect(latest.status).toBe(200);
    const head = (await app.http().get(`${story.base}/decisions/16`)).body.data;
    expect(latest.body.data).toEqual({ municipalityCode: story.code, size: 16, headHash: head.hash, issuedAt: head.publishedAt, keyId: (await signingKey()).keyId, signature: expect.any(String) });
    expect(checkpointSignatureValid(latest.body.data, publicKey)).toBe(true);
    const atThree = await app.http().get(`${story.base}/decision-log/checkpoint?size=3`);
    expect(atThree.body.data).toMatchObject({ size: 3, headHash: (await app.http().get(`${story.base}/decisions/3`)).body.data.hash });
    expect(checkpointSignatureValid(atThree.body.data, publicKey)).toBe(true);
    expect((await app.http().get(`${story.base}/decision-log/checkpoint?size=99`)).status).toBe(404);
    expect((await app.http().get(`${story.base}/decision-log/checkpoint?size=0`)).status).toBe(400);
  });

  it('verifies the log against a kept checkpoint, and refuses one the key did not sign or that lacks a field', async () => {
    const { size, headHash, issuedAt, signature } = (await app.http().get(`${story.base}/decision-log/checkpoint?size=5`)).body.data;
    const verify = (query: Record<string, unknown>) => app.http().get(`${story.base}/decision-log/verify`).query(query);
    expect((await verify({ size, headHash, issuedAt, signature })).body.data).toMatchObject({ valid: true, entries: 16 });
    const forged = await verify({ size: 4, headHash, issuedAt, signature });
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toMatch(/^signature: is not this server's signature/);
    const otherMunicipality = await app.http().get('/api/participation/municipalities/KOR/decision-log/verify').query({ size, headHash, issuedAt, signature });
    expect(otherMunicipality.status).toBe(400);
    const partial = await verify({ size, headHash });
    expect(partial.status).toBe(400);
    expect(partial.body.error.message).toContain('issuedAt: is required with the other fields of a checkpoint');
  });

  it('keeps checkpoints append-only in the database', async () => {
    const checkpoints = () => app.strapi.db.connection('participation_decision_log_checkpoints').where({ municipality_code: story.code, size: 1 });
    await expect(checkpoints().update({ head_hash: 'f'.repeat(64) })).rejects.toMatchObject({ message: expect.stringMatching(/append-only/) });
    await expect(checkpoints().delete()).rejects.toMatchObject({ message: expect.stringMatching(/append-only/) });
  });
});

describe('the log is append-only in the database itself', () => {
  const raw = () => app.strapi.db.connection;

  it('refuses UPDATE and DELETE in plain SQL', async () => {
    await expect(raw()(TABLE).where({ municipality_code: story.code, sequence: 1 }).update({ decision_json: '{}' })).rejects.toMatchObject({ message: expect.stringMatching(/append-only/) });
    await expect(raw()(TABLE).where({ municipality_code: story.code, sequence: 1 }).delete()).rejects.toMatchObject({ message: expect.stringMatching(/append-only/) });
  });

  it('refuses changes through the Document Service, which the admin panel uses', async () => {
    const row = await raw()(TABLE).where({ municipality_code: story.code, sequence: 2 }).first('document_id');
    const documents = app.strapi.documents('plugin::participation.decision-log-entry');
    await expect(documents.update({ documentId: row.document_id, data: { decisionJson: '{}' } as UpdateData<'plugin::participation.decision-log-entry'> })).rejects.toMatchObject({ message: expect.stringMatching(/append-only/) });
    await expect(documents.delete({ documentId: row.document_id })).rejects.toMatchObject({ message: expect.stringMatching(/append-only/) });
    expect((await app.http().get(`${story.base}/decision-log/verify`)).body.data.valid).toBe(true);
  });

  it('is hidden from the Content Manager', () => {
    const contentType = app.strapi.contentType('plugin::participation.decision-log-entry');
    expect(contentType.pluginOptions).toMatchObject({ 'content-manager': { visible: false } });
  });
});

describe('verification finds tampering by someone who can drop the triggers', () => {
  beforeAll(() => dropAppendOnlyTriggers(app));
  /** Each test tampers with a sixteen-entry log of its own. */
  const tamperableLog = async () => {
    const municipality = await municipalityWithLog();
    const rows = () => app.strapi.db.connection(TABLE).where({ municipality_code: municipality.code }).orderBy('sequence', 'asc');
    return {
      ...municipality,
      rows,
      entryRow: () => app.strapi.db.connection(TABLE).where({ municipality_code: municipality.code, sequence: 2 }),
      verify: async () => (await app.http().get(`${municipality.base}/decision-log/verify`)).body.data,
    };
  };

  it('an altered entry', async () => {
    const { entryRow, verify } = await tamperableLog();
    const { decision_json: original } = await entryRow().first('decision_json');
    await entryRow().update({ decision_json: original.replace('"900000.00"', '"9000000.00"') });
    expect(await verify()).toMatchObject({ valid: false, entries: 16, firstProblem: { sequence: 2, problem: 'altered' } });
    await entryRow().update({ decision_json: original });
    expect((await verify()).valid).toBe(true);
  });

  it('a changed subject_kind, which hash rule 2 covers', async () => {
    const { entryRow, verify } = await tamperableLog();
    await entryRow().update({ subject_kind: 'round' });
    expect(await verify()).toMatchObject({ valid: false, firstProblem: { sequence: 2, problem: 'altered' } });
    await entryRow().update({ subject_kind: 'budget-line' });
    expect((await verify()).valid).toBe(true);
  });

  describe('against a checkpoint kept before the operator', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'kept-checkpoint-'));
    /** The log's latest checkpoint, kept in a file before the operator comes, and how the log verifies against it. */
    const keepCheckpoint = async (log: DecidingMunicipality) => {
      const kept = (await app.http().get(`${log.base}/decision-log/checkpoint`)).body.data;
      const keptFile = path.join(directory, `kept-${log.code}.json`);
      writeFileSync(keptFile, JSON.stringify({ data: kept }));
      const verifyAgainstKept = async () => {
        const { size, headHash, issuedAt, signature } = kept;
        return (await app.http().get(`${log.base}/decision-log/verify`).query({ size, headHash, issuedAt, signature })).body.data;
      };
      expect((await verifyAgainstKept()).valid).toBe(true);
      return { keptFile, verifyAgainstKept };
    };

    it('finds an entry rewritten in SQL with every later hash recomputed', async () => {
      const log = await tamperableLog();
      const { keptFile, verifyAgainstKept } = await keepCheckpoint(log);
      const { entries } = (await app.http().get(`${log.base}/decision-log/export`)).body as { entries: ChainEntry[] };
      // Entry 2 approved 900000.00 on the home care line: the operator makes it 9000000.00 and reseals the rest.
      await rewriteEntry(app, log.code, entries, 2, (decision) => ({ ...decision, amount: '9000000.00' }));
      // The chain holds in itself: without a kept checkpoint nothing shows.
      expect(await log.verify()).toMatchObject({ valid: true, entries: 16 });
      expect(await verifyAgainstKept()).toMatchObject({ valid: false, firstProblem: { sequence: 16, problem: 'rewritten' } });
      expect(await verifyLogCli([app.baseUrl, log.code, '--checkpoint', keptFile])).toMatchObject({ valid: false, firstProblem: { sequence: 16, problem: 'rewritten' } });
    });

    it('finds the last entries cut', async () => {
      const log = await tamperableLog();
      const { keptFile, verifyAgainstKept } = await keepCheckpoint(log);
      await log.rows().where('sequence', '>', 14).delete();
      expect(await log.verify()).toMatchObject({ valid: true, entries: 14 });
      expect(await verifyAgainstKept()).toMatchObject({ valid: false, entries: 14, firstProblem: { sequence: 15, problem: 'truncated' } });
      const keyFile = path.join(directory, 'key.json');
      writeFileSync(keyFile, JSON.stringify((await app.http().get('/api/participation/decision-log/signing-key')).body));
      expect(await verifyLogCli([`${app.baseUrl}${log.base}/decision-log/export`, '--checkpoint', keptFile, '--key', keyFile])).toMatchObject({
        valid: false,
        firstProblem: { sequence: 15, problem: 'truncated' },
      });
    });
  });

  it('a removed entry', async () => {
    const { code, entryRow, verify } = await tamperableLog();
    await entryRow().delete();
    expect(await verify()).toMatchObject({ valid: false, entries: 15, firstProblem: { sequence: 2, problem: 'missing' } });
    expect(await verifyLogCli([app.baseUrl, code])).toMatchObject({ valid: false, firstProblem: { sequence: 2, problem: 'missing' } });
  });
});
