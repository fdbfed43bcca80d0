// Functions passed to page.evaluate() run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import type { TestApp } from '../harness/app';
import { createPerson, createMunicipality, type TestPerson } from '../harness/people';
import { advanceRound, bootWithMunicipality, createProposal, createRound, createVotingRound } from '../harness/fixtures';
import {
  launchBrowser,
  newPortalContext,
  signInThroughForm as signIn,
  statusOf,
  submitMainForm,
  tabTo,
} from '../harness/browser';
import { translatorFor } from '../../plugins/participation/portal/src/i18n/translator';
import { describeEveryPage, type PageCase } from '../harness/page-suite';

/** What the pages show: made once in beforeAll, read by the PAGES table's paths. */
interface Fixtures {
  proposalsRound: string;
  votingRound: string;
  /** Voting closed: 12 women, 5 men and 5 who preferred not to say voted, so some counts are published and some not. */
  closedRound: string;
  /** A proposal the signed-in citizen wrote, still theirs to change. */
  ownProposal: string;
  othersProposal: string;
}

/** Who reads the page: nobody signed in, or a citizen (`author`) who wrote `ownProposal`. */
type Reader = 'visitor' | 'author';

/**
 * Every portal page in each of its states. A new page is one line here (with a fixture above when it
 * needs one); each is checked in sq, en and vi for axe, reflow at 320 px and its weight on the wire.
 */
const PAGES: Array<PageCase<Fixtures, Reader>> = [
  { name: 'home, signed out', as: 'visitor', path: () => '/' },
  { name: 'home, signed in', as: 'author', path: () => '/' },
  { name: 'municipality with rounds and budgets', as: 'visitor', path: () => '/municipalities/SHK' },
  { name: 'municipality with nothing yet', as: 'visitor', path: () => '/municipalities/EMP' },
  { name: 'budget', as: 'visitor', path: () => '/municipalities/SHK/budget/2026' },
  { name: 'budget of a year without lines', as: 'visitor', path: () => '/municipalities/SHK/budget/2030' },
  { name: 'round taking proposals, with districts', as: 'visitor', path: ({ proposalsRound }) => `/rounds/${proposalsRound}` },
  { name: 'round in voting', as: 'author', path: ({ votingRound }) => `/rounds/${votingRound}` },
  { name: 'round whose voting has closed, with who took part', as: 'visitor', path: ({ closedRound }) => `/rounds/${closedRound}` },
  { name: 'programme indicators form', as: 'visitor', path: () => '/programme-indicators' },
  { name: 'programme indicators', as: 'visitor', path: () => '/programme-indicators?municipalities=SHK,EMP&fromYear=2026&toYear=2026' },
  { name: 'programme indicators with errors', as: 'visitor', path: () => '/programme-indicators?municipalities=SHK,NOPE&fromYear=soon&toYear=2026', status: 400 },
  { name: 'proposals', as: 'visitor', path: ({ proposalsRound }) => `/rounds/${proposalsRound}/proposals` },
  { name: 'proposals, none match', as: 'visitor', path: ({ proposalsRound }) => `/rounds/${proposalsRound}/proposals?q=nothing-like-this` },
  { name: 'proposals, a filter out of its list', as: 'visitor', path: ({ proposalsRound }) => `/rounds/${proposalsRound}/proposals?status=nonsense`, status: 400 },
  { name: 'proposal, signed out', as: 'visitor', path: ({ othersProposal }) => `/proposals/${othersProposal}` },
  { name: 'proposal, to its author after submitting', as: 'author', path: ({ ownProposal }) => `/proposals/${ownProposal}?done=submitted` },
  { name: 'new proposal form', as: 'author', path: ({ proposalsRound }) => `/rounds/${proposalsRound}/proposals/new` },
  { name: 'new proposal form with errors', as: 'author', path: ({ proposalsRound }) => `/rounds/${proposalsRound}/proposals/new`, submit: { title: 'ab', requestedAmount: 'lots' }, status: 400 },
  { name: 'new proposal in a round not taking them', as: 'author', path: ({ votingRound }) => `/rounds/${votingRound}/proposals/new`, status: 409 },
  { name: 'edit proposal', as: 'author', path: ({ ownProposal }) => `/proposals/${ownProposal}/edit` },
  { name: 'edit somebody else’s proposal', as: 'author', path: ({ othersProposal }) => `/proposals/${othersProposal}/edit`, status: 403 },
  { name: 'withdraw proposal', as: 'author', path: ({ ownProposal }) => `/proposals/${ownProposal}/withdraw` },
  { name: 'sign in', as: 'visitor', path: () => '/sign-in' },
  { name: 'sign in with errors', as: 'visitor', path: () => '/sign-in', submit: { identifier: '' }, status: 400 },
  { name: 'register', as: 'visitor', path: () => '/register' },
  { name: 'register with errors', as: 'visitor', path: () => '/register', submit: { username: 'ab', email: 'not-an-address', password: 'short' }, status: 400 },
  { name: 'registered', as: 'author', path: () => '/registered' },
  { name: 'registered, to confirm by e-mail', as: 'visitor', path: () => '/registered?confirm=email' },
  { name: 'ballot, choose', as: 'author', path: ({ votingRound }) => `/rounds/${votingRound}/vote` },
  { name: 'results before they are published', as: 'visitor', path: ({ votingRound }) => `/rounds/${votingRound}/results` },
  { name: 'receipt check before voting closes', as: 'visitor', path: ({ votingRound }) => `/rounds/${votingRound}/receipt-check` },
  { name: 'decision log', as: 'visitor', path: () => '/municipalities/SHK/decisions' },
  { name: 'forgotten password', as: 'visitor', path: () => '/forgot-password' },
  { name: 'forgotten password with errors', as: 'visitor', path: () => '/forgot-password', submit: { email: 'not-an-address' }, status: 400 },
  { name: 'your account', as: 'author', path: () => '/account' },
  { name: 'profile', as: 'author', path: () => '/account/profile' },
  { name: 'demographics', as: 'author', path: () => '/account/demographics' },
  { name: 'page not found', as: 'visitor', path: () => '/no-such-page', status: 404 },
];

