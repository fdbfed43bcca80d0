import { createHash, randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { PORTAL_SESSIONS_TABLE } from '../../../server/src/tables/portal-sessions';
import { SESSIONS_TABLE } from '../../../server/src/tables/accounts';
import { UID } from '../../../server/src/constants/uids';

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
      const row = await knex()(PORTAL_SESSIONS_TABLE)
        .leftJoin(SESSIONS_TABLE, `${SESSIONS_TABLE}.user_id`, `${PORTAL_SESSIONS_TABLE}.user_id`)
        .where(`${PORTAL_SESSIONS_TABLE}.secret_digest`, digest)
        .first(`${PORTAL_SESSIONS_TABLE}.user_id as userId`, 'created_at_ms as createdAt', 'expires_at_ms as expiresAt', 'not_before as notBefore');
      if (!row) return null;
      const ended = Number(row.expiresAt) <= Date.now() || (row.notBefore !== null && Number(row.notBefore) > Number(row.createdAt));
      if (ended) {
        await knex()(PORTAL_SESSIONS_TABLE).where({ secret_digest: digest }).delete();
        return null;
      }
      const user = await strapi.db.query(UID.user).findOne({
        where: { id: row.userId },
        select: ['id', 'username', 'email', 'blocked'],
        populate: { role: { select: ['type'] } },
      });
      if (!user || user.blocked) return null;
      return { digest, user: { id: user.id, username: user.username, email: user.email, role: user.role ?? null } };
    },

    async end(secret: string | undefined): Promise<void> {
      if (secret) await knex()(PORTAL_SESSIONS_TABLE).where({ secret_digest: digestOf(secret) }).delete();
    },
  };
};
