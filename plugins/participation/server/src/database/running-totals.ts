import type { Knex } from 'knex';
import { isPostgres } from '../utils/database-client';

/**
 * Running totals (#13, Speed): how many ballots of a round list each proposal, kept as counters by
 * triggers on the ballots table, whoever writes, so that reading them costs the same at a thousand
 * ballots and at a million. They count what `listedProjects` (domain/voting/ballot-kinds) lists: the
 * `ranking` of an ordinal ballot, the `projects` of every other kind.
 */
export const RUNNING_TOTALS = 'participation_running_totals';
const BALLOTS = 'participation_ballots';
const COUNT = 'participation_running_totals_count';

/** The JSON array of proposal ids a stored ballot's `choices` lists. */
const listedArray = (knex: Knex, choices: string) =>
  isPostgres(knex)
    ? `CASE WHEN ${choices}->>'kind' = 'ordinal' THEN ${choices}->'ranking' ELSE ${choices}->'projects' END`
    : `json_extract(${choices}, CASE WHEN json_extract(${choices}, '$.kind') = 'ordinal' THEN '$.ranking' ELSE '$.projects' END)`;

/**
 * A table function to put in FROM (after the ballot it reads, if any): one row per listed proposal, its
 * id in {@link listedId}.
 */
const eachListed = (knex: Knex, choices: string) =>
  isPostgres(knex) ? `jsonb_array_elements_text(${listedArray(knex, choices)}) AS listed(project_id)` : `json_each(${listedArray(knex, choices)}) AS listed`;
const listedId = (knex: Knex) => (isPostgres(knex) ? 'listed.project_id' : 'listed.value');

type Change = { row: 'NEW' | 'OLD'; delta: 1 | -1 };

/**
 * One statement adding each change's `delta` to the counter of every proposal its row (`NEW` or `OLD`)
 * lists: a replacement adds the new ballot's and takes away the old one's, and leaves the counter of a
 * proposal both list untouched. Counters are written in key order, so that concurrent ballots lock the
 * counters they share in the same order and never deadlock.
 */
const applyChanges = (knex: Knex, changes: Change[]) =>
  `INSERT INTO ${RUNNING_TOTALS} (round_document_id, project_id, ballots) ` +
  `SELECT round_document_id, project_id, SUM(delta) FROM (` +
  changes.map(({ row, delta }) => `SELECT ${row}.round_document_id AS round_document_id, ${listedId(knex)} AS project_id, ${delta} AS delta FROM ${eachListed(knex, `${row}.choices`)}`).join(' UNION ALL ') +
  `) AS change GROUP BY round_document_id, project_id HAVING SUM(delta) <> 0 ORDER BY round_document_id, project_id ` +
  `ON CONFLICT (round_document_id, project_id) DO UPDATE SET ballots = ${RUNNING_TOTALS}.ballots + excluded.ballots;`;

const TRIGGERS: Array<{ event: 'INSERT' | 'UPDATE' | 'DELETE'; changes: Change[]; when?: string }> = [
  { event: 'INSERT', changes: [{ row: 'NEW', delta: 1 }] },
  // A replacement comes with new choices; closing the vote rewrites ids and keys, which changes no total.
  {
    event: 'UPDATE',
    changes: [{ row: 'NEW', delta: 1 }, { row: 'OLD', delta: -1 }],
    when: 'NEW.choices IS DISTINCT FROM OLD.choices OR NEW.round_document_id IS DISTINCT FROM OLD.round_document_id',
  },
  // Ballots are never deleted (guards.ts refuses it first); should that guard ever go, the totals still hold.
  { event: 'DELETE', changes: [{ row: 'OLD', delta: -1 }] },
];

export const addRunningTotalsCounters = async (knex: Knex) => {
  if (!(await knex.schema.hasTable(RUNNING_TOTALS))) {
    await knex.schema.createTable(RUNNING_TOTALS, (table) => {
      table.string('round_document_id', 64).notNullable();
      table.string('project_id', 64).notNullable();
      table.integer('ballots').notNullable();
      table.primary(['round_document_id', 'project_id']);
    });
  }
  for (const { event, changes, when } of TRIGGERS) {
    const name = `${COUNT}_${event.toLowerCase()}`;
    if (isPostgres(knex)) {
      await knex.raw(`CREATE OR REPLACE FUNCTION ??() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${applyChanges(knex, changes)} RETURN NULL; END $$`, [name]);
      await knex.raw('DROP TRIGGER IF EXISTS ?? ON ??', [name, BALLOTS]);
      await knex.raw(`CREATE TRIGGER ?? AFTER ${event} ON ?? FOR EACH ROW ${when ? `WHEN (${when}) ` : ''}EXECUTE FUNCTION ??()`, [name, BALLOTS, name]);
    } else {
      await knex.raw('DROP TRIGGER IF EXISTS ??', [name]);
      // SQLite's IS NOT is PostgreSQL's IS DISTINCT FROM.
      const sqliteWhen = when?.replace(/IS DISTINCT FROM/g, 'IS NOT');
      await knex.raw(`CREATE TRIGGER ?? AFTER ${event} ON ?? FOR EACH ROW ${sqliteWhen ? `WHEN ${sqliteWhen} ` : ''}BEGIN ${applyChanges(knex, changes)} END`, [name, BALLOTS]);
    }
  }
};

/** The totals of the ballots already stored, counted once when the counters are installed. */
export const backfillRunningTotals = async (knex: Knex) => {
  await knex(RUNNING_TOTALS).del();
  await knex.raw(
    `INSERT INTO ${RUNNING_TOTALS} (round_document_id, project_id, ballots) ` +
      `SELECT ballot.round_document_id, ${listedId(knex)}, COUNT(*) FROM ${BALLOTS} AS ballot, ${eachListed(knex, 'ballot.choices')} GROUP BY 1, 2`
  );
};
