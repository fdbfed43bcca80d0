import type { JoinTable } from '@strapi/database';
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
  const userRole = (users.attributes.role as { joinTable: JoinTable }).joinTable;
  const permissionRole = (permissions.attributes.role as { joinTable: JoinTable }).joinTable;
  return {
    users: users.tableName,
    roles: tableOf(strapi, UID.role),
    permissions: permissions.tableName,
    userRole: { table: userRole.name, user: userRole.joinColumn.name, role: userRole.inverseJoinColumn.name },
    permissionRole: { table: permissionRole.name, permission: permissionRole.joinColumn.name, role: permissionRole.inverseJoinColumn.name },
    sessions: SESSIONS_TABLE,
    rateLimits: RATE_LIMITS_TABLE,
  };
};
