import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * SQLite is the zero-configuration default. A `DATABASE_URL` of the form `postgres://…`
 * (or Strapi's usual `DATABASE_CLIENT=postgres` with `DATABASE_*` variables) selects PostgreSQL.
 */
export const resolveDatabaseClient = (env: Core.Config.Shared.ConfigParams['env']): 'sqlite' | 'postgres' => {
  const explicit = env('DATABASE_CLIENT', '');
  const url = env('DATABASE_URL', '');
  const client = explicit || (/^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite');
  if (client !== 'sqlite' && client !== 'postgres') {
    throw new Error(`Unsupported DATABASE_CLIENT "${client}": use "sqlite" or "postgres".`);
  }
  return client;
};

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = resolveDatabaseClient(env);
  const pool = { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) };

  if (client === 'postgres') {
    const url = env('DATABASE_URL', '');
    return {
      connection: {
        client: 'postgres',
        // pg lets a connection string override the separate fields.
        connection: {
          connectionString: url || undefined,
          host: env('DATABASE_HOST', 'localhost'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'strapi'),
          user: env('DATABASE_USERNAME', 'strapi'),
          password: env('DATABASE_PASSWORD', 'strapi'),
          ssl: env.bool('DATABASE_SSL', false) && {
            rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
          },
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool,
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  // An empty DATABASE_FILENAME (as in Strapi's generated .env) must still fall back to the default.
  const filename = env('DATABASE_FILENAME', '') || '.tmp/data.db';
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: path.isAbsolute(filename) ? filename : path.join(__dirname, '..', '..', filename) },
      useNullAsDefault: true,
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};

export default config;
