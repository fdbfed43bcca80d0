import { bootApp, type TestApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { advanceRound, createProposal, createRound } from '../harness/fixtures';
import { addBallotsReplacedWholeGuard } from '../../plugins/participation/server/src/database/guards';
import type { CastAssistedBallot } from '../../plugins/participation/shared/contracts';

/**
 * Ballot secrecy and integrity against a facilitator and a database operator: assisted ballots never
 * replace a person's own, a dump taken after voting closed cannot tie ballots to voters, and receipts
 * catch edited ballots.
 */
let app: TestApp;
let staff: TestPerson;
let facilitator: TestPerson;

const BALLOTS = 'participation_ballots';
const PARTICIPATIONS = 'participation_round_participations';

/** A row of the audit trail of replaced ballots (made by a migration, no content type). */
interface ReplacementRow {
  id: number;
  round_document_id: string;
  district_code: string;
  voter_id: number | null;
  facilitator_id: number | null;
  channel_before: string;
  channel_after: string;
  replaced_at: unknown;
}
const base = '/api/participation/municipalities/DUR';
const db = () => app.strapi.db.connection;

beforeAll(async () => {
  app = await bootApp();
  await createMunicipality(app.strapi, 'DUR', 'Durrës');
  staff = await createPerson(app.strapi, 'municipal-staff', ['DUR']);
  facilitator = await createPerson(app.strapi, 'cso-facilitator', ['DUR']);
});
afterAll(async () => {
  await app?.close();
});

const votingRound = async (proposals: number) => {
  const roundId = await createRound(app.strapi, 'DUR');
  const ids: string[] = [];
  for (let i = 0; i < proposals; i += 1) {
    ids.push(await createProposal(app.strapi, roundId, 'DUR', { proposalStatus: 'on_ballot', ballotNumber: i + 1, costEstimateMinor: '100' }));
  }
  await advanceRound(app.strapi, roundId, 'voting');
  return { roundId, ids };
};
const vote = (roundId: string, person: TestPerson, projects: string[]) =>
  app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(person.auth).send({ choices: { projects } });
const assisted = (roundId: string, participant: object, projects: string[], channel = 'assisted') =>
  app.http().post(`${base}/rounds/${roundId}/assisted-ballots`).set(facilitator.auth).send({ channel, participant, consent: { given: true, method: 'signed-form' }, choices: { projects } });
const closeVoting = async (roundId: string) =>
  expect((await app.http().post(`${base}/rounds/${roundId}/transitions`).set(staff.auth).send({ action: 'close-voting' })).status).toBe(200);
const checkReceipt = async (roundId: string, receipt: string) => (await app.http().get(`/api/participation/rounds/${roundId}/receipts/${receipt}`)).body.data;
const citizens = (n: number) => Promise.all(Array.from({ length: n }, () => createPerson(app.strapi, 'citizen')));

describe('assisted and paper ballots', () => {
  it('never replace a ballot the person cast online, and answer the same whether or not there is one', async () => {
    const { roundId, ids } = await votingRound(2);
    const [voted, notVoted] = await citizens(2);
    const own = await vote(roundId, voted, [ids[0]]);
    expect(own.status).toBe(201);

    const forVoted = await assisted(roundId, { userId: voted.id }, [ids[1]]);
    const forNotVoted = await assisted(roundId, { userId: notVoted.id }, [ids[1]]);
    expect(forVoted.status).toBe(202);
    expect(forNotVoted.status).toBe(202);
    const withoutCode = (body: CastAssistedBallot.Response) => ({ ...body, data: { ...body.data, receiptCode: 'code' } });
    expect(withoutCode(forVoted.body)).toEqual(withoutCode(forNotVoted.body));
    expect(forVoted.body.data).not.toHaveProperty('replacedEarlierBallot');

    const ownBallot = await db()(BALLOTS).where({ round_document_id: roundId, receipt_code: own.body.data.receiptCode.slice(0, 14) }).first();
    expect(ownBallot).toMatchObject({ channel: 'online' });
    expect(JSON.parse(typeof ownBallot.choices === 'string' ? ownBallot.choices : JSON.stringify(ownBallot.choices)).projects).toEqual([ids[0]]);
    expect(await db()(BALLOTS).where({ round_document_id: roundId })).toHaveLength(2);
    expect(await db()(PARTICIPATIONS).where({ round_document_id: roundId, voter_id: voted.id }).first()).toMatchObject({ channel: 'online', facilitator_id: null });

    // Staff see the conflict to resolve with the person; the facilitator never does.
    const participation = await app.http().get(`${base}/rounds/${roundId}/participation`).set(staff.auth);
    expect(participation.body.meta.conflicts).toEqual([
      { username: voted.username, facilitator: facilitator.username, channel: 'assisted', districtCode: '', recordedAt: expect.any(String) },
    ]);

    // The database refuses it too, whoever writes.
    await expect(db()(BALLOTS).where({ id: ownBallot.id }).update({ channel: 'assisted', receipt_code: 'ZZZZ-ZZZZ-ZZZZ' })).rejects.toThrow(/participation_ballots_replaced_whole/);

    await closeVoting(roundId);
    expect(await checkReceipt(roundId, own.body.data.receiptCode)).toMatchObject({ inPublishedBallotSet: true, matchesBallotAsCast: true, channel: 'online' });
    expect(await checkReceipt(roundId, forNotVoted.body.data.receiptCode)).toMatchObject({ inPublishedBallotSet: true, matchesBallotAsCast: true, channel: 'assisted' });
  });

  it('keeps an append-only audit trail of every replacement: who, channel and when, never the choices', async () => {
    const { roundId, ids } = await votingRound(2);
    const [selfReplacing, assistedFirst] = await citizens(2);
    await vote(roundId, selfReplacing, [ids[0]]);
    await vote(roundId, selfReplacing, [ids[1]]);
    const paper = { offlineReference: 'Form DUR-0007', residenceMunicipalityCode: 'DUR' };
    await assisted(roundId, paper, [ids[0]], 'paper');
    await assisted(roundId, paper, [ids[1]], 'paper');
    await assisted(roundId, { userId: assistedFirst.id }, [ids[0]]);
    expect((await vote(roundId, assistedFirst, [ids[1]])).body.data.replacedEarlierBallot).toBe(true);

    const trail: ReplacementRow[] = await db()('participation_ballot_replacements').where({ round_document_id: roundId }).orderBy('id');
    expect(trail.map(({ voter_id, facilitator_id, channel_before, channel_after }) => ({ voter_id, facilitator_id, channel_before, channel_after }))).toEqual([
      { voter_id: selfReplacing.id, facilitator_id: null, channel_before: 'online', channel_after: 'online' },
      { voter_id: null, facilitator_id: facilitator.id, channel_before: 'paper', channel_after: 'paper' },
      { voter_id: assistedFirst.id, facilitator_id: null, channel_before: 'assisted', channel_after: 'online' },
    ]);
    expect(trail.every((row) => row.replaced_at !== null)).toBe(true);
    expect(Object.keys(trail[0]).sort()).toEqual(['channel_after', 'channel_before', 'district_code', 'facilitator_id', 'id', 'replaced_at', 'round_document_id', 'voter_id']);
    await expect(db()('participation_ballot_replacements').where({ id: trail[0].id }).del()).rejects.toThrow(/append-only/);
    await expect(db()('participation_ballot_replacements').where({ id: trail[0].id }).update({ channel_after: 'paper' })).rejects.toThrow(/append-only/);
  });
});

describe('a database dump taken after voting closed', () => {
  it('ties no ballot to its participation record: not by id, physical order, transaction or time, and holds no voter key', async () => {
    const { roundId, ids } = await votingRound(5);
    const voters = await citizens(10);
    // Every voter approves a different set of proposals, so a ballot's content names its voter for the test.
    const chosen = new Map<number, string[]>();
    for (const [i, person] of voters.entries()) {
      const projects = ids.filter((_, bit) => ((i + 1) >> bit) & 1);
      chosen.set(person.id, projects);
      expect((await vote(roundId, person, projects)).status).toBe(201);
    }
    // The first voter changes their mind last: replacements must not stand out either.
    chosen.set(voters[0].id, [ids[4]]);
    await vote(roundId, voters[0], [ids[4]]);
    const published = async () =>
      (await db()(BALLOTS).where({ round_document_id: roundId }).select('receipt_code', 'choices', 'channel', 'district_code'))
        .map((row: { choices: unknown }) => JSON.stringify({ ...row, choices: typeof row.choices === 'string' ? JSON.parse(row.choices) : row.choices }))
        .sort();
    const before = await published();

    await closeVoting(roundId);
    expect(await published()).toEqual(before);

    const projectsOf = (choices: unknown) => JSON.stringify((typeof choices === 'string' ? JSON.parse(choices) : (choices as { projects: string[] })).projects);
    const votersBy = async (order: string) =>
      (await db()(PARTICIPATIONS).where({ round_document_id: roundId }).orderByRaw(order)).map((row: { voter_id: number }) => JSON.stringify(chosen.get(row.voter_id)));
    const ballotsBy = async (order: string) => (await db()(BALLOTS).where({ round_document_id: roundId }).orderByRaw(order)).map((row: { choices: unknown }) => projectsOf(row.choices));
    for (const order of ['id', 'last_cast_at, id']) {
      expect(await ballotsBy('id')).not.toEqual(await votersBy(order));
    }
    const rows: Array<Record<string, unknown>> = await db()(BALLOTS).where({ round_document_id: roundId });
    expect(rows.every((row) => row.voter_key === null)).toBe(true);
    for (const column of Object.keys(rows[0]).filter((name) => name.endsWith('_at'))) {
      expect(rows.every((row) => row[column] === null)).toBe(true);
    }
    if (app.engine === 'postgres') {
      const joined = await db().raw(`SELECT count(*)::int AS n FROM ${BALLOTS} b JOIN ${PARTICIPATIONS} p ON p.xmin = b.xmin WHERE b.round_document_id = ?`, [roundId]);
      expect(joined.rows[0].n).toBe(0);
      expect(await ballotsBy('ctid')).not.toEqual(await votersBy('ctid'));
    }

    const counted = await app.http().post(`${base}/rounds/${roundId}/count`).set(staff.auth);
    expect(counted.body.data.districts[0].ballots).toBe(10);
  });

  it('cannot be read with a voter key the database or another secret would give: the key comes from BALLOT_SECRET only', async () => {
    const service = app.strapi.plugin('participation').service('ballot');
    const kept = process.env.BALLOT_SECRET;
    delete process.env.BALLOT_SECRET;
    try {
      expect(() => service.secret()).toThrow(/BALLOT_SECRET/);
    } finally {
      process.env.BALLOT_SECRET = kept;
    }
  });
});

describe('receipts and operator edits', () => {
  it('a receipt commits to the ballot as cast: an edited ballot no longer matches it', async () => {
    const { roundId, ids } = await votingRound(2);
    const [voter, other] = await citizens(2);
    const receipt = (await vote(roundId, voter, [ids[0]])).body.data.receiptCode as string;
    const otherReceipt = (await vote(roundId, other, [ids[1]])).body.data.receiptCode as string;
    expect(receipt).toMatch(/^([A-Z2-9]{4}-){5}[A-Z2-9]{4}$/);
    const code = receipt.slice(0, 14);
    const edit = () => db()(BALLOTS).where({ receipt_code: code }).update({ choices: JSON.stringify({ kind: 'approval', projects: [ids[1]] }) });
    await expect(edit()).rejects.toThrow(/participation_ballots_replaced_whole/);

    // An operator who gets past the guard (dropping it, or PostgreSQL's replica mode) is still caught by the receipt.
    if (app.engine === 'postgres') {
      await db().transaction(async (trx) => {
        await trx.raw('SET LOCAL session_replication_role = replica');
        await trx(BALLOTS).where({ receipt_code: code }).update({ choices: JSON.stringify({ kind: 'approval', projects: [ids[1]] }) });
      });
    } else {
      await db().raw('DROP TRIGGER participation_ballots_replaced_whole_update');
      await edit();
      await addBallotsReplacedWholeGuard(db());
    }
    await closeVoting(roundId);
    expect(await checkReceipt(roundId, receipt)).toMatchObject({ inPublishedBallotSet: true, matchesBallotAsCast: false });
    expect(await checkReceipt(roundId, otherReceipt)).toMatchObject({ inPublishedBallotSet: true, matchesBallotAsCast: true });
    const forged = `${otherReceipt.slice(0, 15)}${receipt.slice(15)}`;
    expect(await checkReceipt(roundId, forged)).toMatchObject({ inPublishedBallotSet: true, matchesBallotAsCast: false });
    const malformed = await app.http().get(`/api/participation/rounds/${roundId}/receipts/${code}`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('receiptCode');
  });

  it('refuses deleting a ballot, while voting and after, whoever asks', async () => {
    const { roundId, ids } = await votingRound(1);
    const [voter] = await citizens(1);
    await vote(roundId, voter, [ids[0]]);
    const refused = /participation_ballots_never_deleted/;
    await expect(db()(BALLOTS).where({ round_document_id: roundId }).del()).rejects.toThrow(refused);
    await closeVoting(roundId);
    await expect(db()(BALLOTS).where({ round_document_id: roundId }).del()).rejects.toThrow(refused);
    if (app.engine === 'postgres') await expect(db().raw(`TRUNCATE ${BALLOTS}`)).rejects.toThrow(refused);
    expect(await db()(BALLOTS).where({ round_document_id: roundId })).toHaveLength(1);
  });
});
