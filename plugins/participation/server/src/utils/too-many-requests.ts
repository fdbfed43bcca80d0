import { errors } from '@strapi/utils';
import type { RateLimiterRes } from 'rate-limiter-flexible';

/**
 * 429 for a spent limit, naming the wait in its message and in `details.retryAfterSeconds`, from which
 * the retry-after middleware sets the Retry-After header: nothing else needs to.
 */
export const tooManyRequests = (message: string, rejection: RateLimiterRes) => {
  const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  return new errors.RateLimitError(`${message}; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
};
