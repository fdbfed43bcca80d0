import type { Core } from '@strapi/strapi';
import { ADMIN_ACTION_DEFINITIONS } from './constants/admin-actions';
import { AMOUNT_FIELD } from './constants/custom-fields';
import { registerPluginMigrations } from './database/run-migrations';
import { explainReferencedLineRefusals } from './services/budget-line';
import { guardRefusalsAsValidationErrors } from './utils/database-errors';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ADMIN_ACTION_DEFINITIONS);
  // Before Strapi swaps each `customField` attribute for its underlying type, which happens after every plugin's register.
  strapi.customFields.register(AMOUNT_FIELD);
  // Indexes, constraints and guards the content types cannot express, installed in whichever app uses the plugin.
  registerPluginMigrations(strapi);
  explainReferencedLineRefusals(strapi);
  // A write refused by a database guard (the Content Manager's included) is a 400 naming the guard.
  strapi.documents.use(guardRefusalsAsValidationErrors);
  // Accounts: sessions end on password change, reset and sign-out (before routes are built from users-permissions' controllers).
  strapi.plugin('participation').service('sessions').install();
};
