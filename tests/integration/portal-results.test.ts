import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { advanceRound, bootWithMunicipality, createProposal, createRound } from '../harness/fixtures';
import { portalClient } from '../harness/portal-client';
import { getService } from '../../plugins/participation/server/src/utils/get-service';

/**
 * The results pages (issue #13, pages 8 and 9) on a round voted, closed, counted and published through
 * the plugin's services: the page waiting for the results, the receipt check, the results with each
 * project's explanation, and the `.pb` download they link to.
 */
let app: TestApp;
let staff: TestPerson;
let roundId: string;
const ids: Record<'playground' | 'library' | 'lights', string> = { playground: '', library: '', lights: '' };
const receipts: { counted: string; replaced: string } = { counted: '', replaced: '' };

/** Intl's amounts carry no-break spaces ("ALL\u00a05,000"): the page compared with plain spaces. */
const read = async (path: string) => {
  const answer = await portalClient(app).get(path);
  return { ...answer, text: answer.body.replace(/[\u00a0\u202f]/g, ' ') };
};
const transition = (action: 'close-voting' | 'publish-results') => getService(app.strapi, 'round').transition('DUR', roundId, action, staff.id);

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('DUR', 'Durrës'));
  // Equal shares: 10,500 between five voters is 2,100 each. The playground's three and the lights' two
  // supporters can pay them (2,000 each); the library's two supporters then have 100 each left of 5,000.
  roundId = await createRound(app.strapi, 'DUR', {
    title: 'Parks and streets 2026',
    totalBudgetMinor: '1050000',
    ballotRules: { kind: 'approval', countingRule: 'mes_cost', tieBreaking: 'id' },
  });
  const costs = { playground: '600000', library: '500000', lights: '400000' };
  const titles = { playground: 'A playground by the beach', library: 'A library bus', lights: 'Lights on the promenade' };
  for (const [index, key] of (['playground', 'library', 'lights'] as const).entries()) {
    ids[key] = await createProposal(app.strapi, roundId, 'DUR', { title: titles[key], proposalStatus: 'on_ballot', ballotNumber: index + 1, costEstimateMinor: costs[key] });
  }
  await advanceRound(app.strapi, roundId, 'voting');
  const voters = await Promise.all(Array.from({ length: 5 }, () => createPerson(app.strapi, 'citizen')));
  const ballots = getService(app.strapi, 'ballot');
  const cast = async (voter: TestPerson, projects: string[]) => (await ballots.castOnline(roundId, voter.id, { choices: { projects } })).receiptCode;
  receipts.counted = await cast(voters[0], [ids.playground]);
  await cast(voters[1], [ids.playground]);
  await cast(voters[2], [ids.playground, ids.library]);
  receipts.replaced = await cast(voters[3], [ids.playground]);
  await cast(voters[3], [ids.lights, ids.library]);
  await cast(voters[4], [ids.lights]);
});
afterAll(() => app?.close());

it('says when results come while voting is open, and that receipts are checked once it closes', async () => {
  const results = await read(`/en/rounds/${roundId}/results`);
  expect(results.status).toBe(200);
  expect(results.text).toContain('The results are published on this page once voting has closed');
  expect(results.text).not.toContain('ballots.pb');
  const check = await read(`/en/rounds/${roundId}/receipt-check`);
  expect(check.text).toContain('Receipts can be checked here once voting has closed.');
  expect(check.text).not.toContain('name="receiptCode"');
});

