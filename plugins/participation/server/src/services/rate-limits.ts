import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { tooManyRequests } from '../utils/too-many-requests';

type LimitedAction = 'post' | 'report';

/**
 * Per person and per network address, so that neither many accounts behind one address nor one
 * account from many addresses floods a forum. Counters live in this process: with several instances
 * each enforces the limit on its own share of the traffic (see docs/forums.md).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let limiters: Record<LimitedAction, { user: RateLimiterMemory; address: RateLimiterMemory }> | null = null;

  const build = () => {
    const limits = strapi.plugin('participation').config('forum.rateLimits') as {
      postsPerMinutePerUser: number;
      postsPerMinutePerAddress: number;
      reportsPerHourPerUser: number;
      reportsPerHourPerAddress: number;
    };
    return {
      post: {
        user: new RateLimiterMemory({ keyPrefix: 'post-user', points: limits.postsPerMinutePerUser, duration: 60 }),
        address: new RateLimiterMemory({ keyPrefix: 'post-address', points: limits.postsPerMinutePerAddress, duration: 60 }),
      },
      report: {
        user: new RateLimiterMemory({ keyPrefix: 'report-user', points: limits.reportsPerHourPerUser, duration: 3600 }),
        address: new RateLimiterMemory({ keyPrefix: 'report-address', points: limits.reportsPerHourPerAddress, duration: 3600 }),
      },
    };
  };

  return {
    /** Counts one `action` by this person from this address, or throws 429 naming the wait. */
    async consume(action: LimitedAction, userId: number, address: string) {
      limiters ??= build();
      const { user, address: byAddress } = limiters[action];
      try {
        await user.consume(String(userId));
        await byAddress.consume(address || 'unknown');
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw tooManyRequests(`Too many ${action === 'post' ? 'posts' : 'reports'} in a short time; try again in ${seconds} s.`, seconds);
      }
    },
  };
};
