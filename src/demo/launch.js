#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`: writes a .env with fresh secrets on first run, builds the app and its admin panel when
 * the sources are newer than the last build, then starts Strapi on SQLite with the demo data seeded and
 * prints the URLs and logins. PORT picks the port.
 */
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { spawn, spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..', '..');
const strapiBin = path.join(root, 'node_modules', '.bin', 'strapi');
const envFile = path.join(root, '.env');
const builtAdmin = path.join(root, 'dist', 'build', 'index.html');
const SOURCES = ['src', 'config', 'database', 'plugins', 'package-lock.json', 'tsconfig.json'];

const secret = () => crypto.randomBytes(16).toString('base64');
/** Ed25519 private key (PKCS#8 DER, base64) that signs decision-log checkpoints; never stored in the database. */
const signingKey = () => crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');

const ensureEnv = () => {
  if (fs.existsSync(envFile)) {
    // .env files written before ballots had a secret of their own, or before checkpoints were signed.
    const written = fs.readFileSync(envFile, 'utf8');
    if (!/^BALLOT_SECRET=/m.test(written)) fs.appendFileSync(envFile, `BALLOT_SECRET=${secret()}\n`);
    if (!/^DECISION_LOG_SIGNING_KEY=/m.test(written)) fs.appendFileSync(envFile, `DECISION_LOG_SIGNING_KEY=${signingKey()}\n`);
    return;
  }
  const lines = [
    'HOST=0.0.0.0',
    `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
    `BALLOT_SECRET=${secret()}`,
    `DECISION_LOG_SIGNING_KEY=${signingKey()}`,
    'STRAPI_TELEMETRY_DISABLED=true',
    'DATABASE_FILENAME=.tmp/demo.db',
  ];
  fs.writeFileSync(envFile, `${lines.join('\n')}\n`, { mode: 0o600 });
  console.log('Wrote .env with fresh secrets.');
};

const newestChange = (target) => {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target, { withFileTypes: true })
    .filter((entry) => !['node_modules', 'dist', '.tmp', 'uploads'].includes(entry.name))
    .reduce((newest, entry) => Math.max(newest, newestChange(path.join(target, entry.name))), stat.mtimeMs);
};

const needsBuild = () => {
  if (!fs.existsSync(builtAdmin)) return true;
  const builtAt = fs.statSync(builtAdmin).mtimeMs;
  return SOURCES.some((source) => fs.existsSync(path.join(root, source)) && newestChange(path.join(root, source)) > builtAt);
};

ensureEnv();
// Links in mails start with the public address; unset, Strapi in production makes it from HOST (0.0.0.0),
// which no mail reader can follow. One named in .env or the environment wins.
const publicUrl = /^PUBLIC_URL=/m.test(fs.readFileSync(envFile, 'utf8')) ? {} : { PUBLIC_URL: `http://localhost:${process.env.PORT || 1337}` };
// Strapi's own start-up banner is off so that the demo's URLs and logins are the last thing printed.
const env = {
  ...publicUrl,
  ...process.env,
  STRAPI_TELEMETRY_DISABLED: 'true',
  PARTICIPATION_DEMO: 'true',
  NODE_ENV: 'production',
  STARTUP_MESSAGE: 'false',
};

if (needsBuild()) {
  console.log('Building the app and its admin panel (about a minute)…');
  const build = spawnSync(strapiBin, ['build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(strapiBin, ['start'], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
