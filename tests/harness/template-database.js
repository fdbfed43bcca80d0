'use strict';
/**
 * A database with the app's schema, made once per test run and copied for each suite: creating the schema
 * (hundreds of tables and indexes) was two thirds of a suite's boot. A copy is the database a fresh boot
 * makes (Strapi stores the schema's hash, finds it unchanged and leaves the tables be). Global setup names
 * the run; without one (a benchmark, a script), an app boots on a new, empty database as before.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');

/** Where SQLite test files live: memory-backed /dev/shm where there is one (no syncing to a busy disk). */
const SQLITE_DIR = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();

const startRun = () => {
  process.env.PARTICIPATION_TEST_RUN = crypto.randomBytes(4).toString('hex');
};

/** The run's template for an engine, or null outside a test run. */
const templateOf = (engine) => {
  const run = process.env.PARTICIPATION_TEST_RUN;
  if (!run) return null;
  const name = `participation_template_${run}`;
  return {
    sqliteFile: path.join(SQLITE_DIR, `${name}.db`),
    postgresName: name,
    // Made by whichever worker needs it first, while the others wait.
    lock: path.join(os.tmpdir(), `${name}_${engine}.lock`),
    ready: path.join(os.tmpdir(), `${name}_${engine}.ready`),
  };
};

/** Removes the run's templates (global teardown); `dropPostgres` drops a PostgreSQL database by name. */
const removeTemplates = async (dropPostgres) => {
  const sqlite = templateOf('sqlite');
  const postgres = templateOf('postgres');
  if (!sqlite || !postgres) return;
  if (fs.existsSync(postgres.ready)) await dropPostgres(postgres.postgresName);
  for (const file of [sqlite.sqliteFile, sqlite.lock, sqlite.ready, postgres.lock, postgres.ready]) fs.rmSync(file, { recursive: true, force: true });
};

module.exports = { SQLITE_DIR, startRun, templateOf, removeTemplates };