let app: TestApp;
let browser: Browser;
let author: TestPerson;
const fixtures = {} as Fixtures;

beforeAll(async () => {
  // One after the other: a browser launched beside a boot that failed would be left running.
  browser = await launchBrowser();
  ({ app } = await bootWithMunicipality('SHK', 'Shkodër'));
  await createMunicipality(app.strapi, 'EMP', 'Vau i Dejës');
  author = await createPerson(app.strapi, 'citizen');
  const lines = [
    { code: '1040-01', name: 'Home care for elderly people living alone in the villages of the municipality', genderMarker: 'none', youthMarker: 'none' },
    { code: '0810-02', name: 'Sports grounds and youth centres', genderMarker: 'closes_gender_gaps', youthMarker: 'principal' },
    { code: '0620-01', name: 'Street lighting', genderMarker: 'women_and_girls_only', youthMarker: 'significant' },
  ];
  for (const line of lines) {
    await app.strapi.documents('plugin::participation.budget-line').create({
      data: { municipalityCode: 'SHK', fiscalYear: 2026, approvedMinor: '1000000000', revisedMinor: '1200000000', committedMinor: '25000000', spentMinor: '12345600', ...line } as never,
    });
  }
  fixtures.proposalsRound = await createRound(app.strapi, 'SHK', {
    phase: 'proposals',
    title: 'Shkodër decides 2026',
    totalBudgetMinor: '5000000000',
    districts: [
      { code: 'N', name: 'North', budget: '25000000' },
      { code: 'S', name: 'South', budget: '25000000' },
    ],
  });
  fixtures.votingRound = await createRound(app.strapi, 'SHK', { phase: 'voting', title: 'Youth budget 2026' });
  const closed = await createVotingRound(app.strapi, 'SHK', { kind: 'approval', countingRule: 'greedy_cost' }, { fiscalYear: 2026, title: 'Young people decide 2026' });
  const declarations = [...Array(12).fill({ gender: 'woman' }), ...Array(5).fill({ gender: 'man' }), ...Array(5).fill({ gender: 'prefer-not-to-say' })];
  for (const [index, declaration] of declarations.entries()) {
    // Counting needs no account row: a profile with the declaration stands for the voter.
    const userId = 8_000_000 + index;
    await app.strapi.db.query('plugin::participation.participant-profile').create({ data: { userId, demographics: { ...declaration, ageBand: '18-29', consent: true }, demographicsConsentAt: new Date() } });
    await app.strapi.plugin('participation').service('ballot').castOnline(closed.roundId, userId, { choices: { projects: [closed.projects[0]] } });
  }
  await advanceRound(app.strapi, closed.roundId, 'counting');
  fixtures.closedRound = closed.roundId;
  const proposal = { budgetLineCodes: ['1040-01'], requestedMinor: '25000000', districtCode: 'N', targetGroups: ['elderly'] };
  [fixtures.ownProposal, fixtures.othersProposal] = await Promise.all([
    createProposal(app.strapi, fixtures.proposalsRound, 'SHK', { ...proposal, title: 'Home visits for older people', authorId: author.id }),
    createProposal(app.strapi, fixtures.proposalsRound, 'SHK', { ...proposal, title: 'A ramp at the health centre', description: 'A ramp so that wheelchairs reach the door.' }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const t = translatorFor('en').t;

/** A context in this browser; a phone-sized window unless told otherwise. */
const newContext = (options: BrowserContextOptions = {}) => newPortalContext(browser, app.baseUrl, options);

describeEveryPage('every page', PAGES, () => ({ browser, baseUrl: app.baseUrl, fixtures, readers: { visitor: null, author } }));

describe.each([
  ['on', true],
  ['off', false],
])('with the keyboard alone, JavaScript %s', (_, javaScriptEnabled) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await newContext({ javaScriptEnabled, viewport: { width: 1280, height: 800 } });
  });
  afterAll(() => context.close());

  it('reaches the budget lines on a phone and scrolls them sideways with the arrow keys', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/en/municipalities/SHK/budget/2026');
    await tabTo(page, t('budget.lines'));
    const region = page.locator('*:focus');
    for (let press = 0; press < 5; press += 1) await page.keyboard.press('ArrowRight');
    expect(await region.evaluate((element: HTMLElement) => element.scrollLeft)).toBeGreaterThan(0);
  });
});

describe('security, from the browser', () => {
  const proposalCount = async () => {
    const answer = await fetch(`${app.baseUrl}/api/participation/rounds/${fixtures.proposalsRound}/proposals`);
    return ((await answer.json()) as { meta: { pagination: { total: number } } }).meta.pagination.total;
  };

  it('a form posted with a wrong CSRF token is refused and changes nothing', async () => {
    const context = await newContext();
    await signIn(context, author);
    const page = await context.newPage();
    await page.goto(`/en/rounds/${fixtures.proposalsRound}/proposals/new`);
    const before = await proposalCount();
    await page.locator('main input[name="csrf"]').evaluate((input: HTMLInputElement) => (input.value = 'forged'));
    await page.locator('main input[name="budgetLineCodes"]').first().check();
    await submitMainForm(page, { title: 'Forged proposal', description: 'Posted with a token that is not ours.', requestedAmount: '100' });
    expect(await statusOf(page)).toBe(403);
    expect(await proposalCount()).toBe(before);
    await context.close();
  });

  it('the cookie of a session that signed out no longer signs anyone in', async () => {
    const context = await newContext();
    await signIn(context, author);
    const cookies = await context.cookies();
    const page = await context.newPage();
    await page.goto('/en');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: t('layout.signOut') }).press('Enter')]);

    const replay = await newContext();
    await replay.addCookies(cookies);
    const replayed = await replay.newPage();
    await replayed.goto(`/en/rounds/${fixtures.proposalsRound}/proposals/new`);
    expect(new URL(replayed.url()).pathname).toBe('/en/sign-in');
    await Promise.all([context.close(), replay.close()]);
  });
});
