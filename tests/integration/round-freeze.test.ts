import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { advanceRound, bootWithMunicipality, createProposal, createRound } from '../harness/fixtures';
import { addRoundSettingsFrozenGuard } from '../../plugins/participation/server/src/database/guards';
import { signInAsAdmin } from '../harness/admin';
import type { UpdateData } from '../../plugins/participation/server/src/utils/update-data';

/**
 * What a count reads freezes when voting opens, whoever writes (#11 item 4): the phase moves only along
 * the phase machine, ballot proposals keep their costs, districts and numbers, and a count (or a voting
 * instance) refuses settings that differ from the fingerprint taken when voting opened.
 */
let app: TestApp;
let staff: TestPerson;
const db = () => app.strapi.db.connection;
const rounds = () => db()('participation_rounds');
const proposals = () => db()('participation_proposals');
const base = '/api/participation/municipalities/BER';

beforeAll(async () => ({ app, staff } = await bootWithMunicipality('BER', 'Berat')));
afterAll(() => app?.close());

const votingRound = async () => {
  const roundId = await createRound(app.strapi, 'BER');
  const proposalId = await createProposal(app.strapi, roundId, 'BER', { proposalStatus: 'on_ballot', ballotNumber: 1, costEstimateMinor: '100' });
  await advanceRound(app.strapi, roundId, 'voting');
  return { roundId, proposalId };
};

describe('the phase machine, in the database', () => {
  it('refuses the three-statement thaw: back to review, change budget and eligibility, voting again', async () => {
    const { roundId } = await votingRound();
    const round = () => rounds().where({ document_id: roundId });
    await expect(round().update({ phase: 'review' })).rejects.toThrow(/participation_rounds_phase_machine/);
    await expect(round().update({ total_budget_minor: 1, eligibility: JSON.stringify({ residentsOnly: true }) })).rejects.toThrow(/participation_rounds_settings_frozen/);
    // The same thaw in one statement, and through the Document Service (the Content Manager's path).
    await expect(round().update({ phase: 'review', total_budget_minor: 1 })).rejects.toThrow(/participation_rounds_(phase_machine|settings_frozen)/);
    await expect(
      app.strapi.documents('plugin::participation.round').update({ documentId: roundId, data: { phase: 'proposals' } as UpdateData<'plugin::participation.round'> })
    ).rejects.toThrow(/participation_rounds_phase_machine/);
    expect(await round().first('phase', 'total_budget_minor')).toMatchObject({ phase: 'voting', total_budget_minor: expect.anything() });
    expect(String((await round().first('total_budget_minor')).total_budget_minor)).toBe('100000');
  });

  it('moves a round one phase on at a time from draft, and into voting only with a settings fingerprint', async () => {
    await expect(
      app.strapi.documents('plugin::participation.round').create({
        data: { municipalityCode: 'BER', fiscalYear: 2026, title: 'Born voting', totalBudgetMinor: '1', ballotRules: {}, eligibility: {}, phase: 'voting' },
      })
    ).rejects.toThrow(/participation_rounds_created_in_draft/);
    const roundId = await createRound(app.strapi, 'BER');
    const round = () => rounds().where({ document_id: roundId });
    await expect(round().update({ phase: 'voting' })).rejects.toThrow(/participation_rounds_phase_machine/);
    await round().update({ phase: 'proposals' });
    await round().update({ phase: 'review' });
    await expect(round().update({ phase: 'voting' })).rejects.toThrow(/participation_rounds_phase_machine/);
    await round().update({ phase: 'voting', settings_fingerprint: 'f'.repeat(64) });
    await expect(round().update({ settings_fingerprint: 'e'.repeat(64) })).rejects.toThrow(/participation_rounds_settings_frozen/);
    await expect(round().update({ phase: 'results' })).rejects.toThrow(/participation_rounds_phase_machine/);
  });

  it('keeps a round once voting opened, and each round and proposal has its own document id', async () => {
    const draft = await createRound(app.strapi, 'BER');
    await rounds().where({ document_id: draft }).del();
    const { roundId, proposalId } = await votingRound();
    await expect(rounds().where({ document_id: roundId }).del()).rejects.toThrow(/participation_rounds_kept_once_voting/);
    const [round] = await rounds().where({ document_id: roundId }).select('municipality_code', 'fiscal_year', 'title', 'total_budget_minor', 'ballot_rules', 'eligibility');
    await expect(rounds().insert({ ...round, document_id: roundId, phase: 'draft' })).rejects.toThrow(/unique|duplicate/i);
    const [proposal] = await proposals().where({ document_id: proposalId }).select('round_document_id', 'municipality_code', 'author_id', 'title', 'description', 'requested_minor', 'budget_line_codes', 'gender_marker', 'youth_marker');
    await expect(proposals().insert({ ...proposal, document_id: proposalId, proposal_status: 'submitted' })).rejects.toThrow(/unique|duplicate/i);
  });
});

