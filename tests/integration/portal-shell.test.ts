import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { bootWithMunicipality, createProposal, createRound } from '../harness/fixtures';
import { portalClient } from '../harness/portal-client';
import type { ListProposals } from '../../plugins/participation/shared/contracts';

let app: TestApp;
let citizen: TestPerson;

beforeAll(async () => {
  ({ app } = await bootWithMunicipality('SHK', 'Shkodër'));
  citizen = await createPerson(app.strapi, 'citizen');
});
afterAll(() => app?.close());

describe('the portal shell', () => {
  it('sends a visitor to the language their browser asks for, and remembers a choice', async () => {
    const browser = portalClient(app);
    expect(await browser.get('/', { 'accept-language': 'vi,en;q=0.5' })).toMatchObject({ status: 302, location: '/vi' });
    await browser.get('/sq');
    expect(await browser.get('/', { 'accept-language': 'vi' })).toMatchObject({ location: '/sq' });
  });

  it('renders pages in the asked language, with lang set, a strict CSP, compression and a validator', async () => {
    const browser = portalClient(app);
    const page = await browser.get('/en', { 'accept-encoding': 'gzip' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).toContain('Shkodër');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    const again = await browser.get('/en', { 'if-none-match': page.headers.get('etag')! });
    expect(again.status).toBe(304);
    const stylesheet = /href="(\/assets\/portal\.[0-9a-f]{12}\.css)"/.exec(page.body)![1];
    const css = await browser.get(stylesheet);
    expect(css.status).toBe(200);
    expect(css.headers.get('cache-control')).toContain('immutable');
  });

  it('answers an unknown page with a 404 page and a bad round id with 404, never a stack trace', async () => {
    const browser = portalClient(app);
    const missing = await browser.get('/en/no-such-page');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Page not found');
    expect((await browser.get('/en/rounds/nosuchround')).status).toBe(404);
    expect((await browser.get('/en/rounds/NOT-AN-ID')).status).toBe(404);
  });

  it('shows a municipality, its round and its budget', async () => {
    const roundId = await createRound(app.strapi, 'SHK', { phase: 'proposals', title: 'Youth budget 2027' });
    const browser = portalClient(app);
    const municipality = await browser.get('/en/municipalities/SHK');
    expect(municipality.body).toContain('Youth budget 2027');
    const roundPage = await browser.get(`/en/rounds/${roundId}`);
    expect(roundPage.status).toBe(200);
    expect(roundPage.body).toContain('Open for proposals');
    const budget = await browser.get('/en/municipalities/SHK/budget/2026');
    expect(budget.status).toBe(200);
  });
});

describe('proposals of a round', () => {
  it('are filtered by a plain GET form exactly as the API filters them, and paged', async () => {
    const roundId = await createRound(app.strapi, 'SHK', { phase: 'proposals', title: 'Filters round' });
    await createProposal(app.strapi, roundId, 'SHK', { title: 'Ramp to the health centre', targetGroups: ['persons_with_disabilities', 'elderly'] });
    await createProposal(app.strapi, roundId, 'SHK', { title: 'Girls football pitch', targetGroups: ['women', 'youth'], genderMarker: 'women_and_girls_only' });
    await createProposal(app.strapi, roundId, 'SHK', { title: 'Street lights', description: 'Safer walk home for women at night', targetGroups: [] });
    const browser = portalClient(app);
    const list = (query: string) => browser.get(`/en/rounds/${roundId}/proposals${query}`);

    const all = await list('');
    expect(all.status).toBe(200);
    expect(all.body).toContain('3 proposals');
    const disabled = await list('?targetGroup=persons_with_disabilities&genderMarker=&q=');
    expect(disabled.body).toContain('Ramp to the health centre');
    expect(disabled.body).not.toContain('Girls football pitch');
    expect(disabled.body).toContain('value="persons_with_disabilities" selected=""');
    const words = await list('?q=women');
    expect(words.body).toContain('Street lights');
    expect(words.body).not.toContain('Ramp to the health centre');
    const marked = await list('?genderMarker=women_and_girls_only');
    expect(marked.body).toContain('1 proposal');
    expect((await list('?targetGroup=martians')).status).toBe(400);

    const api = await fetch(`${app.baseUrl}/api/participation/rounds/${roundId}/proposals?targetGroup=persons_with_disabilities`);
    expect(((await api.json()) as ListProposals.Response).data.map((proposal) => proposal.title)).toEqual(['Ramp to the health centre']);

    const [first] = /href="\/en\/proposals\/([a-z0-9]+)"/.exec(disabled.body)!.slice(1);
    const proposal = await browser.get(`/en/proposals/${first}`);
    expect(proposal.status).toBe(200);
    expect(proposal.body).toContain('Persons with disabilities');
  });
});

describe('signing in and out', () => {
  it('refuses a form without its CSRF token and changes nothing', async () => {
    const browser = portalClient(app);
    await browser.get('/en/sign-in');
    const refused = await browser.post('/en/sign-in', { csrf: 'forged', identifier: citizen.email, password: citizen.password });
    expect(refused.status).toBe(403);
    expect(browser.cookies.has('participation_session')).toBe(false);
  });

  it('keeps the values and names the field when the password is wrong', async () => {
    const browser = portalClient(app);
    await browser.get('/en/sign-in');
    const wrong = await browser.post('/en/sign-in', { identifier: citizen.email, password: 'nope', returnTo: '/' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('href="#identifier"');
    expect(wrong.body).toContain(`value="${citizen.email}"`);
  });

  it('signs in with an httpOnly SameSite cookie, and signing out ends the session on the server', async () => {
    const browser = portalClient(app);
    await browser.get('/en/sign-in');
    const signedIn = await browser.post('/en/sign-in', { identifier: citizen.email, password: citizen.password, returnTo: '/municipalities/SHK' });
    expect(signedIn).toMatchObject({ status: 303, location: '/en/municipalities/SHK' });
    expect(signedIn.headers.getSetCookie().find((line) => line.startsWith('participation_session='))).toMatch(/httponly/i);
    expect(signedIn.headers.getSetCookie().find((line) => line.startsWith('participation_session='))).toMatch(/samesite=lax/i);
    const stolen = browser.cookies.get('participation_session')!;
    expect((await browser.get('/en')).body).toContain(citizen.username);

    await browser.post('/en/sign-out', {});
    const replay = portalClient(app);
    replay.cookies.set('participation_session', stolen);
    expect((await replay.get('/en')).body).not.toContain(citizen.username);
  });

  it('never redirects to another site after signing in', async () => {
    const browser = portalClient(app);
    await browser.get('/en/sign-in');
    const answer = await browser.post('/en/sign-in', { identifier: citizen.email, password: citizen.password, returnTo: '//evil.example/x' });
    expect(answer.location).toBe('/en');
  });

  it('registers a citizen, who is then signed in', async () => {
    const browser = portalClient(app);
    await browser.get('/en/register');
    const bad = await browser.post('/en/register', { username: 'ab', email: 'not-an-email', password: 'short' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('href="#username"');
    expect(bad.body).toContain('href="#email"');
    expect(bad.body).toContain('href="#password"');
    expect(bad.body).toContain('value="not-an-email"');
    const done = await browser.post('/en/register', { username: 'Portal Person', email: 'portal.person@example.test', password: 'a long enough password' });
    expect(done).toMatchObject({ status: 303, location: '/en/registered' });
    expect((await browser.get('/en')).body).toContain('Portal Person');
  });
});
