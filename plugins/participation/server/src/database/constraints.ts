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

/** A plain index for reads (no invariant), optionally partial; the same statement on both engines. */
export const addIndex = (knex: Knex, name: string, table: string, columns: string[], where?: string) =>
  knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${columns.map(() => '??').join(', ')})${where ? ` WHERE ${where}` : ''}`, [name, table, ...columns]);

type GuardedEvent = 'INSERT' | 'UPDATE' | 'DELETE';

/**
 * SQLite's stand-in for a CHECK: triggers that abort a write of a row failing `condition`. With
 * `replace`, a guard installed earlier under the same name is replaced (a later migration widening it).
 */
const addSqliteGuardTriggers = async (knex: Knex, name: string, table: string, events: GuardedEvent[], condition: string, message: string, replace = false) => {
  for (const event of events) {
    if (replace) await knex.raw('DROP TRIGGER IF EXISTS ??', [`${name}_${event.toLowerCase()}`]);
    await knex.raw(
      `CREATE TRIGGER IF NOT EXISTS ?? BEFORE ${event} ON ?? FOR EACH ROW WHEN NOT (${condition}) ` +
        `BEGIN SELECT RAISE(ABORT, '${message}'); END`,
      [`${name}_${event.toLowerCase()}`, table]
    );
  }
};

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
  await addSqliteGuardTriggers(knex, name, table, ['INSERT', 'UPDATE'], condition((column) => `NEW."${column}"`), `CHECK constraint failed: ${name}`);
};

type RowColumns = { row: (name: string) => string; previous: (name: string) => string };

/**
 * Like a CHECK constraint, but `condition` may read other tables and, on UPDATE or DELETE, the row as it
 * was (`previous`; a DELETE guard reads only that), which a CHECK cannot: a write of a row failing it is
 * refused with an error whose message starts with `name`. Installing a guard again under its name
 * replaces it. (No `%` in `explanation`: PostgreSQL's RAISE reads it as a placeholder.)
 *
 * A condition that counts other rows (at most n members in a seat) does not hold under concurrency on
 * PostgreSQL by itself: two transactions each miss the other's uncommitted row. `lock` names a row
 * (of another table) that every such write locks first (FOR UPDATE), so they take turns and the
 * condition, evaluated after the lock with a fresh snapshot, sees the other's committed row. SQLite
 * has one writer at a time and needs no lock.
 */
export const addRowGuard = async (
  knex: Knex,
  name: string,
  table: string,
  guard: {
    on: GuardedEvent[];
    condition: (columns: RowColumns) => string;
    explanation: string;
    lock?: { table: string; where: (columns: RowColumns) => string };
  }
) => {
  const message = `${name}: ${guard.explanation}`;
  const columns: RowColumns = { row: (column) => `NEW."${column}"`, previous: (column) => `OLD."${column}"` };
  const condition = guard.condition(columns);
  if (isPostgres(knex)) {
    const lock = guard.lock ? `PERFORM 1 FROM "${guard.lock.table}" WHERE ${guard.lock.where(columns)} FOR UPDATE; ` : '';
    await knex.raw(
      `CREATE OR REPLACE FUNCTION ??() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
        `BEGIN ${lock}IF NOT (${condition}) THEN RAISE EXCEPTION '${message}' USING ERRCODE = 'check_violation'; END IF; ` +
        `IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$`,
      [name]
    );
    await knex.raw('DROP TRIGGER IF EXISTS ?? ON ??', [name, table]);
    await knex.raw(`CREATE TRIGGER ?? BEFORE ${guard.on.join(' OR ')} ON ?? FOR EACH ROW EXECUTE FUNCTION ??()`, [name, table, name]);
    return;
  }
  await addSqliteGuardTriggers(knex, name, table, guard.on, condition, message, true);
};

/** Refuses `events` (and, on PostgreSQL, TRUNCATE) on every row of a table, whoever writes. */
const refuseChanges = async (knex: Knex, name: string, table: string, events: Array<'UPDATE' | 'DELETE'>, message: string) => {
  if (isPostgres(knex)) {
    await knex.raw(`CREATE OR REPLACE FUNCTION ??() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$`, [name]);
    for (const [suffix, event, level] of [['change', events.join(' OR '), 'ROW'], ['truncate', 'TRUNCATE', 'STATEMENT']]) {
      await knex.raw(`DROP TRIGGER IF EXISTS ?? ON ??`, [`${name}_${suffix}`, table]);
      await knex.raw(`CREATE TRIGGER ?? BEFORE ${event} ON ?? FOR EACH ${level} EXECUTE FUNCTION ??()`, [`${name}_${suffix}`, table, name]);
    }
    return;
  }
  for (const event of events) {
    await knex.raw(`CREATE TRIGGER IF NOT EXISTS ?? BEFORE ${event} ON ?? BEGIN SELECT RAISE(ABORT, '${message}'); END`, [
      `${name}_${event.toLowerCase()}`,
      table,
    ]);
  }
};

/** Refuses every UPDATE and DELETE (and, on PostgreSQL, TRUNCATE) on a table: an append-only log. */
export const makeAppendOnly = (knex: Knex, name: string, table: string) =>
  refuseChanges(knex, name, table, ['UPDATE', 'DELETE'], `${table} is append-only (${name})`);

/** Refuses every DELETE (and, on PostgreSQL, TRUNCATE) on a table; its rows may still be updated. */
export const makeUndeletable = (knex: Knex, name: string, table: string, explanation: string) =>
  refuseChanges(knex, name, table, ['DELETE'], `${name}: ${explanation}`);
