'use strict';
const fs = require('fs');
const { Client } = require('pg');
const { removeTemplates } = require('./template-database');

const dropPostgresTemplate = async (name) => {
  const client = new Client({ connectionString: process.env.TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE false`);
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
};

module.exports = async () => {
  await removeTemplates(dropPostgresTemplate);
  await globalThis.__participationPostgres?.stop();
  // A test may not look at the status of every answer; an answer that strayed from its declared schema
  // still fails the run (the middleware logged it here: tests/harness/env.js).
  const log = process.env.PARTICIPATION_RESPONSE_MISMATCH_LOG;
  if (log && fs.existsSync(log)) {
    throw new Error(`Answers that do not match their routes' declared response schemas (${log}):\n${fs.readFileSync(log, 'utf8')}`);
  }
};
