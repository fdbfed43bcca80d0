import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import type { AddressInfo } from 'net';
import { Client } from 'pg';
import request from 'supertest';
import { createStrapi, type Core } from '@strapi/strapi';
import { applyTestEnv } from './env';
import { withFileLock } from './file-lock';
import { SQLITE_DIR, templateOf } from './template-database';

const appDir = path.resolve(__dirname, '..', '..');
const distDir = path.join(appDir, 'dist');

export type Engine = 'sqlite' | 'postgres';

export interface TestApp {
  strapi: Core.Strapi;
  engine: Engine;
  baseUrl: string;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

const withPostgresAdmin = async (run: (client: Client) => Promise<unknown>) => {
  const client = new Client({ connectionString: process.env.TEST_POSTGRES_URL });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
};

/** A database of this engine for one app, and how to throw it away. */
interface TestDatabase {
  /** Points the app's configuration (DATABASE_* variables) at it. */
  use: () => void;
  drop: () => Promise<void>;
}

/** A new PostgreSQL database, empty or copied from a template. */
const createPostgresDatabase = async (name: string, template?: string): Promise<TestDatabase> => {
  if (!process.env.TEST_POSTGRES_URL) throw new Error('TEST_POSTGRES_URL is not set: run the suite through jest (global setup)');
  await withPostgresAdmin(async (client) => {
    // The server's own commit settings stay: a suite shows that posts commit durably.
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  });
  const url = new URL(process.env.TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    use: () => Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString(), DATABASE_POOL_MIN: '0' }),
    drop: () => withPostgresAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
};

/** A new SQLite file, empty or copied from a template file. */
const createSqliteDatabase = (filename: string, template?: string): TestDatabase => {
  if (template) fs.copyFileSync(template, filename);
  return {
    use: () => Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_URL: '', DATABASE_FILENAME: filename }),
    drop: async () => fs.rmSync(filename, { force: true }),
  };
};

/** Longer than any boot takes. */
const TEMPLATE_LOCK_STALE_MS = 10 * 60_000;

/**
 * The run's template database for this engine (tests/harness/template-database.js), made by booting the app
 * once on a new database if no worker has made it yet; null outside a jest run.
 */
const templateFor = async (engine: Engine): Promise<string | null> => {
  const template = templateOf(engine);
  if (!template) return null;
  const copyFrom = engine === 'postgres' ? template.postgresName : template.sqliteFile;
  if (fs.existsSync(template.ready)) return copyFrom;
  await withFileLock(template.lock, TEMPLATE_LOCK_STALE_MS, async () => {
    if (fs.existsSync(template.ready)) return;
    const partial = `${template.sqliteFile}.partial`;
    const database = engine === 'postgres' ? await createPostgresDatabase(template.postgresName) : createSqliteDatabase(partial);
    database.use();
    await (await createStrapi({ appDir, distDir, autoReload: false }).load()).destroy();
    if (engine === 'postgres') {
      // Copies are made while no one is connected to it; a template database is also one only it can be.
      await withPostgresAdmin((client) => client.query(`ALTER DATABASE "${template.postgresName}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`));
    } else {
      fs.renameSync(partial, template.sqliteFile);
    }
    fs.writeFileSync(template.ready, '');
  });
  return copyFrom;
};

/**
 * Boots the real app on a database of its own: a copy of the run's template database (the schema made once
 * per run), or, outside a jest run or with `beforeLoad`, a new empty one.
 * `beforeLoad` may add to Strapi's registries before the app registers (a benchmark's own content type);
 * `env` overrides the tests' settings (a benchmark runs as production does); `serveAdminPanel` serves the
 * built admin panel (dist/build, made by `ensureAdminBuild` in tests/harness/admin.ts) at /admin.
 */
export const bootApp = async ({
  beforeLoad,
  env = {},
  serveAdminPanel = false,
}: { beforeLoad?: (strapi: Core.Strapi) => void; env?: Record<string, string>; serveAdminPanel?: boolean } = {}): Promise<TestApp> => {
  applyTestEnv();
  Object.assign(process.env, env);
  const engine = (process.env.TEST_DATABASE_ENGINE ?? 'sqlite') as Engine;
  const databaseName = `participation_test_${crypto.randomBytes(6).toString('hex')}`;
  // A registry changed before loading has a schema of its own: the template's would not be it.
  const template = beforeLoad ? null : await templateFor(engine);
  const database =
    engine === 'postgres'
      ? await createPostgresDatabase(databaseName, template ?? undefined)
      : createSqliteDatabase(path.join(SQLITE_DIR, `${databaseName}.db`), template ?? undefined);
  database.use();
  const dropDatabase = database.drop;

  const instance = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel });
  let strapi: Core.Strapi;
  try {
    beforeLoad?.(instance);
    strapi = await instance.load();
    await strapi.server.mount();
  } catch (error) {
    // A failed boot must not leave pools and timers behind: jest would wait for them forever.
    await instance.destroy().catch(() => undefined);
    await dropDatabase();
    throw error;
  }
  // Listen once on a free port: supertest would otherwise start a listener per request, and
  // concurrent requests (the race tests) would collide.
  const server = strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    strapi,
    engine,
    baseUrl,
    http: () => request(baseUrl),
    close: async () => {
      await strapi.destroy();
      await dropDatabase();
    },
  };
};
