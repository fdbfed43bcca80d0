import type { Knex } from 'knex';
import { NOTIFICATION_TABLES as T } from '../../tables/notifications';
import { isPostgres } from '../../utils/database-client';

const userColumn = (table: Knex.CreateTableBuilder) =>
  table.integer('user_id').unsigned().notNullable().references('id').inTable('up_users').onDelete('CASCADE');

/**
 * Notifications by e-mail and in the portal (services/notifications.ts): the notifications, the settings
 * people choose, round follows and the batching windows. On SQLite also the queue's own table; on
 * PostgreSQL pg-boss makes and migrates its schema itself when the worker starts.
 */
export async function up(knex: Knex) {
  if (!(await knex.schema.hasTable(T.notifications))) {
    await knex.schema.createTable(T.notifications, (table) => {
      table.bigIncrements('id');
      userColumn(table);
      table.string('kind', 40).notNullable();
      table.string('scope', 120).nullable();
      table.string('idempotency_key', 200).notNullable().unique();
      table.text('payload').notNullable();
      table.bigInteger('created_at_ms').notNullable();
      table.bigInteger('read_at_ms').nullable();
      table.string('mail_state', 10).notNullable();
      table.bigInteger('mail_claimed_until_ms').nullable();
      table.bigInteger('mailed_at_ms').nullable();
      table.index(['user_id', 'id']);
      table.index(['user_id', 'scope', 'mail_state']);
    });
  }
  if (!isPostgres(knex) && !(await knex.schema.hasTable(T.jobs))) {
    await knex.schema.createTable(T.jobs, (table) => {
      table.bigIncrements('id');
      table.string('job_key', 200).notNullable().unique();
      table.text('data').notNullable();
      table.bigInteger('run_at_ms').notNullable();
      table.integer('attempts').notNullable().defaultTo(0);
      table.bigInteger('locked_until_ms').nullable();
      table.text('last_error').nullable();
      table.index(['run_at_ms']);
    });
  }
  if (!(await knex.schema.hasTable(T.optOuts))) {
    await knex.schema.createTable(T.optOuts, (table) => {
      userColumn(table);
      table.string('kind', 40).notNullable();
      table.string('channel', 10).notNullable();
      table.primary(['user_id', 'kind', 'channel']);
    });
  }
  if (!(await knex.schema.hasTable(T.preferences))) {
    await knex.schema.createTable(T.preferences, (table) => {
      table.integer('user_id').unsigned().primary().references('id').inTable('up_users').onDelete('CASCADE');
      table.string('language', 8).notNullable();
    });
  }
  if (!(await knex.schema.hasTable(T.windows))) {
    await knex.schema.createTable(T.windows, (table) => {
      userColumn(table);
      table.string('scope', 120).notNullable();
      table.bigInteger('last_mailed_at_ms').notNullable();
      table.primary(['user_id', 'scope']);
    });
  }
  if (!(await knex.schema.hasTable(T.roundFollows))) {
    await knex.schema.createTable(T.roundFollows, (table) => {
      table.string('round_document_id', 64).notNullable();
      userColumn(table);
      table.bigInteger('created_at_ms').notNullable();
      table.primary(['round_document_id', 'user_id']);
      table.index(['user_id']);
    });
  }
}
