import type { Core } from '@strapi/strapi';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Strapi runs database/migrations before its schema sync, when a fresh database has no tables yet
    // to constrain; config/database.ts turns that off and they run here, right after the sync instead.
    strapi.hook('strapi::content-types.afterSync').register(async () => {
      strapi.db.config.settings.runMigrations = true;
      await strapi.db.migrations.up();
    });
  },

  bootstrap() {},
};
