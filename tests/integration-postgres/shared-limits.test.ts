import { bootApp, type TestApp } from '../harness/app';
import { startOtherInstance } from '../harness/other-instance';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { requestFrom } from '../harness/from-address';
import type { ApiError } from '../../plugins/participation/shared/contracts';

/**
 * Two app instances on one PostgreSQL database share their rate limits: a second instance does not give
 * a guesser or a poster a second allowance (sign-in failures, forum posts per person).
 */
let app: TestApp;
let stopOther: (() => Promise<void>) | undefined;
let otherUrl: string;

beforeAll(async () => {
  app = await bootApp();
  expect(app.engine).toBe('postgres');
  await createMunicipality(app.strapi, 'SHK', 'Shkodër');
  ({ url: otherUrl, stop: stopOther } = await startOtherInstance());
});
afterAll(async () => {
  await stopOther?.();
  await app?.close();
});

it('sign-in failures count across instances', async () => {
  const person = await createPerson(app.strapi, 'citizen');
  const guess = (baseUrl: string) => requestFrom('127.0.0.2', baseUrl, 'POST', '/api/auth/local', { identifier: person.email, password: 'wrong' });
  for (const baseUrl of [app.baseUrl, otherUrl, app.baseUrl, otherUrl, app.baseUrl]) expect((await guess(baseUrl)).status).toBe(400);
  expect((await guess(otherUrl)).status).toBe(429);
  expect((await guess(app.baseUrl)).status).toBe(429);
});

it('forum posts per person count across instances (6 a minute)', async () => {
  const staff: TestPerson = await createPerson(app.strapi, 'municipal-staff', ['SHK']);
  const poster = await createPerson(app.strapi, 'citizen');
  const forum = app.strapi.plugin('participation').service('forum');
  const { documentId: forumId } = await forum.createForum('SHK', { title: 'Shared limits' }, staff.id);
  const thread = await forum.createThread(forumId, { title: 'Both instances', body: '<p>Opening</p>' }, { id: staff.id, username: staff.username, address: 'fixture' });
  let n = 0;
  const post = (baseUrl: string) =>
    requestFrom('127.0.0.3', baseUrl, 'POST', `/api/participation/threads/${thread.documentId}/posts`, { data: { body: `<p>Post number ${++n}</p>` } }, poster.auth);
  for (const baseUrl of [app.baseUrl, otherUrl, app.baseUrl, otherUrl, app.baseUrl, otherUrl]) expect((await post(baseUrl)).status).toBe(201);
  const refused = await post(app.baseUrl);
  expect(refused.status).toBe(429);
  expect((refused.body as ApiError).error.message).toMatch(/^Too many posts in a short time/);
});
