import type { Knex } from 'knex';
import { addUniqueIndex, makeAppendOnly } from '../constraints';

/**
 * Signed checkpoints of the decision log (docs/decisions.md): one per municipality and log size, kept
 * append-only like the log itself. The signing key is not in the database: the rows hold signatures only.
 */
const TABLE = 'participation_decision_log_checkpoints';

export async function up(knex: Knex) {
  if (!(await knex.schema.hasTable(TABLE))) {
    await knex.schema.createTable(TABLE, (table) => {
      table.increments('id');
      table.string('municipality_code', 32).notNullable();
      table.integer('size').notNullable();
      table.string('head_hash', 64).notNullable();
      table.string('issued_at', 40).notNullable();
      table.string('key_id', 64).notNullable();
      table.string('signature', 128).notNullable();
    });
  }
  await addUniqueIndex(knex, `${TABLE}_size_uq`, TABLE, ['municipality_code', 'size']);
  await makeAppendOnly(knex, `${TABLE}_append_only`, TABLE);
}
