import { bootApp, type TestApp } from '../harness/app';
import { createMunicipality } from '../harness/people';
import { advanceRound, createProposal, createRound } from '../harness/fixtures';
import { readFrozenSettings } from '../../plugins/participation/server/src/database/frozen-settings';
import { runPluginMigrations } from '../../plugins/participation/server/src/database/run-migrations';

/**
 * The migrations of districts per voter and of the phase machine upgrade a database that has rounds
 * already: one where someone voted in two districts is recorded as `every`, the others as `one`, every
 * participation record gets its scope without a fake replacement in the trail, and rounds frozen before
 * fingerprints existed get one.
 */
let app: TestApp;
const db = () => app.strapi.db.connection;
const MIGRATIONS = ['2026.12.05T11.00.00.participation-districts-per-voter.js', '2026.12.05T11.10.00.participation-phase-machine.js', '2026.12.05T11.20.00.participation-ballot-proposals.js'];
const NEW_GUARDS: Array<[string, string]> = [
  ['participation_round_participations_district_scope', 'participation_round_participations'],
  ['participation_rounds_settings_frozen', 'participation_rounds'],
  ['participation_rounds_phase_machine', 'participation_rounds'],
];

beforeAll(async () => {
  app = await bootApp();
  await createMunicipality(app.strapi, 'LEG', 'Legacy');
});
afterAll(async () => {
  await app?.close();
});

/** Takes the database back to before these migrations, as far as the rows they read and the guards they add go. */
const asBeforeTheMigrations = async () => {
  for (const [guard, table] of NEW_GUARDS) {
    if (app.engine === 'postgres') await db().raw('DROP TRIGGER IF EXISTS ?? ON ??', [guard, table]);
    else for (const event of ['insert', 'update']) await db().raw('DROP TRIGGER IF EXISTS ??', [`${guard}_${event}`]);
  }
  await db().raw('DROP INDEX IF EXISTS participation_round_participations_scope_uq');
  await db()('strapi_migrations').whereIn('name', MIGRATIONS).del();
};

it('fills in districts per voter, participation scopes and fingerprints of an existing database', async () => {
  const districts = [{ code: 'N', name: 'North', budget: '100' }, { code: 'S', name: 'South', budget: '100' }];
  const twoDistricts = await createRound(app.strapi, 'LEG', { districts });
  const oneDistrict = await createRound(app.strapi, 'LEG', { districts });
  for (const roundId of [twoDistricts, oneDistrict]) {
    await createProposal(app.strapi, roundId, 'LEG', { districtCode: 'N', proposalStatus: 'on_ballot', ballotNumber: 1 });
    await advanceRound(app.strapi, roundId, 'voting');
  }
  await asBeforeTheMigrations();
  await db()('participation_rounds').whereIn('document_id', [twoDistricts, oneDistrict]).update({ districts_per_voter: null, settings_fingerprint: null });
  const record = (roundId: string, district: string, key: string) => ({
    document_id: `legacy-${roundId}-${district}-${key}`, round_document_id: roundId, district_code: district, participant_key: key, channel: 'online', last_cast_at: new Date(),
  });
  await db()('participation_round_participations').insert([
    record(twoDistricts, 'N', 'user:1'), record(twoDistricts, 'S', 'user:1'), record(oneDistrict, 'N', 'user:1'), record(oneDistrict, 'S', 'user:2'),
  ]);
  const trailBefore = await db()('participation_ballot_replacements').count({ n: '*' }).first();

  await runPluginMigrations(app.strapi);

  const rounds = await db()('participation_rounds').whereIn('document_id', [twoDistricts, oneDistrict]).select('document_id', 'districts_per_voter', 'settings_fingerprint');
  const byId = Object.fromEntries(rounds.map((row: { document_id: string; districts_per_voter: string; settings_fingerprint: string | null }) => [row.document_id, row]));
  expect(byId[twoDistricts].districts_per_voter).toBe('every');
  expect(byId[oneDistrict].districts_per_voter).toBe('one');
  for (const roundId of [twoDistricts, oneDistrict]) expect(byId[roundId].settings_fingerprint).toBe((await readFrozenSettings(db(), roundId))!.fingerprint);
  const scopes = await db()('participation_round_participations').whereIn('round_document_id', [twoDistricts, oneDistrict]).select('round_document_id', 'district_code', 'district_scope');
  for (const row of scopes) expect(row.district_scope).toBe(row.round_document_id === twoDistricts ? row.district_code : '*');
  expect(await db()('participation_ballot_replacements').count({ n: '*' }).first()).toEqual(trailBefore);
  // The guards are back.
  await expect(db()('participation_round_participations').insert(record(oneDistrict, 'S', 'user:1'))).rejects.toThrow(/district_scope/);
  await expect(db()('participation_rounds').where({ document_id: oneDistrict }).update({ phase: 'review' })).rejects.toThrow(/participation_rounds_phase_machine/);
});
