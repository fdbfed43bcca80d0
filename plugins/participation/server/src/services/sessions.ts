import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { UID } from '../constants/uids';
import { isRevoked, type SessionClaims } from '../domain/accounts/sessions';

import { SESSIONS_TABLE } from '../tables/accounts';

/** Its migration names the table from here. */
export { SESSIONS_TABLE };

type Payload = SessionClaims & { id?: number };
type Verify = (token: string) => Promise<Payload>;

/**
 * Ends sessions of users-permissions accounts (docs/access.md, "Sessions"): every JWT it issues carries
 * `issuedAtMs`, and a token issued before its account's "not before" time is refused, wherever tokens
 * are checked (users-permissions' own strategy and jwt service, sockets, and this plugin's strategy,
 * which reads "not before" in its one query). A password change or reset, by anyone and through any
 * path, and `POST /api/auth/logout` move that time to now.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let verifySignature: Verify | null = null;

  const revokeWhere = async (where: unknown) => {
    const users: Array<{ id: number }> = await strapi.db.query(UID.user).findMany({ where, select: ['id'] });
    const notBefore = Date.now();
    // Joins the transaction of the write that asked for it, if any, so both commit or neither does.
    await strapi.db.transaction(async ({ trx }) => {
      for (const { id } of users) {
        await trx(SESSIONS_TABLE).insert({ user_id: id, not_before: notBefore }).onConflict('user_id').merge();
      }
    });
  };

  const notBefore = async (userId: number): Promise<number | null> => {
    const row = await strapi.db.connection(SESSIONS_TABLE).where({ user_id: userId }).first('not_before');
    return row ? Number(row.not_before) : null;
  };

  return {
    /**
     * Wraps users-permissions' jwt service and sign-out, and watches password writes. Runs in `register`,
     * before routes are built from the controllers. Only plain JWTs (`jwtManagement: 'legacy-support'`):
     * refresh mode has sessions of its own, whose access tokens this check would not cover.
     */
    install() {
      const mode = strapi.config.get('plugin::users-permissions.jwtManagement', 'legacy-support');
      if (mode !== 'legacy-support') {
        throw new Error(`participation: users-permissions jwtManagement "${mode}" is not supported; sessions are revoked for plain JWTs ("legacy-support") only`);
      }
      const jwt = strapi.plugin('users-permissions').service('jwt');
      const issue = jwt.issue.bind(jwt);
      const verify: Verify = jwt.verify.bind(jwt);
      verifySignature = verify;
      // As users-permissions' own issue does: a payload with toJSON (a model instance) is signed as what that returns.
      jwt.issue = (payload: { toJSON?: () => object } | null, options?: object) => issue({ ...(payload?.toJSON ? payload.toJSON() : payload), issuedAtMs: Date.now() }, options);
      jwt.verify = async (token: string) => {
        const payload = await verify(token);
        if (payload.id !== undefined && isRevoked(payload, await notBefore(payload.id))) throw new Error('Invalid token.');
        return payload;
      };

      // users-permissions answers 404 here unless in refresh mode; with plain JWTs, signing out ends every session of the account.
      const auth = strapi.plugin('users-permissions').controller('auth');
      auth.logout = async (ctx: Context) => {
        if (!ctx.state.user) return ctx.unauthorized('Missing authentication');
        await revokeWhere({ id: ctx.state.user.id });
        return ctx.send({ ok: true });
      };

      const onPasswordWrite = async (event: { params: { where?: unknown; data?: { password?: unknown } } }) => {
        if (event.params.data?.password !== undefined && event.params.where) await revokeWhere(event.params.where);
      };
      strapi.db.lifecycles.subscribe({ models: [UID.user], beforeUpdate: onPasswordWrite, beforeUpdateMany: onPasswordWrite });
    },

    /** The token of a request, its signature and expiry checked but not its revocation (the caller reads "not before" itself). */
    async readToken(ctx: unknown): Promise<Payload | null> {
      const jwt = strapi.plugin('users-permissions').service('jwt');
      // users-permissions' own header parsing, with the unwrapped verification.
      return jwt.getToken.call({ verify: verifySignature }, ctx);
    },
  };
};
