import type { Knex } from 'knex';
import { SESSIONS_TABLE } from '../../services/sessions';

/**
 * Each account's "not before" time: users-permissions JWTs issued before it are refused, so a password
 * change, a reset or a sign-out ends every earlier session (docs/access.md, "Sessions"). The row goes
 * with its account.
 */
export async function up(knex: Knex) {
  if (await knex.schema.hasTable(SESSIONS_TABLE)) return;
  await knex.schema.createTable(SESSIONS_TABLE, (table) => {
    table.integer('user_id').unsigned().primary().references('id').inTable('up_users').onDelete('CASCADE');
    table.bigInteger('not_before').notNullable();
  });
}
