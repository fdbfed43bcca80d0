import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';

/**
 * Community writes (posts, minutes, consultation input) are small; anything larger than the
 * configured limit is refused with 413 before it reaches a controller. Bodies over Strapi's global
 * limit never get this far: its body parser answers 413 itself.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    const limit: number = strapi.plugin('participation').config('forum.maxBodyBytes');
    const length = Number(ctx.request.length ?? 0);
    if (length > limit) {
      throw new errors.PayloadTooLargeError(`The request body is ${length} bytes; at most ${limit} are accepted here.`, { limit });
    }
    await next();
  };
