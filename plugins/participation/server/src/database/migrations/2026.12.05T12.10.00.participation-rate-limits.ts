import type { Knex } from 'knex';
import { RATE_LIMITS_TABLE } from '../../services/rate-limits';

/**
 * Rate-limit counters every app instance shares (forum posts and reports, sign-in, registration and
 * password routes), in the layout rate-limiter-flexible's PostgreSQL and SQLite stores use. Unused when
 * REDIS_URL is set: the counters then live in Redis.
 */
export async function up(knex: Knex) {
  if (await knex.schema.hasTable(RATE_LIMITS_TABLE)) return;
  await knex.schema.createTable(RATE_LIMITS_TABLE, (table) => {
    table.text('key').primary();
    table.integer('points').notNullable().defaultTo(0);
    table.bigInteger('expire');
  });
}
