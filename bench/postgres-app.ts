/**
 * Runs a benchmark against the real app booted in this process on a fresh PostgreSQL database
 * (`DATABASE_URL`'s server, else a throwaway embedded one), and tears everything down afterwards.
 * Strapi is loaded with require(): its ESM build does not load under tsx, so benchmarks run with
 * esbuild-register.
 */
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { TestApp } from '../tests/harness/app';

export const withPostgresApp = async (
  env: Record<string, string>,
  run: (app: TestApp) => Promise<void>,
  { beforeLoad }: { beforeLoad?: (strapi: Core.Strapi) => void } = {},
) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only once the environment is set
  require('../tests/harness/env').applyTestEnv();
  Object.assign(process.env, { LOG_LEVEL: 'error', ...env });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only once the environment is set
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: path.resolve(__dirname, '..') });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only once the environment is set
  const postgres = await require('../tests/harness/postgres-server').startPostgres();
  Object.assign(process.env, { TEST_POSTGRES_URL: postgres.url, TEST_DATABASE_ENGINE: 'postgres' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only once the environment is set
  const app: TestApp = await require('../tests/harness/app').bootApp({ beforeLoad, env: { LOG_LEVEL: 'error', ...env } });
  try {
    await run(app);
  } finally {
    await app.close();
    await postgres.stop();
  }
};

export const runMain = (main: () => Promise<void>) =>
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
