import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { advanceRound, bootWithMunicipality, createProposal, createRound } from '../harness/fixtures';
import type { UpdateData } from '../../plugins/participation/server/src/utils/update-data';

/** Districts per voter (#11 item 5): one district per voter unless the round says every district, held by the database. */
let app: TestApp;
let staff: TestPerson;
let facilitator: TestPerson;
const db = () => app.strapi.db.connection;

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('VLO', 'Vlorë'));
  facilitator = await createPerson(app.strapi, 'cso-facilitator', ['VLO']);
});
afterAll(() => app?.close());

const DISTRICTS = [
  { code: 'N', name: 'North', budget: '500' },
  { code: 'S', name: 'South', budget: '500' },
];

/** A voting round open to everyone with two districts and one proposal on each district's ballot. */
const votingRound = async (districtsPerVoter?: 'one' | 'every') => {
  const roundId = await createRound(app.strapi, 'VLO', { districts: DISTRICTS, ...(districtsPerVoter ? { districtsPerVoter } : {}) });
  const north = await createProposal(app.strapi, roundId, 'VLO', { districtCode: 'N', proposalStatus: 'on_ballot', ballotNumber: 1 });
  const south = await createProposal(app.strapi, roundId, 'VLO', { districtCode: 'S', proposalStatus: 'on_ballot', ballotNumber: 2 });
  await advanceRound(app.strapi, roundId, 'voting');
  return { roundId, north, south };
};
const vote = (roundId: string, person: TestPerson, districtCode: string, project: string) =>
  app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(person.auth).send({ districtCode, choices: { projects: [project] } });

describe('districts per voter', () => {
  it('by default lets one person vote in one district only, also when they come back through a facilitator', async () => {
    const { roundId, north, south } = await votingRound();
    const citizen = await createPerson(app.strapi, 'citizen');
    expect((await vote(roundId, citizen, 'N', north)).status).toBe(201);
    // Changing their mind within the district is still a replacement.
    expect((await vote(roundId, citizen, 'N', north)).body.data.replacedEarlierBallot).toBe(true);

    const second = await vote(roundId, citizen, 'S', south);
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/one district per voter/);

    const assisted = await app
      .http()
      .post(`/api/participation/municipalities/VLO/rounds/${roundId}/assisted-ballots`)
      .set(facilitator.auth)
      .send({ channel: 'assisted', districtCode: 'S', participant: { userId: citizen.id }, consent: { given: true, method: 'verbal' }, choices: { projects: [south] } });
    expect(assisted.status).toBe(202);
    expect(await db()('participation_ballots').where({ round_document_id: roundId, district_code: 'S' })).toHaveLength(0);
    expect(await db()('participation_ballot_conflicts').where({ round_document_id: roundId, voter_id: citizen.id })).toHaveLength(1);
    expect(await db()('participation_round_participations').where({ round_document_id: roundId })).toHaveLength(1);
  });

  it('lets one person vote once in every district where the round says so', async () => {
    const { roundId, north, south } = await votingRound('every');
    const citizen = await createPerson(app.strapi, 'citizen');
    expect((await vote(roundId, citizen, 'N', north)).status).toBe(201);
    expect((await vote(roundId, citizen, 'S', south)).status).toBe(201);
    expect(await db()('participation_ballots').where({ round_document_id: roundId })).toHaveLength(2);
    expect((await vote(roundId, citizen, 'S', south)).body.data.replacedEarlierBallot).toBe(true);
    expect(await db()('participation_ballots').where({ round_document_id: roundId })).toHaveLength(2);
  });

  it('is held by the database whoever writes the participation record', async () => {
    const { roundId } = await votingRound();
    const record = (district: string, scope: string | null) =>
      db()('participation_round_participations').insert({
        document_id: `p-${district}-${scope}-${Math.random()}`,
        round_document_id: roundId,
        district_code: district,
        district_scope: scope,
        participant_key: 'user:999999',
        channel: 'online',
        last_cast_at: new Date(),
      });
    await expect(record('N', 'N')).rejects.toThrow(/participation_round_participations_district_scope/);
    await expect(record('N', null)).rejects.toThrow(/participation_round_participations_district_scope/);
    await record('N', '*');
    await expect(record('S', '*')).rejects.toThrow(/unique|duplicate/i);
  });

  it('freezes with the other rules when voting opens', async () => {
    const { roundId } = await votingRound();
    await expect(
      app.strapi.documents('plugin::participation.round').update({ documentId: roundId, data: { districtsPerVoter: 'every' } as UpdateData<'plugin::participation.round'> })
    ).rejects.toThrow(/participation_rounds_settings_frozen/);
  });

  it('is a round setting of the API, one by default', async () => {
    const settings = {
      fiscalYear: 2026,
      title: 'Districts',
      totalBudget: '1000',
      districts: DISTRICTS,
      ballotRules: { kind: 'approval', countingRule: 'greedy_cost' },
      eligibility: { residentsOnly: false },
    };
    const created = await app.http().post('/api/participation/municipalities/VLO/rounds').set(staff.auth).send({ data: settings });
    expect(created.status).toBe(201);
    expect(created.body.data.districtsPerVoter).toBe('one');
    const updated = await app
      .http()
      .put(`/api/participation/municipalities/VLO/rounds/${created.body.data.documentId}`)
      .set(staff.auth)
      .send({ data: { ...settings, districtsPerVoter: 'every' } });
    expect(updated.body.data.districtsPerVoter).toBe('every');
    const wrong = await app.http().post('/api/participation/municipalities/VLO/rounds').set(staff.auth).send({ data: { ...settings, districtsPerVoter: 'two' } });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body.error)).toMatch(/districtsPerVoter/);
  });
});
