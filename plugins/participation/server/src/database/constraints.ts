import type { Knex } from 'knex';
import { isPostgres } from '../utils/database-client';

/**
 * Invariants the content-type schemas cannot express, created the same way on SQLite and PostgreSQL.
 * SQLite cannot add a CHECK constraint to an existing table, so there a pair of triggers enforces it.
 */

export const addUniqueIndex = (knex: Knex, name: string, table: string, columns: string[], where?: string) =>
  knex.raw(
    `CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (${columns.map(() => '??').join(', ')})${where ? ` WHERE ${where}` : ''}`,
    [name, table, ...columns]
  );

/** `condition` receives a function naming a column of the checked row, e.g. (c) => `${c('amount')} >= 0`. */
export const addCheckConstraint = async (
  knex: Knex,
  name: string,
  table: string,
  condition: (column: (name: string) => string) => string
) => {
  if (isPostgres(knex)) {
    const existing = await knex.raw('SELECT 1 FROM pg_constraint WHERE conname = ?', [name]);
    if (existing.rows.length === 0) {
      await knex.raw(`ALTER TABLE ?? ADD CONSTRAINT ?? CHECK (${condition((column) => `"${column}"`)})`, [table, name]);
    }
    return;
  }
  for (const event of ['INSERT', 'UPDATE']) {
    await knex.raw(
      `CREATE TRIGGER IF NOT EXISTS ?? BEFORE ${event} ON ?? FOR EACH ROW WHEN NOT (${condition((column) => `NEW."${column}"`)}) ` +
        `BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: ${name}'); END`,
      [`${name}_${event.toLowerCase()}`, table]
    );
  }
};

/** Refuses every UPDATE and DELETE (and, on PostgreSQL, TRUNCATE) on a table: an append-only log. */
export const makeAppendOnly = async (knex: Knex, name: string, table: string) => {
  const message = `${table} is append-only (${name})`;
  if (isPostgres(knex)) {
    await knex.raw(`CREATE OR REPLACE FUNCTION ??() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$`, [name]);
    for (const [suffix, event, level] of [['change', 'UPDATE OR DELETE', 'ROW'], ['truncate', 'TRUNCATE', 'STATEMENT']]) {
      await knex.raw(`DROP TRIGGER IF EXISTS ?? ON ??`, [`${name}_${suffix}`, table]);
      await knex.raw(`CREATE TRIGGER ?? BEFORE ${event} ON ?? FOR EACH ${level} EXECUTE FUNCTION ??()`, [`${name}_${suffix}`, table, name]);
    }
    return;
  }
  for (const event of ['UPDATE', 'DELETE']) {
    await knex.raw(`CREATE TRIGGER IF NOT EXISTS ?? BEFORE ${event} ON ?? BEGIN SELECT RAISE(ABORT, '${message}'); END`, [
      `${name}_${event.toLowerCase()}`,
      table,
    ]);
  }
};
