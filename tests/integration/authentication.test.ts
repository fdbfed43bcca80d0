import path from 'path';
import { sign } from 'jsonwebtoken';
import { bootApp, type TestApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { advanceRound, createProposal, createRound } from '../harness/fixtures';
import { routeScopedUsersPermissions } from '../../plugins/participation/server/src/strategies/route-scoped-users-permissions';

/**
 * The plugin's routes authenticate through a leaner strategy than users-permissions' own. These tests
 * hold it to the same answers as users-permissions' strategy, case by case, and check that the
 * Users & Permissions settings (role permissions, blocking, e-mail confirmation) take effect at once.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the strategy is not exported: its built file is loaded by path
const usersPermissionsStrategy = require(
  path.join(path.dirname(require.resolve('@strapi/plugin-users-permissions/package.json')), 'dist/server/strategies/users-permissions.js')
).__require();

let app: TestApp;
let citizen: TestPerson;
let staff: TestPerson;
let blocked: TestPerson;
let unconfirmed: TestPerson;
let passwordChanged: TestPerson;

const PERMISSIONS = 'plugin::users-permissions.permission';
const ROLES = 'plugin::users-permissions.role';

beforeAll(async () => {
  app = await bootApp();
  await createMunicipality(app.strapi, 'AUT', 'Authville');
  [citizen, staff, blocked, unconfirmed] = [
    await createPerson(app.strapi, 'citizen'),
    await createPerson(app.strapi, 'municipal-staff', ['AUT']),
    await createPerson(app.strapi, 'citizen'),
    await createPerson(app.strapi, 'citizen'),
  ];
  await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: blocked.id }, data: { blocked: true } });
  await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: unconfirmed.id }, data: { confirmed: false } });
  passwordChanged = await createPerson(app.strapi, 'citizen');
  await app.strapi.plugin('users-permissions').service('user').edit(passwordChanged.id, { password: 'Another-Horse-3' });
});
afterAll(async () => {
  await app?.close();
});

const jwt = () => app.strapi.plugin('users-permissions').service('jwt');

/** The request as both strategies read it: the Authorization header and the route's scope; they leave the user in the state. */
interface StrategyContext {
  request: { header: { authorization?: string } };
  state: { route: { config: { auth: { scope: string[] } } }; user?: { role?: { type?: string } } };
}

/** What a strategy's authenticate answers. */
interface Authentication {
  authenticated?: boolean;
  error?: string;
  credentials?: unknown;
  ability?: { can: (action: string) => boolean };
}

/** A content-API auth strategy, as Strapi calls it. */
interface Strategy {
  authenticate(ctx: StrategyContext): Promise<Authentication | undefined>;
  verify(auth: Authentication, config: { scope: string[] }): Promise<void>;
}

/**
 * What a strategy decides for one request: refused, anonymous or which user with which role, allowed or
 * not. How a refusal is worded differs on purpose (ours says which rule refused: see below), so only
 * whether it refuses is compared.
 */
const outcome = async (strategy: Strategy, authorization: string | undefined, scope: string[]) => {
  const ctx: StrategyContext = { request: { header: authorization ? { authorization } : {} }, state: { route: { config: { auth: { scope } } } } };
  const result = (await strategy.authenticate(ctx)) ?? {};
  if (result.error) return { error: result.error };
  if (!result.authenticated) return { authenticated: false };
  const who = { userId: (result.credentials as { id?: number } | null | undefined)?.id ?? null, role: ctx.state.user?.role?.type ?? null };
  try {
    await strategy.verify(result, { scope });
    return { ...who, allowed: true };
  } catch {
    return { ...who, refused: true };
  }
};

const TOKENS: Array<[string, () => string | undefined]> = [
  ['no token', () => undefined],
  ['a citizen', () => citizen.auth.Authorization],
  ['municipal staff', () => staff.auth.Authorization],
  ['a blocked user', () => blocked.auth.Authorization],
  ['an unconfirmed user', () => unconfirmed.auth.Authorization],
  ['a token issued before a password change', () => passwordChanged.auth.Authorization],
  ['a deleted user', () => `Bearer ${jwt().issue({ id: 987654 })}`],
  ['a token without an id', () => `Bearer ${jwt().issue({ sub: 'x' })}`],
  ['a token signed with another secret', () => `Bearer ${sign({ id: citizen.id }, 'not-the-secret')}`],
  ['garbage', () => 'Bearer not.a.jwt'],
  ['another scheme', () => 'Basic Y2l0aXplbjpwdw=='],
];
const SCOPES: Array<[string, string[]]> = [
  ['a public read', ['plugin::participation.round.find']],
  ['a signed-in write', ['plugin::participation.ballot.cast']],
  ['a staff write', ['plugin::participation.round.transition']],
  ['an action nobody is granted', ['plugin::participation.no-such.action']],
  ['two actions', ['plugin::participation.round.find', 'plugin::participation.ballot.cast']],
];

const sameAnswers = async () => {
  for (const [tokenName, token] of TOKENS) {
    for (const [scopeName, scope] of SCOPES) {
      const ours = await outcome(routeScopedUsersPermissions, token(), scope);
      const theirs = await outcome(usersPermissionsStrategy, token(), scope);
      expect({ tokenName, scopeName, ...ours }).toEqual({ tokenName, scopeName, ...theirs });
    }
  }
};

describe('the same answers as users-permissions', () => {
  it('for every kind of token and route', sameAnswers);

  it('with e-mail confirmation required', async () => {
    const store = app.strapi.store({ type: 'plugin', name: 'users-permissions' });
    const advanced = (await store.get({ key: 'advanced' })) as Record<string, unknown>;
    await store.set({ key: 'advanced', value: { ...advanced, email_confirmation: true } });
    try {
      expect(await outcome(routeScopedUsersPermissions, unconfirmed.auth.Authorization, SCOPES[1][1])).toEqual({ error: 'Invalid credentials' });
      await sameAnswers();
    } finally {
      await store.set({ key: 'advanced', value: advanced });
    }
  });

  it('when the Public role has no permission at all', async () => {
    const publicRole = await app.strapi.db.query(ROLES).findOne({ where: { type: 'public' }, populate: ['permissions'] });
    await app.strapi.db.query(ROLES).update({ where: { id: publicRole.id }, data: { permissions: [] } });
    try {
      expect(await outcome(routeScopedUsersPermissions, undefined, SCOPES[0][1])).toEqual({ authenticated: false });
      await sameAnswers();
    } finally {
      await app.strapi.db.query(ROLES).update({ where: { id: publicRole.id }, data: { permissions: publicRole.permissions.map((p: { id: number }) => p.id) } });
    }
  });
});

describe('over HTTP', () => {
  it('a permission taken from a role in Users & Permissions refuses at once, and giving it back allows again', async () => {
    const roundId = await createRound(app.strapi, 'AUT');
    const proposalId = await createProposal(app.strapi, roundId, 'AUT', { proposalStatus: 'on_ballot', ballotNumber: 1 });
    await advanceRound(app.strapi, roundId, 'voting');
    const cast = () => app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(citizen.auth).send({ choices: { projects: [proposalId] } });
    const role = await app.strapi.db.query(ROLES).findOne({ where: { type: 'authenticated' } });
    const permission = await app.strapi.db
      .query(PERMISSIONS)
      .findOne({ where: { action: 'plugin::participation.ballot.cast', role: { id: role.id } } });
    await app.strapi.db.query(PERMISSIONS).delete({ where: { id: permission.id } });
    try {
      const refused = await cast();
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe('The citizen role no longer holds this permission; it was withdrawn in Users & Permissions (ballot.cast).');
    } finally {
      await app.strapi.db.query(PERMISSIONS).create({ data: { action: 'plugin::participation.ballot.cast', role: role.id } });
    }
    expect((await cast()).status).toBe(201);
  });

  it('a blocked account is refused with 401; a missing token on a signed-in route with 401 asking to sign in', async () => {
    expect((await app.http().get('/api/participation/me').set(blocked.auth)).status).toBe(401);
    const anonymous = await app.http().get('/api/participation/me');
    expect({ status: anonymous.status, message: anonymous.body.error.message }).toEqual({ status: 401, message: 'Sign in to do this (me.find).' });
    expect((await app.http().get('/api/participation/me').set(citizen.auth)).body.data.id).toBe(citizen.id);
  });

  it('a signed-in route granted to the Public role by mistake still asks an anonymous caller to sign in, naming the action', async () => {
    const publicRole = await app.strapi.db.query(ROLES).findOne({ where: { type: 'public' } });
    const grant = await app.strapi.db.query(PERMISSIONS).create({ data: { action: 'plugin::participation.me.find', role: publicRole.id } });
    try {
      // The grant lets the request past authentication; the access rules (has-access policy) refuse it.
      const anonymous = await app.http().get('/api/participation/me');
      expect({ status: anonymous.status, error: anonymous.body.error }).toMatchObject({
        status: 401,
        error: { message: 'Sign in to do this (me.find).', details: { refusedBy: 'sign-in' } },
      });
    } finally {
      await app.strapi.db.query(PERMISSIONS).delete({ where: { id: grant.id } });
    }
  });

  it('a role the rules do not allow is told which roles may; nothing about the data', async () => {
    const response = await app.http().post('/api/participation/municipalities/AUT/rounds').set(citizen.auth).send({ data: {} });
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({ name: 'PolicyError', message: 'Only municipal-staff may do this (round.create).', details: { refusedBy: 'role' } });
    const nowhere = await app.http().post('/api/participation/municipalities/NOWHERE/rounds').set(citizen.auth).send({ data: {} });
    expect(nowhere.body.error.message).toBe(response.body.error.message);
  });

  it('API tokens still work on the plugin routes', async () => {
    const token = await app.strapi.service('admin::api-token').create({ name: 'portal', type: 'read-only', lifespan: null, description: '' });
    const response = await app.http().get('/api/participation/municipalities').set({ Authorization: `Bearer ${token.accessKey}` });
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 200 });
    expect(response.body.data.map((m: { code: string }) => m.code)).toContain('AUT');
  });
});