describe('once voting has closed and the ballots are counted, before the results are published', () => {
  beforeAll(async () => {
    await transition('close-voting');
    await getService(app.strapi, 'round-count').count('DUR', roundId);
  });

  it('shows the waiting page with the ballots to download, and no result', async () => {
    const results = await read(`/en/rounds/${roundId}/results`);
    expect(results.status).toBe(200);
    expect(results.text).toContain('Voting has closed and the ballots are being counted.');
    expect(results.text).not.toContain('Selected projects');
    expect(results.text).not.toContain('A playground by the beach');
    expect(results.text).toContain(`href="/api/participation/rounds/${roundId}/ballots.pb"`);
  });

  it('finds a counted ballot by its receipt, through the form, without showing its choices or putting the code in an address', async () => {
    const browser = portalClient(app);
    await browser.get(`/en/rounds/${roundId}/receipt-check`);
    // Typed in lower case with spaces around, as people do: the API's check reads it all the same.
    const posted = await browser.post(`/en/rounds/${roundId}/receipt-check`, { receiptCode: ` ${receipts.counted.toLowerCase()} ` });
    expect(posted.status).toBe(303);
    expect(posted.location).toBe(`/en/rounds/${roundId}/receipt-check`);
    const answer = await browser.get(posted.location!);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toContain('Your ballot is in the count.');
    expect(answer.body).toContain(receipts.counted);
    for (const title of ['A playground by the beach', 'A library bus', 'Lights on the promenade']) expect(answer.body).not.toContain(title);
    // The answer is read once: reading the page again shows the empty form.
    const again = await browser.get(posted.location!);
    expect(again.body).not.toContain('Your ballot is in the count.');
    expect(again.body).not.toContain(receipts.counted);
  });

  it('hands the checked code to nobody but the browser that checked it, and ignores one in the address', async () => {
    const checker = portalClient(app);
    await checker.get(`/en/rounds/${roundId}/receipt-check`);
    await checker.post(`/en/rounds/${roundId}/receipt-check`, { receiptCode: receipts.counted });
    // Another browser given the checker's sealed flash, but with its own CSRF binding, reads nothing.
    const other = portalClient(app);
    await other.get(`/en/rounds/${roundId}/receipt-check`);
    other.cookies.set('participation_flash', checker.cookies.get('participation_flash')!);
    expect((await other.get(`/en/rounds/${roundId}/receipt-check`)).body).not.toContain(receipts.counted);
    expect((await read(`/en/rounds/${roundId}/receipt-check?receiptCode=${receipts.counted}`)).text).not.toContain('Your ballot is in the count.');
  });

  it('does not find a receipt whose ballot was replaced, for a signed-in checker too', async () => {
    const browser = portalClient(app);
    await browser.get('/en/sign-in');
    const citizen = await createPerson(app.strapi, 'citizen');
    expect((await browser.post('/en/sign-in', { identifier: citizen.email, password: citizen.password })).status).toBe(303);
    await browser.get(`/en/rounds/${roundId}/receipt-check`);
    const posted = await browser.post(`/en/rounds/${roundId}/receipt-check`, { receiptCode: receipts.replaced });
    expect(posted.location).toBe(`/en/rounds/${roundId}/receipt-check`);
    const answer = await browser.get(posted.location!);
    expect(answer.body).toContain('No ballot with this receipt is in the count.');
    expect(answer.body).not.toContain('Your ballot is in the count.');
  });

  it('answers a code that is not a receipt with 400, the message beside the field and the code kept', async () => {
    const browser = portalClient(app);
    await browser.get(`/en/rounds/${roundId}/receipt-check`);
    const answer = await browser.post(`/en/rounds/${roundId}/receipt-check`, { receiptCode: 'ABCD-1234' });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('href="#receiptCode"');
    expect(answer.body).toContain('id="receiptCode-error"');
    expect(answer.body).toContain('aria-invalid="true"');
    expect(answer.body).toContain('value="ABCD-1234"');
    expect(answer.body).not.toContain('Your ballot is in the count.');
  });

  it('refuses a form posted without its CSRF token', async () => {
    const answer = await portalClient(app).post(`/en/rounds/${roundId}/receipt-check`, { csrf: '', receiptCode: receipts.counted });
    expect(answer.status).toBe(403);
  });
});

describe('once the results are published', () => {
  beforeAll(() => transition('publish-results'));

  it('shows selected and not selected projects with votes, cost and why, and the spending against the budget', async () => {
    const results = await read(`/en/rounds/${roundId}/results`);
    expect(results.status).toBe(200);
    expect(results.text).toContain('<h1>Results: Parks and streets 2026</h1>');
    expect(results.text).toContain('ALL 10,000 of ALL 10,500 spent; 5 ballots were counted here.');
    const [selected, notSelected] = results.text.split('Projects not selected');
    expect(selected).toContain('A playground by the beach');
    expect(selected).toContain('Its 3 supporters paid its cost of ALL 6,000 from their equal shares of the budget.');
    expect(selected).toContain('Lights on the promenade');
    expect(notSelected).toContain('A library bus');
    expect(notSelected).toContain('Its 2 supporters had ALL 200 left when it came up; it needed ALL 5,000.');
    expect(results.text).toContain(`href="/en/proposals/${ids.library}"`);
  });

  it('links the anonymised ballots as the API serves them, with the recount command', async () => {
    const results = await read(`/en/rounds/${roundId}/results`);
    expect(results.text).toContain(`npm run count -- round-${roundId}.pb`);
    const href = /href="([^"]*ballots\.pb[^"]*)"/.exec(results.text)?.[1];
    expect(href).toBe(`/api/participation/rounds/${roundId}/ballots.pb`);
    const file = await fetch(`${app.baseUrl}${href}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="round-${roundId}.pb"`);
    const text = await file.text();
    expect(text).toMatch(/^META\n/);
    expect(text).toContain('num_votes;5');
  });

  it('reads in Albanian too, and links to the results from the round page', async () => {
    const results = await read(`/sq/rounds/${roundId}/results`);
    expect(results.status).toBe(200);
    expect(results.text).toContain('Projektet e përzgjedhura');
    expect(results.text).toContain('2 mbështetësve të tij u kishin mbetur');
    expect((await read(`/en/rounds/${roundId}`)).text).toContain(`href="/en/rounds/${roundId}/results"`);
  });
});

