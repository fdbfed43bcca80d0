import { bootApp, type TestApp } from '../harness/app';
import { createMunicipality } from '../harness/people';
import { advanceRound, createRound } from '../harness/fixtures';
import { PARTICIPATION_MIGRATIONS } from '../../plugins/participation/server/src/database/migrations';
import { runPluginMigrations } from '../../plugins/participation/server/src/database/run-migrations';
import type { UpdateData } from '../../plugins/participation/server/src/utils/update-data';

type RoundUpdate = UpdateData<'plugin::participation.round'>;

let app: TestApp;
beforeAll(async () => {
  app = await bootApp();
  await createMunicipality(app.strapi, 'KOR');
});
afterAll(async () => {
  await app?.close();
});

// Assert on the message: the driver's error class comes from another test file's realm once the
// native module is loaded, so `instanceof Error` (and with it toThrow) cannot be relied on.
const insertLine = (code: string, approved: number) =>
  app.strapi.db.connection('participation_budget_lines').insert({
    document_id: `doc-${code}-${approved}-${Math.random()}`,
    municipality_code: 'KOR',
    fiscal_year: 2026,
    code,
    name: 'Line',
    approved_minor: approved,
    revised_minor: 0,
    committed_minor: 0,
    spent_minor: 0,
    gender_marker: 'none',
    youth_marker: 'none',
  });

describe('invariants the database itself enforces (the plugin\'s migrations)', () => {
  it('refuses a second budget line with the same code, municipality and year', async () => {
    await insertLine('0910', 100);
    await expect(insertLine('0910', 200)).rejects.toMatchObject({ message: expect.stringMatching(/unique|duplicate/i) });
  });

  it('refuses a negative amount', async () => {
    await expect(insertLine('0920', -1)).rejects.toMatchObject({ message: expect.stringMatching(/participation_budget_lines_amounts_ck/) });
  });

  it('refuses a second municipality with the same code', async () => {
    await expect(
      app.strapi.db.connection('participation_municipalities').insert({ document_id: 'x', code: 'KOR', name: 'Dup', country: 'AL', default_locale: 'sq', currency: 'ALL' })
    ).rejects.toMatchObject({ message: expect.stringMatching(/unique|duplicate/i) });
  });

  it('stores a ballot only while its round is voting, however it is written', async () => {
    const ballot = (roundId: string, receipt: string) =>
      app.strapi.db.connection('participation_ballots').insert({
        document_id: `ballot-${receipt}`, round_document_id: roundId, district_code: '', voter_key: `key-${receipt}`, receipt_code: receipt, choices: '{"projects":[]}', channel: 'paper',
      });
    const voting = await createRound(app.strapi, 'KOR', { phase: 'voting' });
    const refused = { message: expect.stringMatching(/participation_ballots_while_voting/) };
    for (const phase of ['draft', 'review', 'counting', 'results']) {
      await expect(ballot(await createRound(app.strapi, 'KOR', { phase }), `R-${phase}`)).rejects.toMatchObject(refused);
    }
    await expect(ballot('no-such-round', 'R-none')).rejects.toMatchObject(refused);
    await ballot(voting, 'R-voting');
    await app.strapi.db.connection('participation_rounds').where({ document_id: voting }).update({ phase: 'counting' });
    await expect(app.strapi.db.connection('participation_ballots').where({ receipt_code: 'R-voting' }).update({ choices: '{"projects":["x"]}', receipt_code: 'R-replaced' })).rejects.toMatchObject(refused);
  });

  it('refuses changes to a round\'s rules once voting has opened, also through the Document Service (the Content Manager\'s path)', async () => {
    const rounds = app.strapi.documents('plugin::participation.round');
    const roundId = await createRound(app.strapi, 'KOR', { phase: 'review' });
    const frozen = { message: expect.stringMatching(/participation_rounds_settings_frozen/) };
    await rounds.update({ documentId: roundId, data: { eligibility: { residentsOnly: true, verifiedParticipantsOnly: false } } as RoundUpdate });
    await advanceRound(app.strapi, roundId, 'voting');
    for (const data of [
      { eligibility: { residentsOnly: false, verifiedParticipantsOnly: false } },
      { ballotRules: { kind: 'approval', countingRule: 'mes_cost', tieBreaking: 'id' } },
      { totalBudgetMinor: '1' },
      { districts: [{ code: 'N', name: 'North', budgetMinor: '1' }] },
      { showRunningTotals: true },
    ]) {
      await expect(rounds.update({ documentId: roundId, data: data as RoundUpdate })).rejects.toMatchObject(frozen);
    }
    // Moving on, and recording the result, still work.
    await rounds.update({ documentId: roundId, data: { phase: 'counting', result: { counted: true } } as RoundUpdate });
    const row = await app.strapi.db.connection('participation_rounds').where({ document_id: roundId }).first('phase', 'eligibility');
    expect(row.phase).toBe('counting');
    expect(JSON.parse(typeof row.eligibility === 'string' ? row.eligibility : JSON.stringify(row.eligibility))).toEqual({ residentsOnly: true, verifiedParticipantsOnly: false });
  });

  it('keeps its constraints when the app starts again on the same database', async () => {
    const recorded = async () => (await app.strapi.db.connection('strapi_migrations').select('name')).map((m: { name: string }) => m.name).sort();
    const before = await recorded();
    // The name the app's own migration runner recorded before the plugin ran its migrations itself.
    expect(before).toContain('2026.11.23T00.00.00.participation-foundation.js');
    expect(before).toEqual(expect.arrayContaining(PARTICIPATION_MIGRATIONS.map(({ name }) => name)));
    await runPluginMigrations(app.strapi);
    expect(await recorded()).toEqual(before);
    await expect(insertLine('0920', -1)).rejects.toMatchObject({ message: expect.stringMatching(/participation_budget_lines_amounts_ck/) });
  });
});
