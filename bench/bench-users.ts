import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';

/**
 * Signed-in citizens straight into the users table (hashing thousands of passwords would take longer
 * than the benchmark); they authenticate with JWTs issued for their ids.
 */
export const createBenchUsers = async (strapi: Core.Strapi, count: number, prefix = 'bench'): Promise<number[]> => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const rows = Array.from({ length: count }, (_, i) => ({
    document_id: randomBytes(12).toString('hex'),
    username: `${prefix}${i}`,
    email: `${prefix}${i}@bench.local`,
    provider: 'local',
    confirmed: true,
    blocked: false,
    created_at: new Date(),
    updated_at: new Date(),
    published_at: new Date(),
  }));
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await strapi.db.connection('up_users').insert(rows.slice(i, i + 500)).returning('id');
    ids.push(...inserted.map((row: { id: number }) => row.id));
  }
  // In slices: PostgreSQL takes at most 65,535 parameters in one statement.
  for (let i = 0; i < ids.length; i += 5000) {
    await strapi.db.connection('up_users_role_lnk').insert(ids.slice(i, i + 5000).map((id) => ({ user_id: id, role_id: role.id })));
  }
  return ids;
};
