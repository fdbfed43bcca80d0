'use strict';
const fs = require('fs');
const path = require('path');
const { applyTestEnv } = require('./env');
const { startPostgres } = require('./postgres-server');
const { chromiumPath } = require('./chromium-path');
const { startRun } = require('./template-database');

module.exports = async (globalConfig) => {
  applyTestEnv();
  fs.mkdirSync(path.dirname(process.env.PARTICIPATION_RESPONSE_MISMATCH_LOG), { recursive: true });
  fs.rmSync(process.env.PARTICIPATION_RESPONSE_MISMATCH_LOG, { force: true });
  const selected = (name) => globalConfig.selectProjects == null || globalConfig.selectProjects.includes(name);
  if (!selected('sqlite') && !selected('postgres')) return;
  // Names this run's template databases (tests/harness/template-database.js); workers inherit it.
  startRun();
  // Workers are forked after global setup and inherit this (tests/harness/browser.ts).
  process.env.PARTICIPATION_CHROMIUM = await chromiumPath();

  // Compile the app (and the plugin's server part) once; every suite boots from dist/.
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });

  if (!selected('postgres')) return;
  const postgres = await startPostgres();
  // Workers are forked after global setup and inherit this.
  process.env.TEST_POSTGRES_URL = postgres.url;
  globalThis.__participationPostgres = postgres;
};
