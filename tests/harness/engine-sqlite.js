'use strict';
process.env.TEST_DATABASE_ENGINE = 'sqlite';

// better-sqlite3's native addon is loaded once per jest worker and keeps the error class of the first
// test file that opened a database. Every later file in that worker would receive errors from another
// realm, which are not `instanceof Error` there (jest's `rejects.toThrow` then sees no error at all, and
// the app's own error mapping could differ from production). Register this file's class instead.
const addon = require('better-sqlite3/build/Release/better_sqlite3.node');
addon.setErrorConstructor(require('better-sqlite3/lib/sqlite-error'));
addon.isInitialized = true;
