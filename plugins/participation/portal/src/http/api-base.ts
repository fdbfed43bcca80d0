import type { Core } from '@strapi/strapi';

/** Where the plugin's content API is served: pages link to its exports (CSV, JSON, `.pb`, the decision log). */
export const apiBaseOf = (strapi: Core.Strapi) => `${strapi.config.get('api.rest.prefix', '/api') as string}/participation`;
