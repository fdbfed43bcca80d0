'use strict';
const fs = require('fs');

module.exports = async () => {
  await globalThis.__participationPostgres?.stop();
  // A test may not look at the status of every answer; an answer that strayed from its declared schema
  // still fails the run (the middleware logged it here: tests/harness/env.js).
  const log = process.env.PARTICIPATION_RESPONSE_MISMATCH_LOG;
  if (log && fs.existsSync(log)) {
    throw new Error(`Answers that do not match their routes' declared response schemas (${log}):\n${fs.readFileSync(log, 'utf8')}`);
  }
};
