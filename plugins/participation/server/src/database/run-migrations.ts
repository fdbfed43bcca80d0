import type { Core } from '@strapi/strapi';
import { PARTICIPATION_MIGRATIONS, type PluginMigration } from './migrations';

/** Where Strapi records the migrations it ran; the plugin records its own beside the app's, by name. */
const MIGRATIONS_TABLE = 'strapi_migrations';

/**
 * Runs the plugin's pending migrations, each in a transaction that also records it, so that a migration
 * is either applied and recorded or neither. Strapi's own runners do not fit: the app's runs the files of
 * the app's database/migrations, and both it and the internal one (`providers.internal.register`) run
 * before the schema sync, when a fresh database has none of the plugin's tables yet.
 */
export const runPluginMigrations = async (strapi: Core.Strapi, migrations: readonly PluginMigration[] = PARTICIPATION_MIGRATIONS) => {
  const { db } = strapi;
  // The same shape as Strapi's own runner gives the table, which it may create later for the app's migrations.
  if (!(await db.getSchemaConnection().hasTable(MIGRATIONS_TABLE))) {
    await db.getSchemaConnection().createTable(MIGRATIONS_TABLE, (table) => {
      table.increments('id');
      table.string('name');
      table.datetime('time', { useTz: false });
    });
  }
  const recorded = new Set((await db.getConnection(MIGRATIONS_TABLE).select('name')).map((row: { name: string }) => row.name));
  const schema = db.getSchemaName();
  for (const migration of migrations.filter(({ name }) => !recorded.has(name))) {
    strapi.log.info(`[participation] migrating ${migration.name}`);
    await db.transaction(async ({ trx }) => {
      await migration.up(trx);
      await (schema ? trx.withSchema(schema) : trx).insert({ name: migration.name, time: new Date() }).into(MIGRATIONS_TABLE);
    });
  }
};

/** The plugin's tables exist once Strapi has synchronised the schema with the content types: migrate right after. */
export const registerPluginMigrations = (strapi: Core.Strapi) => {
  strapi.hook('strapi::content-types.afterSync').register(() => runPluginMigrations(strapi));
};
