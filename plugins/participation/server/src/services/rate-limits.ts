import type { Core } from '@strapi/strapi';
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, RateLimiterSQLite, type RateLimiterStoreAbstract } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import { isPostgres } from '../utils/database-client';
import { tooManyRequests } from '../utils/too-many-requests';
import { RATE_LIMITS_TABLE } from '../tables/accounts';

/** Its migration names the table from here. */
export { RATE_LIMITS_TABLE };

type LimitedAction = 'post' | 'report';
export interface LimitSpec {
  keyPrefix: string;
  points: number;
  /** Seconds. */
  duration: number;
}

/** Expired counters are swept every five minutes, once an hour has passed since they expired. */
const SWEEP_EVERY_MS = 5 * 60_000;

/**
 * Rate limits whose counters every app instance shares, so that adding instances does not multiply
 * them: in Redis when REDIS_URL is set, else in the database (`RATE_LIMITS_TABLE`), through
 * rate-limiter-flexible's stores. Counting is one atomic statement per limiter.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let redis: Promise<ReturnType<typeof createClient>> | null = null;
  let sweeper: NodeJS.Timeout | null = null;
  const limiters = new Map<string, RateLimiterStoreAbstract>();

  const startSweeping = () => {
    sweeper ??= setInterval(() => {
      strapi.db.connection(RATE_LIMITS_TABLE).where('expire', '<', Date.now() - 3600_000).delete().catch(() => undefined);
    }, SWEEP_EVERY_MS).unref();
  };

  const create = async (spec: LimitSpec): Promise<RateLimiterStoreAbstract> => {
    if (process.env.REDIS_URL) {
      redis ??= (async () => {
        const client = createClient({ url: process.env.REDIS_URL });
        await client.connect();
        return client;
      })();
      return new RateLimiterRedis({ ...spec, storeClient: await redis, useRedisPackage: true });
    }
    startSweeping();
    // The table exists (migration); the stores' own expiry timers are off, the sweeper above stops with the app.
    const options = { ...spec, storeClient: strapi.db.connection, storeType: 'knex', tableName: RATE_LIMITS_TABLE, tableCreated: true, clearExpiredByTimeout: false };
    if (!isPostgres(strapi.db.connection)) return new RateLimiterSQLite(options);
    const schemaName = strapi.db.getSchemaName();
    return new RateLimiterPostgres({ ...options, ...(schemaName ? { schemaName } : {}) });
  };

  /** One limiter per spec, made when first used (tests change limits after start-up). */
  const limiter = async (spec: LimitSpec) => {
    const id = `${spec.keyPrefix}/${spec.points}/${spec.duration}`;
    let found = limiters.get(id);
    if (!found) {
      found = await create(spec);
      limiters.set(id, found);
    }
    return found;
  };

  const forumSpecs = (action: LimitedAction): [LimitSpec, LimitSpec] => {
    const limits = strapi.plugin('participation').config('forum.rateLimits') as {
      postsPerMinutePerUser: number;
      postsPerMinutePerAddress: number;
      reportsPerHourPerUser: number;
      reportsPerHourPerAddress: number;
    };
    return action === 'post'
      ? [{ keyPrefix: 'post-user', points: limits.postsPerMinutePerUser, duration: 60 }, { keyPrefix: 'post-address', points: limits.postsPerMinutePerAddress, duration: 60 }]
      : [{ keyPrefix: 'report-user', points: limits.reportsPerHourPerUser, duration: 3600 }, { keyPrefix: 'report-address', points: limits.reportsPerHourPerAddress, duration: 3600 }];
  };

  return {
    limiter,

    /**
     * Counts one `action` by this person from this address, or throws 429 naming the wait. Per person
     * and per network address, so that neither many accounts behind one address nor one account from
     * many addresses floods a forum.
     */
    async consume(action: LimitedAction, userId: number, address: string) {
      const [userSpec, addressSpec] = forumSpecs(action);
      try {
        await (await limiter(userSpec)).consume(String(userId));
        await (await limiter(addressSpec)).consume(address || 'unknown');
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        throw tooManyRequests(`Too many ${action === 'post' ? 'posts' : 'reports'} in a short time`, rejection);
      }
    },

    async close() {
      if (sweeper) clearInterval(sweeper);
      sweeper = null;
      limiters.clear();
      const client = redis;
      redis = null;
      if (client) await (await client).quit();
    },
  };
};
