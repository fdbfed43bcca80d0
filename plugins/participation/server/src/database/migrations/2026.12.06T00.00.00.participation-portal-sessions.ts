import type { Knex } from 'knex';
import { PORTAL_SESSIONS_TABLE } from '../../tables/portal-sessions';

/** The portal's server-side sessions (portal/src/session/portal-sessions.ts). */
export async function up(knex: Knex) {
  if (await knex.schema.hasTable(PORTAL_SESSIONS_TABLE)) return;
  await knex.schema.createTable(PORTAL_SESSIONS_TABLE, (table) => {
    table.string('secret_digest', 64).primary();
    table.integer('user_id').unsigned().notNullable().references('id').inTable('up_users').onDelete('CASCADE');
    table.bigInteger('created_at_ms').notNullable();
    table.bigInteger('expires_at_ms').notNullable();
    table.index(['user_id']);
  });
}
