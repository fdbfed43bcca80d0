import { bootApp, type TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { requestFrom } from '../harness/from-address';
import type { ApiError } from '../../plugins/participation/shared/contracts';

/**
 * users-permissions' account routes, throttled with the real limits (config/plugins.ts defaults): sign-in
 * failures per account and address (5) and per account (20), registrations per address (10 an hour),
 * password requests per address (10 a quarter hour). Each client plays its own loopback address.
 */
let app: TestApp;

beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  await app?.close();
});

const signIn = (from: string, person: TestPerson, password = person.password) =>
  requestFrom(from, app.baseUrl, 'POST', '/api/auth/local', { identifier: person.email, password });
const statuses = async (count: number, attempt: () => Promise<{ status: number }>) => {
  const seen: number[] = [];
  for (let i = 0; i < count; i += 1) seen.push((await attempt()).status);
  return seen;
};

it('runs with the real limits', () => {
  expect(app.strapi.plugin('participation').config('accounts.throttle')).toMatchObject({
    signInFailuresPerAccountAndAddress: 5,
    signInFailuresPerAccount: 20,
    registrationsPerAddress: 10,
    passwordRequestsPerAddress: 10,
  });
  expect(app.strapi.config.get('plugin::users-permissions.ratelimit')).toMatchObject({ enabled: false });
});

it('stops a guesser per account and address; others behind the same address, and the owner elsewhere, still sign in', async () => {
  const [staff, neighbour] = [await createPerson(app.strapi, 'municipal-staff'), await createPerson(app.strapi, 'citizen')];
  expect(await statuses(5, () => signIn('127.0.0.2', staff, 'wrong-guess'))).toEqual([400, 400, 400, 400, 400]);
  const refused = await signIn('127.0.0.2', staff, 'wrong-guess');
  expect(refused.status).toBe(429);
  expect((refused.body as ApiError).error.message).toMatch(/^Too many failed sign-ins to this account from this address; try again in \d+ s\.$/);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  // While throttled the right password is refused too from there: no answer tells a guess was right.
  expect((await signIn('127.0.0.2', staff)).status).toBe(429);
  expect((await signIn('127.0.0.2', neighbour)).status).toBe(200);
  expect((await signIn('127.0.0.3', staff)).status).toBe(200);
});

it('answers an unknown account the same way, and counts it by name without case', async () => {
  const ghost = { email: 'Nobody@Example.test', password: 'x' } as TestPerson;
  expect(await statuses(5, () => signIn('127.0.0.4', ghost))).toEqual([400, 400, 400, 400, 400]);
  const refused = await signIn('127.0.0.4', { ...ghost, email: 'nobody@example.test' });
  expect(refused.status).toBe(429);
  expect((refused.body as ApiError).error.message).toMatch(/^Too many failed sign-ins to this account from this address/);
});

it('counts failures, not sign-ins: a success clears the count for that address', async () => {
  const person = await createPerson(app.strapi, 'citizen');
  expect(await statuses(4, () => signIn('127.0.0.5', person, 'typo'))).toEqual([400, 400, 400, 400]);
  expect((await signIn('127.0.0.5', person)).status).toBe(200);
  expect(await statuses(5, () => signIn('127.0.0.5', person, 'typo'))).toEqual([400, 400, 400, 400, 400]);
  expect((await signIn('127.0.0.5', person, 'typo')).status).toBe(429);
});

it('parallel guesses cannot outrun the count', async () => {
  const person = await createPerson(app.strapi, 'citizen');
  const answers = await Promise.all(Array.from({ length: 15 }, () => signIn('127.0.0.6', person, 'parallel')));
  const seen = answers.map((answer) => answer.status).sort();
  expect(seen.filter((status) => status === 400)).toHaveLength(5);
  expect(seen.filter((status) => status === 429)).toHaveLength(10);
});

it('stops guessing one account from many addresses after 20 failures', async () => {
  const person = await createPerson(app.strapi, 'moderator');
  for (const from of ['127.0.1.1', '127.0.1.2', '127.0.1.3', '127.0.1.4']) {
    expect(await statuses(5, () => signIn(from, person, 'spread'))).toEqual([400, 400, 400, 400, 400]);
  }
  const refused = await signIn('127.0.1.5', person, 'spread');
  expect(refused.status).toBe(429);
  expect((refused.body as ApiError).error.message).toMatch(/^Too many failed sign-ins to this account; try again in \d+ s\.$/);
});

it('throttles registration per address: 10 an hour', async () => {
  const register = (from: string, n: number) =>
    requestFrom(from, app.baseUrl, 'POST', '/api/auth/local/register', { username: `newcomer-${from}-${n}`, email: `newcomer-${n}-${from}@example.test`, password: 'Correct-Horse-9' });
  const seen = await statuses(10, () => register('127.0.2.1', Math.random()));
  expect(seen).toEqual(Array(10).fill(200));
  const refused = await register('127.0.2.1', 11);
  expect(refused.status).toBe(429);
  expect((refused.body as ApiError).error.message).toMatch(/^Too many registrations from this address; try again in \d+ s\.$/);
  expect((await register('127.0.2.2', 12)).status).toBe(200);
});

it('throttles the password routes per address: 10 a quarter hour', async () => {
  const reset = (from: string) => requestFrom(from, app.baseUrl, 'POST', '/api/auth/reset-password', { code: 'guessed-code', password: 'New-Horse-1', passwordConfirmation: 'New-Horse-1' });
  expect(await statuses(10, () => reset('127.0.3.1'))).toEqual(Array(10).fill(400));
  const refused = await reset('127.0.3.1');
  expect(refused.status).toBe(429);
  expect((refused.body as ApiError).error.message).toMatch(/^Too many password requests from this address/);
  expect((await reset('127.0.3.2')).status).toBe(400);
});
