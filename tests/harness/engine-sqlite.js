'use strict';
process.env.TEST_DATABASE_ENGINE = 'sqlite';
