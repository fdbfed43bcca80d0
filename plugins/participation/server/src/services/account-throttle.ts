import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { UID } from '../constants/uids';
import type { ThrottledRoute } from '../domain/accounts/throttle';
import type { PluginConfig } from '../config/schema';
import { tooManyRequests } from '../utils/too-many-requests';
import type { LimitSpec } from './rate-limits';

type Throttle = PluginConfig['accounts']['throttle'];

/**
 * What the throttle reads of a request: the API's Koa context, or what the portal's sign-in and
 * registration forms pass (the sign-in form sets `status` once it has checked the password).
 */
export interface ThrottledRequest {
  request: { ip: string; body?: { identifier?: unknown } };
  status?: number;
}

/** Counts one attempt, or refuses with 429 when the limit is spent. */
const consumeOr = async (limiter: { consume: (key: string) => Promise<unknown> }, key: string, message: string) => {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw tooManyRequests(message, rejection);
    throw rejection;
  }
};

/**
 * Throttles users-permissions' sign-in, registration and password routes (see domain/accounts/throttle.ts
 * and docs/access.md). Counters are shared by every instance (services/rate-limits.ts).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const limits = () => strapi.plugin('participation').config('accounts.throttle') as Throttle;
  const limiter = (spec: LimitSpec) => strapi.plugin('participation').service('rate-limits').limiter(spec);

  /**
   * The account a sign-in names, found as users-permissions finds it (e-mail without case, or username),
   * so that e-mail and username count together; an unknown name counts by a digest, never stored as typed.
   */
  const accountKey = async (identifier: unknown): Promise<string> => {
    if (typeof identifier !== 'string' || identifier === '') return 'none';
    const user = await strapi.db.query(UID.user).findOne({
      where: { provider: 'local', $or: [{ email: identifier.toLowerCase() }, { username: identifier }] },
      select: ['id'],
    });
    return user ? `user-${user.id}` : `name-${createHash('sha256').update(identifier.toLowerCase()).digest('hex').slice(0, 32)}`;
  };

  /**
   * Sign-in: each attempt is counted before the password is checked (so parallel guesses cannot outrun
   * the count) and given back when it succeeds; failures are what remains. The same 429 whether or not
   * the account exists.
   */
  const guardSignIn = async (ctx: ThrottledRequest, next: () => Promise<unknown>, address: string) => {
    const throttle = limits();
    const [pair, account] = await Promise.all([
      limiter({ keyPrefix: 'sign-in-account-address', points: throttle.signInFailuresPerAccountAndAddress, duration: throttle.signInFailuresPerAccountAndAddressMinutes * 60 }),
      limiter({ keyPrefix: 'sign-in-account', points: throttle.signInFailuresPerAccount, duration: throttle.signInFailuresPerAccountMinutes * 60 }),
    ]);
    const accountId = await accountKey(ctx.request.body?.identifier);
    const pairId = `${accountId}@${address}`;
    await consumeOr(pair, pairId, 'Too many failed sign-ins to this account from this address');
    await consumeOr(account, accountId, 'Too many failed sign-ins to this account');
    await next();
    if (ctx.status !== undefined && ctx.status < 400) await Promise.all([pair.delete(pairId), account.reward(accountId, 1)]);
  };

  return {
    async guard(route: ThrottledRoute, ctx: ThrottledRequest, next: () => Promise<unknown>) {
      const address: string = ctx.request.ip || 'unknown';
      if (route === 'sign-in') return guardSignIn(ctx, next, address);
      const throttle = limits();
      if (route === 'registration') {
        const spec = { keyPrefix: 'registration-address', points: throttle.registrationsPerAddress, duration: throttle.registrationsPerAddressMinutes * 60 };
        await consumeOr(await limiter(spec), address, 'Too many registrations from this address');
      } else {
        const spec = { keyPrefix: 'password-address', points: throttle.passwordRequestsPerAddress, duration: throttle.passwordRequestsPerAddressMinutes * 60 };
        await consumeOr(await limiter(spec), address, 'Too many password requests from this address');
      }
      return next();
    },
  };
};
