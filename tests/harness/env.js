'use strict';
// Secrets and switches every test process shares; nothing here is used outside tests.
const fixed = {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  APP_KEYS: 'test-key-a,test-key-b',
  BALLOT_SECRET: 'test-ballot-secret',
  // Ed25519 key (PKCS#8 DER, base64) signing decision-log checkpoints in tests only.
  DECISION_LOG_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEII60e1ZbmzSxnnDlsTV6c4zconqpRV9BQPi4WGQPb4YY',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  JWT_SECRET: 'test-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789ab',
  STRAPI_TELEMETRY_DISABLED: 'true',
  STARTUP_MESSAGE: 'false',
  STRAPI_LOG_LEVEL: 'error',
  // Every successful answer is checked against its route's declared response schema.
  PARTICIPATION_CHECK_RESPONSES: 'true',
  // …and every mismatch is written here too: global teardown fails the run if any happened.
  PARTICIPATION_RESPONSE_MISMATCH_LOG: require('path').resolve(__dirname, '..', '..', '.tmp', 'response-mismatches.log'),
};

module.exports = { applyTestEnv: () => Object.assign(process.env, fixed) };
