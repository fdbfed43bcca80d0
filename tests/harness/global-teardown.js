'use strict';

module.exports = async () => {
  await globalThis.__participationPostgres?.stop();
};
