import { bootApp, type TestApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { connectSocket } from '../harness/socket';

/**
 * Sessions end on a password change, a password reset and a sign-out: the JWT issued before is refused
 * on the plugin's routes (its own strategy), on users-permissions' routes and on sockets; the token
 * issued with the change, or at the next sign-in, works.
 */
let app: TestApp;

beforeAll(async () => {
  app = await bootApp();
  await createMunicipality(app.strapi, 'SES', 'Sessionville');
});
afterAll(async () => {
  await app?.close();
});

const bearer = (jwt: string) => ({ Authorization: `Bearer ${jwt}` });
const signIn = async (person: TestPerson, password = person.password) => {
  const response = await app.http().post('/api/auth/local').send({ identifier: person.email, password });
  expect(response.status).toBe(200);
  return response.body.jwt as string;
};

/** Whether a token is accepted by the plugin's strategy and by users-permissions' own. */
const works = async (jwt: string) => {
  const [plugin, usersPermissions] = await Promise.all([
    app.http().get('/api/participation/me').set(bearer(jwt)),
    app.http().get('/api/users/me').set(bearer(jwt)),
  ]);
  return { plugin: plugin.status, usersPermissions: usersPermissions.status };
};
const ACCEPTED = { plugin: 200, usersPermissions: 200 };
const REFUSED = { plugin: 401, usersPermissions: 401 };

it('a password change ends earlier sessions; the token it returns works', async () => {
  const person = await createPerson(app.strapi, 'citizen');
  const old = await signIn(person);
  expect(await works(old)).toEqual(ACCEPTED);
  const changed = await app.http().post('/api/auth/change-password').set(bearer(old)).send({
    currentPassword: person.password,
    password: 'New-Horse-Battery-7',
    passwordConfirmation: 'New-Horse-Battery-7',
  });
  expect(changed.status).toBe(200);
  expect(await works(old)).toEqual(REFUSED);
  expect(await works(person.jwt)).toEqual(REFUSED);
  expect(await works(changed.body.jwt)).toEqual(ACCEPTED);
  expect(await works(await signIn(person, 'New-Horse-Battery-7'))).toEqual(ACCEPTED);
});

it('a password reset ends earlier sessions', async () => {
  const person = await createPerson(app.strapi, 'municipal-staff', ['SES']);
  const old = await signIn(person);
  await app.strapi.db.query('plugin::users-permissions.user').update({ where: { id: person.id }, data: { resetPasswordToken: 'reset-code-1' } });
  const reset = await app.http().post('/api/auth/reset-password').send({ code: 'reset-code-1', password: 'Reset-Horse-8', passwordConfirmation: 'Reset-Horse-8' });
  expect(reset.status).toBe(200);
  expect(await works(old)).toEqual(REFUSED);
  expect(await works(reset.body.jwt)).toEqual(ACCEPTED);
});

it('a password set by an administrator (any write of the password) ends earlier sessions', async () => {
  const person = await createPerson(app.strapi, 'citizen');
  expect(await works(person.jwt)).toEqual(ACCEPTED);
  await app.strapi.plugin('users-permissions').service('user').edit(person.id, { password: 'Admin-Set-Horse-5' });
  expect(await works(person.jwt)).toEqual(REFUSED);
  // Other writes to the account leave its sessions alone.
  const fresh = await signIn(person, 'Admin-Set-Horse-5');
  await app.strapi.plugin('users-permissions').service('user').edit(person.id, { username: `${person.username}-renamed` });
  expect(await works(fresh)).toEqual(ACCEPTED);
});

it('signing out (POST /api/auth/logout) ends the sessions of the account; signing in again works', async () => {
  const person = await createPerson(app.strapi, 'cso-facilitator', ['SES']);
  const old = await signIn(person);
  const loggedOut = await app.http().post('/api/auth/logout').set(bearer(old)).send({});
  expect({ status: loggedOut.status, body: loggedOut.body }).toEqual({ status: 200, body: { ok: true } });
  expect(await works(old)).toEqual(REFUSED);
  expect((await app.http().post('/api/auth/logout').set(bearer(old)).send({})).status).toBe(401);
  expect(await works(await signIn(person))).toEqual(ACCEPTED);
});

it('a socket refuses a token whose session has ended', async () => {
  const person = await createPerson(app.strapi, 'citizen');
  const old = await signIn(person);
  await app.http().post('/api/auth/logout').set(bearer(old)).send({});
  await expect(connectSocket(app.baseUrl, old)).rejects.toThrow(/invalid token/);
});