describe('the ballot freezes with the rules', () => {
  it('refuses a change of what the count reads of a ballot proposal, its removal, and a late addition', async () => {
    const { roundId, proposalId } = await votingRound();
    const proposal = () => proposals().where({ document_id: proposalId });
    for (const change of [{ cost_estimate_minor: 1 }, { requested_minor: 1 }, { ballot_number: 2 }, { district_code: 'N' }, { gender_marker: 'closes_gender_gaps' }, { proposal_status: 'withdrawn' }]) {
      await expect(proposal().update(change)).rejects.toThrow(/participation_proposals_ballot_frozen/);
    }
    await expect(proposal().del()).rejects.toThrow(/participation_proposals_ballot_kept/);
    await expect(createProposal(app.strapi, roundId, 'BER', { proposalStatus: 'on_ballot', ballotNumber: 2 })).rejects.toThrow(/participation_proposals_ballot_join/);
    const late = await createProposal(app.strapi, roundId, 'BER', { proposalStatus: 'feasible', costEstimateMinor: '1' });
    await expect(proposals().where({ document_id: late }).update({ proposal_status: 'on_ballot' })).rejects.toThrow(/participation_proposals_ballot_frozen/);
    // What the count does not read may still be corrected, and the results still move the status on.
    await proposal().update({ description: 'Corrected description.' });
    await rounds().where({ document_id: roundId }).update({ phase: 'counting' });
    await proposal().update({ proposal_status: 'selected' });
  });
});

describe('the settings fingerprint', () => {
  /** A round taken through review by the API: open-voting puts the feasible proposal on the ballot and fingerprints the settings. */
  const openedByTheApi = async () => {
    const roundId = await createRound(app.strapi, 'BER');
    const proposalId = await createProposal(app.strapi, roundId, 'BER', { proposalStatus: 'feasible', costEstimateMinor: '100' });
    await advanceRound(app.strapi, roundId, 'review');
    expect((await app.http().post(`${base}/rounds/${roundId}/transitions`).set(staff.auth).send({ action: 'open-voting' })).status).toBe(200);
    expect((await rounds().where({ document_id: roundId }).first('settings_fingerprint')).settings_fingerprint).toMatch(/^[0-9a-f]{64}$/);
    return { roundId, proposalId };
  };
  const transition = (roundId: string, action: string) => app.http().post(`${base}/rounds/${roundId}/transitions`).set(staff.auth).send({ action });
  const count = (roundId: string) => app.http().post(`${base}/rounds/${roundId}/count`).set(staff.auth);
  /** An operator who gets past the guard (dropping its trigger) and changes the budget. */
  const tamper = async (roundId: string) => {
    await db().raw(app.engine === 'postgres' ? 'DROP TRIGGER participation_rounds_settings_frozen ON participation_rounds' : 'DROP TRIGGER participation_rounds_settings_frozen_update');
    try {
      await rounds().where({ document_id: roundId }).update({ total_budget_minor: 1 });
    } finally {
      await addRoundSettingsFrozenGuard(db());
    }
  };

  it('lets a round whose settings are as stored be voted on and counted', async () => {
    const { roundId, proposalId } = await openedByTheApi();
    const citizen = await createPerson(app.strapi, 'citizen');
    expect((await app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(citizen.auth).send({ choices: { projects: [proposalId] } })).status).toBe(201);
    expect((await transition(roundId, 'close-voting')).status).toBe(200);
    const counted = await count(roundId);
    expect(counted.status).toBe(200);
    expect(counted.body.data.districts[0].selected).toEqual([proposalId]);
  });

  it('makes voting and counting refuse settings that differ from those fixed when voting opened', async () => {
    const { roundId, proposalId } = await openedByTheApi();
    await tamper(roundId);
    const citizen = await createPerson(app.strapi, 'citizen');
    const cast = await app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(citizen.auth).send({ choices: { projects: [proposalId] } });
    expect(cast.status).toBe(409);
    expect(cast.body.error.message).toMatch(/differ from those fixed when voting opened/);
    expect((await transition(roundId, 'close-voting')).status).toBe(200);
    const counted = await count(roundId);
    expect(counted.status).toBe(409);
    expect(counted.body.error.message).toMatch(/differ from those fixed when voting opened/);
    expect((await rounds().where({ document_id: roundId }).first('result')).result).toBeNull();
  });
});

describe('the Content Manager', () => {
  it("answers an admin's change of a frozen round with a 400 naming the guard and why, and changes nothing", async () => {
    const admin = await signInAsAdmin(app);
    const { roundId } = await votingRound();
    const path = `/content-manager/collection-types/plugin::participation.round/${roundId}`;
    const shown = await app.http().get(path).set(admin);
    expect(shown.status).toBe(200);
    const refused = await app.http().put(path).set(admin).send({ ...shown.body.data, totalBudgetMinor: '1' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/^participation_rounds_settings_frozen: the ballot rules, eligibility, budget and districts froze when voting opened/) });
    const moved = await app.http().put(path).set(admin).send({ ...shown.body.data, phase: 'draft' });
    expect(moved.status).toBe(400);
    expect(moved.body.error.message).toMatch(/^participation_rounds_phase_machine: /);
    expect(String((await rounds().where({ document_id: roundId }).first('total_budget_minor')).total_budget_minor)).toBe('100000');
    // What is not frozen can still be corrected there.
    expect((await app.http().put(path).set(admin).send({ ...shown.body.data, title: 'Corrected title' })).status).toBe(200);
  });
});
