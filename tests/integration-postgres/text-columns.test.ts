import { bootApp, type TestApp } from '../harness/app';

/**
 * Fields whose validation allows more than 255 characters are `text` attributes. A database created
 * before that holds them as varchar(255): Strapi's schema sync at start-up (a changed schema hash) alters
 * those columns itself, so no migration is needed.
 */
const WIDENED: Array<[string, string]> = [
  ['participation_budget_lines', 'name'],
  ['participation_commitments', 'status_note'],
  ['participation_forum_posts', 'hidden_note'],
  ['participation_meetings', 'place'],
  ['participation_meetings', 'online_link'],
  ['participation_meeting_registrations', 'accessibility_needs'],
  ['participation_moderation_actions', 'note'],
  ['participation_post_reports', 'note'],
  ['participation_proposals', 'location'],
];
let app: TestApp;

const columnTypes = async () => {
  const { rows } = await app.strapi.db.connection.raw(
    `SELECT table_name || '.' || column_name AS name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND (table_name, column_name) IN (${WIDENED.map(() => '(?, ?)').join(', ')}) ORDER BY 1`,
    WIDENED.flat()
  );
  return Object.fromEntries(rows.map((row: { name: string; data_type: string }) => [row.name, row.data_type]));
};
const all = (type: string) => Object.fromEntries(WIDENED.map(([table, column]) => [`${table}.${column}`, type]).sort(([a], [b]) => (a < b ? -1 : 1)));

beforeAll(async () => {
  app = await bootApp();
  expect(app.engine).toBe('postgres');
});
afterAll(async () => {
  await app?.close();
});

it('creates text columns, and widens the varchar(255) columns of an older database on the next start', async () => {
  expect(await columnTypes()).toEqual(all('text'));
  const knex = app.strapi.db.connection;
  for (const [table, column] of WIDENED) await knex.raw('ALTER TABLE ?? ALTER COLUMN ?? TYPE varchar(255)', [table, column]);
  // The older code's schema had another hash: that is what makes Strapi diff the schema at start-up.
  await knex('strapi_database_schema').update({ hash: 'schema of the older code' });
  expect(await columnTypes()).toEqual(all('character varying'));
  await app.strapi.db.schema.sync();
  expect(await columnTypes()).toEqual(all('text'));
});
