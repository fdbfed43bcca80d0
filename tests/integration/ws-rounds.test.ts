import type { TestApp } from '../harness/app';
import { bootApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { createProposal, createRound } from '../harness/fixtures';
import { signedInPortalClient } from '../harness/portal-client';

/**
 * The staff member's round tools in the workspace (#15 items 1, 2, 4, 5), through the portal's own
 * pages and form POSTs as a browser without JavaScript sends them: who may use them, bad input, and a
 * round walked from draft to published results.
 */
let app: TestApp;
let staff: TestPerson;
let otherStaff: TestPerson;

beforeAll(async () => {
  app = await bootApp();
  await createMunicipality(app.strapi, 'WRA', 'Rounds A');
  await createMunicipality(app.strapi, 'WRB', 'Rounds B');
  staff = await createPerson(app.strapi, 'municipal-staff', ['WRA']);
  otherStaff = await createPerson(app.strapi, 'municipal-staff', ['WRB']);
});
afterAll(() => app?.close());

const BASE = '/en/workspace/WRA/rounds';

/** A valid form for a round anyone may vote in, as the browser posts it; `fields` override. */
const roundForm = (fields: Record<string, string | string[]> = {}) => ({
  title: 'Parks 2027',
  fiscalYear: '2027',
  description: 'Ideas for the parks.',
  totalBudget: '1 000 000',
  districtCode: ['', '', ''],
  districtName: ['', '', ''],
  districtBudget: ['', '', ''],
  districtsPerVoter: 'one',
  kind: 'approval',
  maxProjects: '2',
  countingRule: 'greedy_cost',
  tieBreaking: 'id',
  reserveGender: '0.3',
  votingClose: '2027-05-15',
  intent: 'save',
  ...fields,
});

const roundCount = () => app.strapi.db.connection('participation_rounds').where({ municipality_code: 'WRA' }).count({ n: '*' }).first();
const phaseOf = async (roundId: string) => (await app.strapi.db.connection('participation_rounds').where({ document_id: roundId }).first('phase')).phase as string;

describe('who may use the round tools', () => {
  it('refuses every page and form to other roles and to staff of another municipality', async () => {
    const roundId = await createRound(app.strapi, 'WRA', { title: 'Access round' });
    const pages = ['', '/new', `/${roundId}`, `/${roundId}/edit`, `/${roundId}/phase/open-proposals`, `/${roundId}/turnout`, `/${roundId}/count`];
    const posts = ['/new', `/${roundId}/edit`, `/${roundId}/phase/open-proposals`, `/${roundId}/count`];
    const refused: string[] = [];
    const people = {
      moderator: await createPerson(app.strapi, 'moderator', ['WRA']),
      facilitator: await createPerson(app.strapi, 'cso-facilitator', ['WRA']),
      citizen: await createPerson(app.strapi, 'citizen'),
      otherStaff,
    };
    for (const [who, person] of Object.entries(people)) {
      const browser = await signedInPortalClient(app, person);
      for (const page of pages) {
        const { status } = await browser.get(`${BASE}${page}`);
        if (status !== 403) refused.push(`${who} GET ${page}: ${status}`);
      }
      // A page with a valid form token, so that a refusal below is the access table's, not the token's.
      expect((await browser.get('/en/account')).body).toContain('name="csrf"');
      for (const page of posts) {
        const { status } = await browser.post(`${BASE}${page}`, roundForm());
        if (status !== 403) refused.push(`${who} POST ${page}: ${status}`);
      }
    }
    expect(refused).toEqual([]);
    // Staff of B reaching A's round through their own municipality's path: not found, not shown.
    const other = await signedInPortalClient(app, otherStaff);
    expect((await other.get(`/en/workspace/WRB/rounds/${roundId}`)).status).toBe(404);
    expect((await other.get(`/en/workspace/WRB/rounds/${roundId}/edit`)).status).toBe(404);
    expect((await other.get('/en/workspace/WRB/rounds')).body).not.toContain('Access round');
    expect(await phaseOf(roundId)).toBe('draft');
  });
});

describe('the round form', () => {
  it('refuses bad input with a 400 naming each field beside it, keeps what was typed and writes nothing', async () => {
    const browser = await signedInPortalClient(app, staff);
    expect((await browser.get(`${BASE}/new`)).status).toBe(200);
    const before = await roundCount();
    const answer = await browser.post(
      `${BASE}/new`,
      roundForm({ title: '', totalBudget: 'lots', maxProjects: 'two', countingRule: 'greedy_borda', reserveGender: '1.5', ageOnDate: '', minAge: '16', votingClose: '15/05/2027' })
    );
    expect(answer.status).toBe(400);
    for (const field of ['title', 'totalBudget', 'maxProjects', 'reserveGender', 'votingClose']) {
      expect(answer.body).toContain(`id="${field}-error"`);
      expect(answer.body).toContain(`href="#${field}"`);
    }
    expect(answer.body).toContain('Enter a title of up to 200 characters');
    expect(answer.body).toContain('value="lots"');
    expect(answer.body).toContain('value="15/05/2027"');
    expect(answer.body).toContain('Ideas for the parks.</textarea>');
    expect(await roundCount()).toEqual(before);

    // Rules that only fail together: a Borda count of approval ballots, an age limit with no date.
    const together = await browser.post(`${BASE}/new`, roundForm({ countingRule: 'greedy_borda', minAge: '16' }));
    expect(together.status).toBe(400);
    expect(together.body).toContain('id="countingRule-error"');
    const ages = await browser.post(`${BASE}/new`, roundForm({ minAge: '16' }));
    expect(ages.status).toBe(400);
    expect(ages.body).toContain('id="ageOnDate-error"');
    // Districts whose budgets exceed the total: named on the districts group, rows kept.
    const districts = await browser.post(`${BASE}/new`, roundForm({ districtCode: ['N', 'S', ''], districtName: ['North', 'South', ''], districtBudget: ['900000', '900000', ''] }));
    expect(districts.status).toBe(400);
    expect(districts.body).toContain('id="districts-error"');
    expect(districts.body).toContain('value="North"');
    expect(await roundCount()).toEqual(before);
  });

  it('previews the rules in the words citizens read without saving anything', async () => {
    const browser = await signedInPortalClient(app, staff);
    await browser.get(`${BASE}/new`);
    const before = await roundCount();
    const preview = await browser.post(`${BASE}/new`, roundForm({ intent: 'preview' }));
    expect(preview.status).toBe(200);
    expect(preview.body).toContain('The rules as citizens will read them');
    expect(preview.body).toContain('Choose up to 2 projects you support.');
    expect(preview.body).toContain('At least 30% of the money goes to projects that advance gender equality');
    expect(preview.body).toContain('value="Parks 2027"');
    expect(await roundCount()).toEqual(before);
  });
});

describe('a round walked from draft to published results through the portal', () => {
  it('creates, edits, steps through every phase with a check page, counts and publishes', async () => {
    const browser = await signedInPortalClient(app, staff);
    await browser.get(`${BASE}/new`);
    const created = await browser.post(`${BASE}/new`, roundForm({ districtCode: ['N', 'S', ''], districtName: ['North', 'South', ''], districtBudget: ['600000', '400000', ''], districtsPerVoter: 'every' }));
    expect(created.status).toBe(303);
    const roundId = /\/rounds\/([a-z0-9]+)\?done=created$/.exec(created.location ?? '')![1];
    const roundPath = `${BASE}/${roundId}`;

    const list = await browser.get(BASE);
    expect(list.body).toContain('Parks 2027');
    expect(list.body).toContain('Being prepared');

    // Edit: the form comes back filled in; a change is saved.
    const edit = await browser.get(`${roundPath}/edit`);
    expect(edit.body).toContain('value="Parks 2027"');
    expect(edit.body).toContain('value="North"');
    expect((await browser.post(`${roundPath}/edit`, roundForm({ title: 'Parks and squares 2027', districtCode: ['N', 'S', ''], districtName: ['North', 'South', ''], districtBudget: ['600000', '400000', ''] }))).location).toBe(`${roundPath}?done=saved`);

    const step = async (action: string) => {
      const check = await browser.get(`${roundPath}/phase/${action}`);
      expect(check.status).toBe(200);
      expect(check.body).toContain('A round cannot go back to an earlier phase.');
      const moved = await browser.post(`${roundPath}/phase/${action}`, {});
      expect(moved.status).toBe(303);
      expect(moved.location).toBe(`${roundPath}?done=phase`);
    };
    const page = await browser.get(roundPath);
    expect(page.body).toContain('Parks and squares 2027');
    expect(page.body).toContain('Open for proposals');
    await step('open-proposals');
    // A step that is not the next one is refused, and nothing moves.
    expect((await browser.get(`${roundPath}/phase/open-voting`)).status).toBe(409);

    // Two proposals come in (written as the citizens' form would leave them).
    const north = await createProposal(app.strapi, roundId, 'WRA', { title: 'Benches in the north park', requestedMinor: '30000000', districtCode: 'N' });
    const south = await createProposal(app.strapi, roundId, 'WRA', { title: 'Lights in the south square', requestedMinor: '20000000', districtCode: 'S' });
    expect((await browser.get(`${roundPath}/phase/start-review`)).body).toContain('the 2 submitted proposals go under review');
    await step('start-review');

    // Voting is blocked while proposals are under review: said on the round page and refused on POST.
    expect((await browser.get(roundPath)).body).toContain('2 proposals are still under review');
    const blocked = await browser.get(`${roundPath}/phase/open-voting`);
    expect(blocked.status).toBe(409);
    expect(blocked.body).toContain('2 proposals are still under review');
    expect(blocked.body).not.toContain(`action="${roundPath}/phase/open-voting"`);
    await browser.get(roundPath);
    expect((await browser.post(`${roundPath}/phase/open-voting`, {})).status).toBe(409);
    expect(await phaseOf(roundId)).toBe('review');

    // Review (its own screen) marks both feasible at their costs.
    for (const id of [north, south]) {
      const { requested_minor } = await app.strapi.db.connection('participation_proposals').where({ document_id: id }).first('requested_minor');
      await app.strapi.db.connection('participation_proposals').where({ document_id: id }).update({ proposal_status: 'feasible', cost_estimate_minor: requested_minor });
    }
    await step('open-voting');

    // Frozen: the settings are shown read-only with why, and a posted change is refused.
    const frozen = await browser.get(`${roundPath}/edit`);
    expect(frozen.status).toBe(200);
    expect(frozen.body).toContain('These settings were fixed when voting opened');
    expect(frozen.body.slice(frozen.body.indexOf('<main'))).not.toContain('<input');
    await browser.get(roundPath);
    expect((await browser.post(`${roundPath}/edit`, roundForm({ title: 'Thawed' }))).status).toBe(409);

    // Two citizens vote; turnout shows counts by channel and district, never a ballot.
    for (const [index, projects] of [[north], [south]].entries()) {
      const citizen = await createPerson(app.strapi, 'citizen');
      const response = await app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(citizen.auth).send({ districtCode: index === 0 ? 'N' : 'S', choices: { projects } });
      expect(response.status).toBe(201);
    }
    const turnout = await browser.get(`${roundPath}/turnout`);
    expect(turnout.status).toBe(200);
    expect(turnout.body).toContain('2 people have voted so far.');
    expect(turnout.body).toMatch(/North<\/th><td class="numeric">1<\/td>/);
    expect(turnout.body).not.toContain('Benches in the north park');
    await step('close-voting');

    // Not counted yet: publishing is blocked. Counted: the result before it is public.
    expect((await browser.get(`${roundPath}/phase/publish-results`)).body).toContain('The ballots have not been counted yet');
    const countPage = await browser.get(`${roundPath}/count`);
    expect(countPage.body).toContain('The ballots have not been counted yet.');
    const counted = await browser.post(`${roundPath}/count`, {});
    expect(counted.location).toBe(`${roundPath}/count?done=counted`);
    const result = await browser.get(`${roundPath}/count?done=counted`);
    expect(result.body).toContain('This result is not public yet');
    expect(result.body).toContain('Benches in the north park');
    expect(result.body).toContain('Reserved shares');
    expect((await app.http().get(`/api/participation/rounds/${roundId}`)).body.data.result).toBeNull();

    const publish = await browser.get(`${roundPath}/phase/publish-results`);
    expect(publish.body).toContain('2 proposals are marked selected');
    await step('publish-results');
    expect(await phaseOf(roundId)).toBe('results');
    const published = await browser.get(`/en/rounds/${roundId}/results`);
    expect(published.body).toContain('Selected projects');
    expect(published.body).toContain('Lights in the south square');
    expect((await browser.get(roundPath)).body).toContain('Start implementation');
  });
});
