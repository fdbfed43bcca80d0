import type { Core } from '@strapi/strapi';
import { UID } from '../constants/uids';
import { tableOf } from './metadata';

/** One row per account that ever had its sessions ended: `not_before` in ms since the epoch (made by a migration, no content type). */
export const SESSIONS_TABLE = 'participation_account_sessions';
/** Counters of every limiter (keys carry the limiter's prefix) when no Redis is configured; made by a migration for rate-limiter-flexible's store. */
export const RATE_LIMITS_TABLE = 'participation_rate_limits';

/**
 * The accounts' tables: users-permissions' own, named and joined as its models map them, and this plugin's
 * ended sessions and rate-limit counters. Services read users here; users-permissions writes them.
 */
export const accountTables = (strapi: Core.Strapi) => {
  const users = strapi.db.metadata.get(UID.user);
  const permissions = strapi.db.metadata.get(UID.permission);
  // Strapi types an attribute as any kind of attribute; `role` is a relation through a join table.
  const userRole = (users.attributes as any).role.joinTable;
  const permissionRole = (permissions.attributes as any).role.joinTable;
  return {
    users: users.tableName,
    roles: tableOf(strapi, UID.role),
    permissions: permissions.tableName,
    userRole: { table: userRole.name as string, user: userRole.joinColumn.name as string, role: userRole.inverseJoinColumn.name as string },
    permissionRole: { table: permissionRole.name as string, permission: permissionRole.joinColumn.name as string, role: permissionRole.inverseJoinColumn.name as string },
    sessions: SESSIONS_TABLE,
    rateLimits: RATE_LIMITS_TABLE,
  };
};
