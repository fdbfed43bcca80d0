import type { Core } from '@strapi/strapi';
import { ADMIN_ACTION_DEFINITIONS } from './constants/admin-actions';
import { explainReferencedLineRefusals } from './services/budget-line';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ADMIN_ACTION_DEFINITIONS as any);
  explainReferencedLineRefusals(strapi);
  // Accounts: sessions end on password change, reset and sign-out (before routes are built from users-permissions' controllers).
  strapi.plugin('participation').service('sessions').install();
};
