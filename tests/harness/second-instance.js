'use strict';
/**
 * Runs one more app instance in its own process, on the database given in the environment, and prints
 * `listening <port>` once it serves. Used to show events crossing instances through the adapter.
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');

(async () => {
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  await strapi.server.mount();
  const server = strapi.server.httpServer;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
  // Strapi itself destroys the instance and exits on SIGTERM and SIGINT.
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
