import { createHash, randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { PORTAL_SESSIONS_TABLE } from '../plugins/participation/server/src/tables/portal-sessions';
import { csrf } from '../plugins/participation/portal/src/session/csrf';

/** Portal sessions for bench accounts, written as signing in would; each with the CSRF token its forms carry. */
export const portalSessionsFor = async (strapi: Core.Strapi, userIds: number[]) => {
  const tokens = csrf((strapi.config.get('server.app.keys') as string[])[0]);
  const now = Date.now();
  const sessions = userIds.map((userId) => {
    const secret = randomBytes(32).toString('base64url');
    const digest = createHash('sha256').update(secret).digest('hex');
    return { userId, secret, digest, token: tokens.tokenFor(digest) };
  });
  for (let i = 0; i < sessions.length; i += 500) {
    await strapi.db.connection(PORTAL_SESSIONS_TABLE).insert(
      sessions.slice(i, i + 500).map(({ userId, digest }) => ({ secret_digest: digest, user_id: userId, created_at_ms: now, expires_at_ms: now + 86_400_000 }))
    );
  }
  return sessions;
};
