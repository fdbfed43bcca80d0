import type { Knex } from 'knex';
import { PORTAL_SESSIONS_TABLE } from '../../tables/portal-sessions';

/**
 * A one-read message a portal session carries from a form's answer to the page after its redirect
 * (portal/src/session/session-flash.ts): the ballot's receipt, sealed under the session's cookie secret.
 */
export async function up(knex: Knex) {
  if (await knex.schema.hasColumn(PORTAL_SESSIONS_TABLE, 'flash')) return;
  await knex.schema.alterTable(PORTAL_SESSIONS_TABLE, (table) => {
    table.text('flash').nullable();
  });
}
