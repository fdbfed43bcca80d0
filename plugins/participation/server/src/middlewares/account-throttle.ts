import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { throttledRoute } from '../domain/accounts/throttle';

/**
 * App-wide (config/middlewares.ts): throttles users-permissions' sign-in, registration and password
 * routes by account and address, with counters shared by every instance. Replaces users-permissions'
 * own per-address, per-process ratelimit, which is turned off in config/plugins.ts.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<unknown>) => {
    const route = throttledRoute(ctx.method, ctx.path, strapi.config.get('api.rest.prefix', '/api') as string);
    if (!route) return next();
    return strapi.plugin('participation').service('account-throttle').guard(route, ctx, next);
  };
