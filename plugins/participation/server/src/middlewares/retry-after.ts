import { errors } from '@strapi/utils';

/**
 * App-wide, just inside Strapi's errors middleware (config/middlewares.ts): a 429 that says how long to
 * wait (`details.retryAfterSeconds`, see utils/too-many-requests.ts) leaves with a Retry-After header,
 * whichever middleware, controller or service refused.
 */
export default () => async (ctx: { set(name: string, value: string): void }, next: () => Promise<unknown>) => {
  try {
    return await next();
  } catch (error) {
    const seconds = error instanceof errors.RateLimitError ? error.details?.retryAfterSeconds : undefined;
    if (typeof seconds === 'number') ctx.set('Retry-After', String(seconds));
    throw error;
  }
};
