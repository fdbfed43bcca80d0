import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { actionOfScope, refusalWithoutGrant } from '../domain/access/rules';
import { participantRoleFromType } from '../domain/access/roles';
import { isRevoked, type SessionClaims } from '../domain/accounts/sessions';
import { accountTables } from '../tables/accounts';
import { getService } from '../utils/get-service';
import { refusalError } from '../utils/refusal-error';

interface Row {
  id: number;
  username: string;
  email: string;
  confirmed: boolean | number | null;
  blocked: boolean | number | null;
  role_id: number;
  role_name: string;
  role_type: string;
  not_before: number | string | null;
  action: string | null;
}

interface Auth {
  credentials: unknown;
  ability: { can: (action: string) => boolean };
}

/** What the strategy reads and writes of a request's Koa context (the sessions service reads its token). */
interface AuthContext {
  state: { route?: { config?: { auth?: { scope?: string[] } } }; user?: unknown };
}

const scopeOf = (ctx: AuthContext): string[] => ctx.state.route?.config?.auth?.scope ?? [];

const knex = () => strapi.db.connection;

const tables = () => accountTables(strapi);

/** Adds `action`: the role's permissions among `scope`, left-joined so that a role lacking them still yields its row. */
const joinGrantedActions = (query: Knex.QueryBuilder, scope: string[]) => {
  const { permissions, permissionRole } = tables();
  const granted = knex()(`${permissionRole.table} as pr`)
    .join(`${permissions} as p`, 'p.id', `pr.${permissionRole.permission}`)
    .whereIn('p.action', scope)
    .select(`pr.${permissionRole.role} as role_id`, 'p.action as action')
    .as('granted');
  return query.leftJoin(granted, 'granted.role_id', 'r.id');
};

const abilityFor = (rows: Row[]) => {
  const permitted = new Set(rows.map((row) => row.action).filter((action): action is string => action !== null));
  return { can: (action: string) => permitted.has(action) };
};

const advancedSettings = () => strapi.store({ type: 'plugin', name: 'users-permissions' }).get({ key: 'advanced' }) as Promise<{ email_confirmation?: boolean } | null>;

/** No token: the Public role's rights; a Public role without any permission means "not authenticated", as in users-permissions. */
const authenticatePublic = async (scope: string[]) => {
  const { roles, permissions, permissionRole } = tables();
  const rows: Row[] = await joinGrantedActions(knex()(`${roles} as r`).where('r.type', 'public'), scope).select('granted.action as action');
  if (rows.every((row) => row.action === null)) {
    const any = await knex()(`${permissionRole.table} as pr`)
      .join(`${roles} as r`, 'r.id', `pr.${permissionRole.role}`)
      .join(`${permissions} as p`, 'p.id', `pr.${permissionRole.permission}`)
      .where('r.type', 'public')
      .first('p.id');
    if (!any) return { authenticated: false };
  }
  return { authenticated: true, credentials: null, ability: abilityFor(rows) };
};

const authenticate = async (ctx: AuthContext) => {
  const scope = scopeOf(ctx);
  let token: (SessionClaims & { id?: number }) | null;
  try {
    token = await getService(strapi, 'sessions').readToken(ctx);
  } catch {
    // Not one of users-permissions' JWTs: another strategy (API tokens) may still accept it.
    return { authenticated: false };
  }
  if (!token) return authenticatePublic(scope);
  if (token.id === undefined) return { authenticated: false };

  const { users, roles, userRole, sessions } = tables();
  const query = knex()(`${users} as u`)
    .join(`${userRole.table} as ur`, `ur.${userRole.user}`, 'u.id')
    .join(`${roles} as r`, 'r.id', `ur.${userRole.role}`)
    .where('u.id', token.id)
    // A session ended by a password change or sign-out is refused here too, in the same query.
    .leftJoin(`${sessions} as s`, 's.user_id', 'u.id')
    .select('u.id', 'u.username', 'u.email', 'u.confirmed', 'u.blocked', 'r.id as role_id', 'r.name as role_name', 'r.type as role_type', 's.not_before as not_before', 'granted.action as action');
  const rows: Row[] = await joinGrantedActions(query, scope);
  const [user] = rows;
  if (!user) return { error: 'Invalid credentials' };
  // As users-permissions' jwt service (wrapped by the sessions service) treats a revoked token: not one of its tokens.
  if (isRevoked(token, user.not_before)) return { authenticated: false };
  if (!user.confirmed && (await advancedSettings())?.email_confirmation) return { error: 'Invalid credentials' };
  if (user.blocked) return { error: 'Invalid credentials' };

  ctx.state.user = {
    id: user.id,
    username: user.username,
    email: user.email,
    confirmed: Boolean(user.confirmed),
    blocked: Boolean(user.blocked),
    role: { id: user.role_id, name: user.role_name, type: user.role_type },
  };
  return { authenticated: true, credentials: ctx.state.user, ability: abilityFor(rows) };
};

/**
 * Refuses a route whose permission the role lacks, as users-permissions does, but says why, from the
 * access rules (domain/access/rules.ts): nobody signed in is a 401 "Sign in", a role the rules do not
 * allow a 403 naming the roles that may, and a permission withdrawn in Users & Permissions a 403 that
 * says so, in errors that keep their message (utils/refusal-error.ts).
 */
const verify = async (auth: Auth, config: { scope?: string[] }) => {
  if (!config.scope) {
    if (!auth.credentials) throw new errors.UnauthorizedError();
    return;
  }
  if (config.scope.every((action) => auth.ability.can(action))) return;
  const action = actionOfScope(config.scope);
  if (!action) throw new errors.ForbiddenError();
  const user = auth.credentials as { role?: { type?: string } } | null;
  const decision = refusalWithoutGrant(action, user ? { role: participantRoleFromType(user.role?.type) } : null);
  throw refusalError(decision);
};

/**
 * The content-API authentication of this plugin's routes: users-permissions' own JWTs, sessions ended
 * by a password change or sign-out (services/sessions.ts), blocked and unconfirmed users, and the role
 * permissions set in Settings → Users & Permissions, with the same answers as users-permissions'
 * strategy. That strategy loads all of a role's permissions (over fifty rows) and builds an ability
 * from them on every request, about 3 ms of CPU, to answer one question: may this role call this route? Here one indexed query answers it, with the user, so the hottest
 * routes (casting a ballot, reading a forum) are not bound by authentication. Nothing is cached, so a
 * permission changed in the admin holds on every instance at once.
 */
export const routeScopedUsersPermissions = { name: 'participation-users-permissions', authenticate, verify };
