import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { bootWithMunicipality, createRound } from '../harness/fixtures';
import { portalClient } from '../harness/portal-client';

let app: TestApp;
let author: TestPerson;
let other: TestPerson;
let roundId: string;

beforeAll(async () => {
  ({ app } = await bootWithMunicipality('SHK', 'Shkodër'));
  [author, other] = await Promise.all([createPerson(app.strapi, 'citizen'), createPerson(app.strapi, 'citizen')]);
  await app.strapi.documents('plugin::participation.budget-line').create({
    data: {
      municipalityCode: 'SHK',
      fiscalYear: 2026,
      code: '1040-01',
      name: 'Home care for elderly people',
      approvedMinor: '1000000000',
      revisedMinor: '1000000000',
      committedMinor: '0',
      spentMinor: '0',
      genderMarker: 'none',
      youthMarker: 'none',
    } as never,
  });
  roundId = await createRound(app.strapi, 'SHK', { phase: 'proposals', title: 'Social care round' });
});
afterAll(() => app?.close());

const signedIn = async (person: TestPerson) => {
  const browser = portalClient(app);
  await browser.get('/en/sign-in');
  await browser.post('/en/sign-in', { identifier: person.email, password: person.password, returnTo: '/' });
  return browser;
};

const VALID = {
  title: 'Home visits for older people',
  description: 'Two more carers visiting older people who live alone.',
  requestedAmount: '250 000',
  budgetLineCodes: ['1040-01'],
  targetGroups: ['elderly'],
  genderMarker: 'none',
  youthMarker: 'none',
};

it('asks an anonymous visitor to sign in before submitting', async () => {
  const answer = await portalClient(app).get(`/en/rounds/${roundId}/proposals/new`);
  expect(answer.status).toBe(303);
  expect(answer.location).toBe(`/en/sign-in?returnTo=${encodeURIComponent(`/rounds/${roundId}/proposals/new`)}`);
});

it('shows every error at the top and beside its field, keeps the values, and writes nothing', async () => {
  const browser = await signedIn(author);
  await browser.get(`/en/rounds/${roundId}/proposals/new`);
  const answer = await browser.post(`/en/rounds/${roundId}/proposals/new`, { ...VALID, title: 'ab', requestedAmount: 'lots', genderMarker: 'closes_gender_gaps', budgetLineCodes: [] });
  expect(answer.status).toBe(400);
  for (const field of ['title', 'requestedAmount', 'budgetLineCodes', 'genderImpactStatement']) {
    expect(answer.body).toContain(`href="#${field}"`);
    expect(answer.body).toContain(`id="${field}-error"`);
  }
  expect(answer.body).toContain('value="ab"');
  expect(answer.body).toContain('Two more carers visiting older people who live alone.');
  const list = await fetch(`${app.baseUrl}/api/participation/rounds/${roundId}/proposals`);
  expect(((await list.json()) as { data: unknown[] }).data).toHaveLength(0);
});

it('refuses an amount the budget line cannot pay, naming the field', async () => {
  const browser = await signedIn(author);
  await browser.get(`/en/rounds/${roundId}/proposals/new`);
  const answer = await browser.post(`/en/rounds/${roundId}/proposals/new`, { ...VALID, requestedAmount: '99999999' });
  expect(answer.status).toBe(400);
  expect(answer.body).toContain('href="#requestedAmount"');
});

it('submits, changes and withdraws a proposal; only its author may', async () => {
  const browser = await signedIn(author);
  await browser.get(`/en/rounds/${roundId}/proposals/new`);
  const submitted = await browser.post(`/en/rounds/${roundId}/proposals/new`, VALID);
  expect(submitted.status).toBe(303);
  const proposalPath = submitted.location!.replace(/\?.*$/, '');
  const page = await browser.get(submitted.location!);
  expect(page.body).toContain('Your proposal has been submitted');
  expect(page.body).toContain(`href="${proposalPath}/edit"`);

  const stranger = await signedIn(other);
  expect((await stranger.get(proposalPath)).body).not.toContain(`href="${proposalPath}/edit"`);
  expect((await stranger.get(`${proposalPath}/edit`)).status).toBe(403);

  await browser.get(`${proposalPath}/edit`);
  const saved = await browser.post(`${proposalPath}/edit`, { ...VALID, title: 'Home visits for older people living alone' });
  expect(saved.location).toBe(`${proposalPath}?done=saved`);
  expect((await browser.get(proposalPath)).body).toContain('Home visits for older people living alone');

  await browser.get(`${proposalPath}/withdraw`);
  const withdrawn = await browser.post(`${proposalPath}/withdraw`, {});
  expect(withdrawn.location).toBe(`${proposalPath}?done=withdrawn`);
  expect((await browser.get(proposalPath)).body).toContain('Withdrawn by its author');
});
