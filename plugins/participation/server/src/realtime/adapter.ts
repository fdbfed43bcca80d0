import type { Core } from '@strapi/strapi';
import { Pool, type PoolConfig } from 'pg';
import type { ServerOptions } from 'socket.io';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';

export interface SharedAdapter {
  adapter: ServerOptions['adapter'];
  close: () => Promise<void>;
}

/**
 * Several app instances share events through Redis when REDIS_URL is set, else through PostgreSQL
 * (LISTEN/NOTIFY) when that is the database. On SQLite one instance is all there is.
 */
export const createSharedAdapter = async (strapi: Core.Strapi): Promise<SharedAdapter | null> => {
  if (process.env.REDIS_URL) {
    const publisher = createClient({ url: process.env.REDIS_URL });
    const subscriber = publisher.duplicate();
    await Promise.all([publisher.connect(), subscriber.connect()]);
    return {
      adapter: createRedisAdapter(publisher, subscriber),
      close: async () => {
        await Promise.all([publisher.quit(), subscriber.quit()]);
      },
    };
  }
  const { client, connection } = strapi.db.config.connection;
  if (!String(client).startsWith('p')) return null;
  // config/database.ts gives PostgreSQL its settings as an object of pg's own fields.
  const pool = new Pool({ ...(connection as PoolConfig), max: 2 });
  return { adapter: createPostgresAdapter(pool), close: () => pool.end() };
};
