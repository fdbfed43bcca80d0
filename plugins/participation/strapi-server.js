'use strict';
// The server part is TypeScript compiled by the app's own `tsc` (strapi build / develop / the test
// harness) into the app's dist/ folder; Strapi's plugin loader only loads CommonJS.
const path = require('path');

const distDir = process.env.STRAPI_DIST_DIR || path.join(__dirname, '..', '..', 'dist');
module.exports = require(path.join(distDir, 'plugins', 'participation', 'server', 'src')).default;
