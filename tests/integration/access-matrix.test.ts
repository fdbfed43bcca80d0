import { bootApp, type TestApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { createProposal, createRound } from '../harness/fixtures';
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
const signedIn: Record<Who, Outcome> = { ...everyone('allowed'), anonymous: 403 };
const onlyInOwn = (...roles: Who[]): Expectation => ({
  own: { ...everyone(403), ...Object.fromEntries(roles.map((role) => [role, 'allowed'])) },
  other: everyone(403),
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
  'me.find': signedIn,
  'me.updateProfile': signedIn,
  'participant.verify': onlyInOwn('municipal-staff', 'cso-facilitator'),
  'round.find': everyone('allowed'),
  'round.findOne': everyone('allowed'),
  'round.exportBallots': everyone('allowed'),
  'round.create': staffOnlyInOwn,
  'round.update': staffOnlyInOwn,
  'round.transition': staffOnlyInOwn,
  'round.count': staffOnlyInOwn,
  'proposal.find': everyone('allowed'),
  'proposal.findOne': everyone('allowed'),
  'proposal.create': signedIn,
  'proposal.update': signedIn,
  'proposal.withdraw': signedIn,
  'proposal.review': staffOnlyInOwn,
  'ballot.cast': signedIn,
  'ballot.castAssisted': onlyInOwn('cso-facilitator'),
  'ballot.verifyReceipt': everyone('allowed'),
  'ballot.participation': staffOnlyInOwn,
  'realtime.eventsAfter': everyone('allowed'),
  'decision.find': everyone('allowed'),
  'decision.findOne': everyone('allowed'),
  'decision.verifyLog': everyone('allowed'),
  'decision.exportLog': everyone('allowed'),
  'decision.publish': staffOnlyInOwn,
  'implementation.findOne': everyone('allowed'),
  'implementation.budgetLineSpending': everyone('allowed'),
  'implementation.update': staffOnlyInOwn,
};

let app: TestApp;
const people: Partial<Record<Who, TestPerson>> = {};
const lineIn: Record<string, string> = {};
const roundIn: Record<string, string> = {};
let counter = 0;

const lineBody = () => ({ data: { fiscalYear: 2026, code: `M-${++counter}`, name: 'Matrix line', approved: '10.00' } });

const createLine = async (municipalityCode: string) => {
  const line = await app.strapi.plugin('participation').service('budget-line').create(municipalityCode, {
    fiscalYear: 2026, code: `FIX-${++counter}`, name: 'Fixture', programme: null, functionalClassification: null,
    approvedMinor: '100', revisedMinor: '100', committedMinor: '0', spentMinor: '0', genderMarker: 'none', youthMarker: 'none', sdgTargets: [],
  });
  return line.documentId as string;
};

const ROUND_SETTINGS = {
  fiscalYear: 2026,
  title: 'Matrix round',
  totalBudget: '1000',
  ballotRules: { kind: 'approval', countingRule: 'greedy_cost' },
  eligibility: { residentsOnly: false },
};

/** A proposal authored by the caller, so that author-only actions are allowed to them. */
const createProposalBy = (municipalityCode: string, who: Who) =>
  createProposal(app.strapi, roundIn[municipalityCode], municipalityCode, { authorId: people[who]?.id ?? 0 });

/**
 * One request per action, against a municipality, made as `who`. "Allowed" means the access layer
 * lets it through: the answer may still be a 4xx about the resource's state (a draft round has no
 * ballots to export), but never 401, 403 or a server error.
 */
const ROUTES: Record<ContentApiAction, (m: string, who: Who) => Promise<{ method: 'get' | 'post' | 'put' | 'delete'; path: string; body?: object }>> = {
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
  'me.updateProfile': async () => ({ method: 'put', path: '/api/participation/me/profile', body: { data: { residenceMunicipalityCode: null, birthDate: '2000-01-01' } } }),
  'participant.verify': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/participants/${people.citizen!.id}/verification` }),
  'round.find': async (m) => ({ method: 'get', path: `/api/participation/rounds?municipality=${m}` }),
  'round.findOne': async (m) => ({ method: 'get', path: `/api/participation/rounds/${roundIn[m]}` }),
  'round.exportBallots': async (m) => ({ method: 'get', path: `/api/participation/rounds/${roundIn[m]}/ballots.pb` }),
  'round.create': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/rounds`, body: { data: ROUND_SETTINGS } }),
  'round.update': async (m) => ({ method: 'put', path: `/api/participation/municipalities/${m}/rounds/${roundIn[m]}`, body: { data: ROUND_SETTINGS } }),
  'round.transition': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/rounds/${roundIn[m]}/transitions`, body: { action: 'close' } }),
  'round.count': async (m) => ({ method: 'post', path: `/api/participation/municipalities/${m}/rounds/${roundIn[m]}/count` }),
  'proposal.find': async (m) => ({ method: 'get', path: `/api/participation/rounds/${roundIn[m]}/proposals` }),
  'proposal.findOne': async (m, who) => ({ method: 'get', path: `/api/participation/proposals/${await createProposalBy(m, who)}` }),
  'proposal.create': async (m) => ({
    method: 'post',
    path: `/api/participation/rounds/${roundIn[m]}/proposals`,
    body: { data: { title: 'A proposal', description: 'Long enough description.', requestedAmount: '1', budgetLineCodes: ['FIX'] } },
  }),
  'proposal.update': async (m, who) => ({
    method: 'put',
    path: `/api/participation/proposals/${await createProposalBy(m, who)}`,
    body: { data: { title: 'A proposal', description: 'Long enough description.', requestedAmount: '1', budgetLineCodes: ['FIX'] } },
  }),
  'proposal.withdraw': async (m, who) => ({ method: 'post', path: `/api/participation/proposals/${await createProposalBy(m, who)}/withdraw` }),
  'proposal.review': async (m, who) => ({
    method: 'post',
    path: `/api/participation/municipalities/${m}/proposals/${await createProposalBy(m, who)}/review`,
    body: { action: 'start-review' },
  }),
  'ballot.cast': async (m) => ({ method: 'post', path: `/api/participation/rounds/${roundIn[m]}/ballot`, body: { choices: { projects: ['x'] } } }),
  'ballot.castAssisted': async (m) => ({
    method: 'post',
    path: `/api/participation/municipalities/${m}/rounds/${roundIn[m]}/assisted-ballots`,
    body: { channel: 'paper', participant: { offlineReference: 'Form 0001', residenceMunicipalityCode: m }, consent: { given: true }, choices: { projects: ['x'] } },
  }),
  'ballot.verifyReceipt': async (m) => ({ method: 'get', path: `/api/participation/rounds/${roundIn[m]}/receipts/ABCD-EFGH-JKMN` }),
  'ballot.participation': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/rounds/${roundIn[m]}/participation` }),
  'realtime.eventsAfter': async (m) => ({ method: 'get', path: `/api/participation/realtime/rooms/round:${roundIn[m]}/events?after=0` }),
  'decision.find': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/decisions?subjectKind=round` }),
  'decision.findOne': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/decisions/1` }),
  'decision.verifyLog': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/decision-log/verify` }),
  'decision.exportLog': async (m) => ({ method: 'get', path: `/api/participation/municipalities/${m}/decision-log/export` }),
  'decision.publish': async (m) => ({
    method: 'post',
    path: `/api/participation/municipalities/${m}/decisions`,
    body: { data: { kind: 'defer', subject: { kind: 'round', documentId: roundIn[m] }, councilDecisionReference: 'VKB nr. 1', decisionDate: '2026-03-01', rationale: 'Matrix decision.' } },
  }),
  'implementation.findOne': async (m, who) => ({ method: 'get', path: `/api/participation/proposals/${await createProposalBy(m, who)}/implementation` }),
  'implementation.budgetLineSpending': async (m) => ({ method: 'get', path: `/api/participation/budget-lines/${lineIn[m]}/participatory-spending` }),
  'implementation.update': async (m, who) => ({
    method: 'put',
    path: `/api/participation/municipalities/${m}/proposals/${await createProposalBy(m, who)}/implementation`,
    body: { data: { progressPercent: 10, spent: '0', milestones: [] } },
  }),
};

beforeAll(async () => {
  app = await bootApp();
  await createMunicipality(app.strapi, 'OWN');
  await createMunicipality(app.strapi, 'OTHER');
  lineIn.OWN = await createLine('OWN');
  lineIn.OTHER = await createLine('OTHER');
  for (const code of ['OWN', 'OTHER']) {
    roundIn[code] = await createRound(app.strapi, code, { phase: 'proposals' });
  }
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
  const { method, path, body } = await ROUTES[action](scope === 'own' ? 'OWN' : 'OTHER', who);
  let request = app.http()[method](path);
  if (who !== 'anonymous') request = request.set(people[who]!.auth);
  const response = body ? await request.send(body) : await request;
  if (outcome === 'allowed') {
    expect([401, 403]).not.toContain(response.status);
    expect(response.status).toBeLessThan(500);
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
