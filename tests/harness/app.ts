import fs from 'fs';
import os from 'os';
import path from 'path';
import crypto from 'crypto';
import type { AddressInfo } from 'net';
import { Client } from 'pg';
import request from 'supertest';
import { createStrapi, type Core } from '@strapi/strapi';
import { applyTestEnv } from './env';

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

/**
 * Boots the real app on a database of its own (a new SQLite file or a new PostgreSQL database).
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
  let dropDatabase: () => Promise<void>;

  if (engine === 'postgres') {
    if (!process.env.TEST_POSTGRES_URL) throw new Error('TEST_POSTGRES_URL is not set: run the suite through jest (global setup)');
    await withPostgresAdmin((client) => client.query(`CREATE DATABASE "${databaseName}"`));
    const url = new URL(process.env.TEST_POSTGRES_URL);
    url.pathname = `/${databaseName}`;
    Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString(), DATABASE_POOL_MIN: '0' });
    dropDatabase = () => withPostgresAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`)).then(() => undefined);
  } else {
    const filename = path.join(os.tmpdir(), `${databaseName}.db`);
    Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_URL: '', DATABASE_FILENAME: filename });
    dropDatabase = async () => fs.rmSync(filename, { force: true });
  }

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
