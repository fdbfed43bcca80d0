import type { Core } from '@strapi/strapi';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.plugin('participation').service('notifications').stop();
  await strapi.plugin('participation').service('realtime').stop();
  await strapi.plugin('participation').service('rate-limits').close();
};