describe('a round with districts', () => {
  let districtRoundId: string;
  beforeAll(async () => {
    // Each district counts its own ballots against its own budget, with 30 % kept for projects for young people.
    districtRoundId = await createRound(app.strapi, 'DUR', {
      title: 'Neighbourhoods 2026',
      totalBudgetMinor: '1000000',
      districts: [
        { code: 'N', name: 'North', budget: '500000' },
        { code: 'S', name: 'South', budget: '500000' },
      ],
      reservations: [{ marker: 'youth', share: '0.3' }],
      ballotRules: { kind: 'approval', countingRule: 'greedy_support', tieBreaking: 'id' },
    });
    const propose = (title: string, districtCode: string, costEstimateMinor: string, ballotNumber: number, youthMarker = 'none') =>
      createProposal(app.strapi, districtRoundId, 'DUR', { title, districtCode, costEstimateMinor, ballotNumber, youthMarker, proposalStatus: 'on_ballot' });
    const benches = await propose('Benches in the old town', 'N', '300000', 1);
    const ramp = await propose('A skate ramp', 'N', '250000', 2, 'principal');
    const shelter = await propose('A bus shelter', 'S', '400000', 3);
    await advanceRound(app.strapi, districtRoundId, 'voting');
    const ballots = getService(app.strapi, 'ballot');
    const votes: Array<[string, string[]]> = [['N', [benches]], ['N', [benches]], ['N', [ramp]], ['S', [shelter]]];
    for (const [districtCode, projects] of votes) {
      const voter = await createPerson(app.strapi, 'citizen');
      await ballots.castOnline(districtRoundId, voter.id, { districtCode, choices: { projects } });
    }
    const rounds = getService(app.strapi, 'round');
    await rounds.transition('DUR', districtRoundId, 'close-voting', staff.id);
    await getService(app.strapi, 'round-count').count('DUR', districtRoundId);
    await rounds.transition('DUR', districtRoundId, 'publish-results', staff.id);
  });

  it('shows each district under its name with its spending, its reserved share and its own ballots file', async () => {
    const results = await read(`/en/rounds/${districtRoundId}/results`);
    expect(results.status).toBe(200);
    const [, north, south] = results.text.split(/<h2 id="district-[NS]">/);
    expect(north).toMatch(/^North<\/h2>/);
    expect(north).toContain('<h3>Selected projects</h3>');
    // The ramp is chosen first for the young people's share; the benches no longer fit beside it.
    expect(north).toContain('ALL 2,500 of ALL 5,000 spent; 3 ballots were counted here.');
    expect(north).toContain('Projects for young people: at least 30% of the money (ALL 1,500) was reserved for them, and they received ALL 2,500. The share was met.');
    expect(north).toContain('It was chosen within the share reserved for projects for young people.');
    expect(north).toContain('When its turn came, ALL 2,500 was left; it needed ALL 3,000.');
    expect(south).toMatch(/^South<\/h2>/);
    expect(south).toContain('The share was not met: these projects together cost less than the reserved amount.');
    const href = `/api/participation/rounds/${districtRoundId}/ballots.pb?district=N`;
    expect(results.text).toContain(`href="${href}"`);
    const file = await fetch(`${app.baseUrl}${href}`);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="round-${districtRoundId}-N.pb"`);
    expect(await file.text()).toContain('num_votes;3');
  });
});

