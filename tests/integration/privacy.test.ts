import { bootApp, type TestApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { createRound } from '../harness/fixtures';

/** Keys that must never appear in any response about other people. */
const PRIVATE_KEYS = [
  'email', 'password', 'resetPasswordToken', 'confirmationToken', 'createdBy', 'updatedBy', 'provider', 'demographics',
  'authorId', 'voterId', 'voterKey', 'participantKey', 'facilitatorId', 'actorId', 'birthDate', 'residenceMunicipalityCode',
];

const findPrivateKeys = (value: unknown, path = ''): string[] => {
  if (Array.isArray(value)) return value.flatMap((item, index) => findPrivateKeys(item, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => [
      ...(PRIVATE_KEYS.includes(key) ? [`${path}.${key}`] : []),
      ...findPrivateKeys(child, `${path}.${key}`),
    ]);
  }
  return [];
};

let app: TestApp;
let citizen: TestPerson;
let staff: TestPerson;
let roundId: string;
let proposalId: string;

beforeAll(async () => {
  app = await bootApp();
  await createMunicipality(app.strapi, 'FIE', 'Fier');
  citizen = await createPerson(app.strapi, 'citizen');
  staff = await createPerson(app.strapi, 'municipal-staff', ['FIE']);
  await app.http().post('/api/participation/municipalities/FIE/budget-lines').set(staff.auth)
    .send({ data: { fiscalYear: 2026, code: 'P-1', name: 'Line', approved: '1.00' } });
  roundId = await createRound(app.strapi, 'FIE', { totalBudgetMinor: '100', eligibility: { residentsOnly: true }, phase: 'proposals' });
  const proposal = await app.http().post(`/api/participation/rounds/${roundId}/proposals`).set(citizen.auth)
    .send({ data: { title: 'A bench', description: 'A bench by the river for older people.', requestedAmount: '0.50', budgetLineCodes: ['P-1'] } });
  proposalId = proposal.body.data.documentId;
});
afterAll(async () => {
  await app?.close();
});

describe('no private attribute can be read', () => {
  it.each([
    '/api/participation/municipalities',
    '/api/participation/municipalities/FIE',
    '/api/participation/budget-lines',
    '/api/participation/rounds',
    () => `/api/participation/rounds/${roundId}`,
    () => `/api/participation/rounds/${roundId}/proposals`,
    () => `/api/participation/proposals/${proposalId}`,
  ])('%s carries no private keys, whoever asks', async (route) => {
    const path = typeof route === 'function' ? route() : route;
    expect(path).not.toContain('undefined');
    for (const auth of [{}, citizen.auth, staff.auth]) {
      const response = await app.http().get(path).set(auth);
      expect(findPrivateKeys(response.body)).toEqual([]);
    }
  });

  it('the me endpoint tells role and municipalities, not the e-mail', async () => {
    const response = await app.http().get('/api/participation/me').set(staff.auth);
    expect(response.body.data).toEqual({
      id: staff.id,
      username: staff.username,
      role: 'municipal-staff',
      municipalities: [{ code: 'FIE', name: 'Fier' }],
      profile: { residenceMunicipalityCode: null, birthDate: null, verifiedIn: [] },
      demographics: { declared: false, consentGivenAt: null },
    });
  });

  it.each([
    ['anonymous', () => ({})],
    ['a citizen', () => citizen.auth],
    ['municipal staff', () => staff.auth],
  ])('%s cannot list or probe user accounts', async (_who, auth) => {
    for (const path of [
      '/api/users',
      `/api/users/${citizen.id}`,
      `/api/users?filters[email][$startsWith]=${citizen.email.slice(0, 3)}`,
      `/api/users?filters[password][$startsWith]=$2`,
      '/api/users-permissions/roles',
    ]) {
      const response = await app.http().get(path).set(auth());
      expect([401, 403]).toContain(response.status);
    }
  });
});

describe('no private attribute can be probed through query parameters', () => {
  it.each([
    'filters[createdBy][email][$startsWith]=a',
    'filters[email][$eq]=x',
    'populate=*',
    'populate[createdBy]=true',
    'fields[0]=createdBy',
    'municipality[$ne]=x',
    'sort=createdBy.email',
  ])('budget lines ?%s → 400', async (query) => {
    const response = await app.http().get(`/api/participation/budget-lines?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
  });

  it.each(['populate=*', 'filters[code][$eq]=FIE'])('municipalities ?%s → 400', async (query) => {
    expect((await app.http().get(`/api/participation/municipalities?${query}`)).status).toBe(400);
  });
});
