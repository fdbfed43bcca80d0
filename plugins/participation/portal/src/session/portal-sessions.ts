import { createHash, randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { PORTAL_SESSIONS_TABLE } from '../../../server/src/tables/portal-sessions';
import { SESSIONS_TABLE, accountTables } from '../../../server/src/tables/accounts';

/** How long a portal sign-in lasts without signing in again, as users-permissions' JWT by default. */
const SESSION_DAYS = 7;

export interface SessionUser {
  id: number;
  username: string;
  email: string;
  role: { type: string } | null;
}

export interface PortalSession {
  /** The digest the row is keyed by; the CSRF token is derived from it. */
  digest: string;
  user: SessionUser;
  /** The session's flash as stored (sealed), read with it: a page with none waiting makes no read for it. */
  sealedFlash: string | null;
}

export const digestOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * Server-side sessions of the portal. The cookie holds a random secret; the table holds its digest, the
 * account and the expiry. Signing out deletes the row; a password change or "sign out everywhere" moves
 * the account's "not before" time (services/sessions.ts), which ends portal sessions begun earlier too.
 */
export const portalSessions = (strapi: Core.Strapi) => {
  const knex = () => strapi.db.connection;
  return {
    async begin(userId: number): Promise<string> {
      const secret = randomBytes(32).toString('base64url');
      const now = Date.now();
      await knex()(PORTAL_SESSIONS_TABLE).insert({
        secret_digest: digestOf(secret),
        user_id: userId,
        created_at_ms: now,
        expires_at_ms: now + SESSION_DAYS * 24 * 60 * 60 * 1000,
      });
      return secret;
    },

    async find(secret: string | undefined): Promise<PortalSession | null> {
      if (!secret || secret.length > 100) return null;
      const digest = digestOf(secret);
      // One read for the session, its account and role, whether the account's sessions were ended, and its
      // flash: every signed-in request makes it.
      const { users, roles, userRole } = accountTables(strapi);
      const row = await knex()(PORTAL_SESSIONS_TABLE)
        .leftJoin(SESSIONS_TABLE, `${SESSIONS_TABLE}.user_id`, `${PORTAL_SESSIONS_TABLE}.user_id`)
        .leftJoin(users, `${users}.id`, `${PORTAL_SESSIONS_TABLE}.user_id`)
        .leftJoin(userRole.table, `${userRole.table}.${userRole.user}`, `${users}.id`)
        .leftJoin(roles, `${roles}.id`, `${userRole.table}.${userRole.role}`)
        .where(`${PORTAL_SESSIONS_TABLE}.secret_digest`, digest)
        .first(
          `${users}.id as userId`,
          `${users}.username as username`,
          `${users}.email as email`,
          `${users}.blocked as blocked`,
          `${roles}.type as roleType`,
          'created_at_ms as createdAt',
          'expires_at_ms as expiresAt',
          'not_before as notBefore',
          `${PORTAL_SESSIONS_TABLE}.flash as sealedFlash`
        );
      if (!row) return null;
      const ended = Number(row.expiresAt) <= Date.now() || (row.notBefore !== null && Number(row.notBefore) > Number(row.createdAt));
      if (ended) {
        await knex()(PORTAL_SESSIONS_TABLE).where({ secret_digest: digest }).delete();
        return null;
      }
      // A deleted account leaves no user row; SQLite gives booleans as 0 / 1.
      if (row.userId === null || Boolean(row.blocked)) return null;
      const user = { id: Number(row.userId), username: String(row.username), email: String(row.email), role: row.roleType == null ? null : { type: String(row.roleType) } };
      return { digest, user: { id: user.id, username: user.username, email: user.email, role: user.role ?? null }, sealedFlash: row.sealedFlash ?? null };
    },

    async end(secret: string | undefined): Promise<void> {
      if (secret) await knex()(PORTAL_SESSIONS_TABLE).where({ secret_digest: digestOf(secret) }).delete();
    },
  };
};
