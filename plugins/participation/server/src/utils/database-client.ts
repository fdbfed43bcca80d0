import type { Knex } from 'knex';

/** Whether a knex instance talks to PostgreSQL (the other engine is SQLite). */
export const isPostgres = (knex: Knex) => ['pg', 'postgres', 'postgresql'].includes(String(knex.client.config.client));
