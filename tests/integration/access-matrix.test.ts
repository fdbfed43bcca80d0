import { bootApp, type TestApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { ACCESS_RULES, type ContentApiAction } from '../../plugins/participation/server/src/domain/access/rules';

/**
 * role × own/other municipality × route → allowed or refused. Written out by hand, not derived from
 * the rules table, so a change to the rules that is not also made here fails. Every later capability
 * adds its routes to ROUTES and EXPECTED.
 */
type Who = 'anonymous' | 'citizen' | 'municipal-staff' | 'moderator' | 'cso-facilitator';
type Outcome = 'allowed' | 401 | 403;
type Expectation = Record<Who, Outcome> | { own: Record<Who, Outcome>; other: Record<Who, Outcome> };

const everyone = (outcome: Outcome): Record<Who, Outcome> => ({
  anonymous: outcome,
  citizen: outcome,
  'municipal-staff': outcome,
  moderator: outcome,
  'cso-facilitator': outcome,
});
const staffOnlyInOwn: Expectation = {
  own: { anonymous: 403, citizen: 403, 'municipal-staff': 'allowed', moderator: 403, 'cso-facilitator': 403 },
  other: { anonymous: 403, citizen: 403, 'municipal-staff': 403, moderator: 403, 'cso-facilitator': 403 },
};

const EXPECTED: Record<ContentApiAction, Expectation> = {
  'municipality.find': everyone('allowed'),
  'municipality.findOne': everyone('allowed'),
  'budget-line.find': everyone('allowed'),
  'budget-line.findOne': everyone('allowed'),
  'budget-line.create': staffOnlyInOwn,
  'budget-line.update': staffOnlyInOwn,
  'budget-line.delete': staffOnlyInOwn,
  'budget-line.import': staffOnlyInOwn,
  'me.find': { ...everyone('allowed'), anonymous: 403 },
};

let app: TestApp;
const people: Partial<Record<Who, TestPerson>> = {};
const lineIn: Record<string, string> = {};
let counter = 0;

const lineBody = () => ({ data: { fiscalYear: 2026, code: `M-${++counter}`, name: 'Matrix line', approved: '10.00' } });

const createLine = async (municipalityCode: string) => {
  const line = await app.strapi.plugin('participation').service('budget-line').create(municipalityCode, {
    fiscalYear: 2026, code: `FIX-${++counter}`, name: 'Fixture', programme: null, functionalClassification: null,
    approvedMinor: '100', revisedMinor: '100', committedMinor: '0', spentMinor: '0', genderMarker: 'none', youthMarker: 'none', sdgTargets: [],
  });
  return line.documentId as string;
};

/** One valid request per action, against a municipality. */
const ROUTES: Record<ContentApiAction, (m: string) => Promise<{ method: 'get' | 'post' | 'put' | 'delete'; path: string; body?: object }>> = {
  'municipality.find': async () => ({ method: 'get', path: '/api/participation/municipalities' }),
  'municipality.findOne': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}` }),
  'budget-line.find': async (m) => ({ method: 'get', path: `/api/participation/budget-lines?municipality=${m}` }),
  'budget-line.findOne': async (m) => ({ method: 'get', path: `/api/participation/budget-lines/${lineIn[m]}` }),
  'budget-line.create': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/budget-lines`, body: lineBody() }),
  'budget-line.update': async (m) => ({ method: 'put', path: `/api/participation/municipalities/${m}/budget-lines/${lineIn[m]}`, body: lineBody() }),
  'budget-line.delete': async (m) => ({ method: 'delete', path: `/api/participation/municipalities/${m}/budget-lines/${await createLine(m)}` }),
  'budget-line.import': async (m) => ({
    method: 'post',
    path: `/api/participation/municipalities/${m}/budget-lines/import?dryRun=true`,
    body: { csv: 'fiscal_year,code,name,approved\n2026,X1,Imported,5.00\n' },
  }),
  'me.find': async () => ({ method: 'get', path: '/api/participation/me' }),
};

beforeAll(async () => {
  app = await bootApp();
  await createMunicipality(app.strapi, 'OWN');
  await createMunicipality(app.strapi, 'OTHER');
  lineIn.OWN = await createLine('OWN');
  lineIn.OTHER = await createLine('OTHER');
  people.citizen = await createPerson(app.strapi, 'citizen');
  people['municipal-staff'] = await createPerson(app.strapi, 'municipal-staff', ['OWN']);
  people.moderator = await createPerson(app.strapi, 'moderator', ['OWN']);
  people['cso-facilitator'] = await createPerson(app.strapi, 'cso-facilitator', ['OWN']);
});
afterAll(async () => {
  await app?.close();
});

it('covers every content-API route the plugin registers, and every rule', () => {
  const routes = (app.strapi.plugin('participation').routes as any)['content-api'].routes;
  const handlers = new Set(routes.map((route: { handler: string }) => route.handler));
  expect([...handlers].sort()).toEqual(Object.keys(EXPECTED).sort());
  expect(Object.keys(ACCESS_RULES).sort()).toEqual(Object.keys(EXPECTED).sort());
});

const cases = (Object.keys(EXPECTED) as ContentApiAction[]).flatMap((action) => {
  const expectation = EXPECTED[action];
  const byScope = 'own' in expectation ? (['own', 'other'] as const).map((scope) => [scope, expectation[scope]] as const) : [['own', expectation] as const];
  return byScope.flatMap(([scope, outcomes]) =>
    (Object.keys(outcomes) as Who[]).map((who) => ({ action, scope, who, outcome: outcomes[who] }))
  );
});

it.each(cases)('$action · $who · $scope municipality → $outcome', async ({ action, scope, who, outcome }) => {
  const { method, path, body } = await ROUTES[action](scope === 'own' ? 'OWN' : 'OTHER');
  let request = app.http()[method](path);
  if (who !== 'anonymous') request = request.set(people[who]!.auth);
  const response = body ? await request.send(body) : await request;
  if (outcome === 'allowed') {
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
  } else {
    expect(response.status).toBe(outcome);
  }
});

describe('admin routes', () => {
  it('refuse a request without an admin session', async () => {
    const response = await app.http().get('/participation/municipalities');
    expect(response.status).toBe(401);
  });

  it('refuse a users-permissions JWT (it is not an admin token)', async () => {
    const response = await app.http().post('/participation/municipalities/OWN/budget-lines/import').set(people['municipal-staff']!.auth).send({ csv: 'x' });
    expect(response.status).toBe(401);
  });
});
