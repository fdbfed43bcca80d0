// Functions passed to page.evaluate() run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bootApp, type TestApp } from '../harness/app';
import { createPerson } from '../harness/people';
import { advanceRound, createProposal, createRound, createVotingRound } from '../harness/fixtures';
import { SWEEP_LANGUAGES, expectPageFitsEveryone, launchBrowser, newPortalContext, pressEnterAndLoad, signInThroughForm, statusOf, submitMainForm, tabTo, transferredBytes, typeInto } from '../harness/browser';
import { demoSeed } from '../../plugins/participation/server/demo/seed';
import { proposalInputSchema } from '../../plugins/participation/server/src/domain/proposals/proposal-input';
import { getService } from '../../plugins/participation/server/src/utils/get-service';
import { translatorFor } from '../../plugins/participation/portal/src/i18n/translator';

/**
 * The staff member's round tools in a real Chromium, on the demo's data: every screen in each state in
 * sq, en and vi (axe, reflow at 320 px, weight), and with the keyboard alone and JavaScript off, the
 * demo's staff login sets up a round, then walks the demo's draft youth round from draft to published
 * results (what citizens and review do in between is set up through the API).
 */
let app: TestApp;
let browser: Browser;
let staff: { email: string; password: string; id: number };

interface States {
  draft: string;
  blocked: string;
  voting: string;
  counting: string;
  counted: string;
  results: string;
}
let rounds: States;

const DEMO_STAFF = { email: 'staff@demo.local', password: 'Demo-Staff-2026' };
const DEMO_CITIZEN = { email: 'citizen@demo.local', password: 'Demo-Citizen-2026' };
const YOUTH_ROUND = 'Buxheti rinor 2026 – Youth budget 2026';

beforeAll(async () => {
  browser = await launchBrowser();
  app = await bootApp();
  await demoSeed(app.strapi).seed();
  const { id } = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: DEMO_STAFF.email }, select: ['id'] });
  staff = { ...DEMO_STAFF, id };
  // A round in each state the screens show, beside the demo's own.
  const draft = await createRound(app.strapi, 'SHK', { title: 'Draft round', districts: [{ code: 'N', name: 'North', budget: '50000' }] });
  const blocked = await createRound(app.strapi, 'SHK', { title: 'Round under review' });
  await createProposal(app.strapi, blocked, 'SHK', { proposalStatus: 'under_review' });
  await advanceRound(app.strapi, blocked, 'review');
  const voting = (await createVotingRound(app.strapi, 'SHK', { kind: 'approval', countingRule: 'greedy_cost' }, { title: 'Voting round', districts: [{ code: 'N', name: 'North', budget: '100000' }] })).roundId;
  const cast = async (roundId: string, projects: string[]) => {
    const voter = await createPerson(app.strapi, 'citizen');
    expect((await app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(voter.auth).send({ districtCode: 'N', choices: { projects } })).status).toBe(201);
  };
  const countingRound = async (title: string, counted: boolean, published = false) => {
    const { roundId, projects } = await createVotingRound(app.strapi, 'SHK', { kind: 'approval', countingRule: 'greedy_cost' }, { title, reservations: [{ marker: 'gender', share: '0.2' }] });
    const voter = await createPerson(app.strapi, 'citizen');
    expect((await app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(voter.auth).send({ choices: { projects: [projects[0]] } })).status).toBe(201);
    await getService(app.strapi, 'round').transition('SHK', roundId, 'close-voting', staff.id);
    if (counted) await getService(app.strapi, 'round-count').count('SHK', roundId);
    if (published) await getService(app.strapi, 'round').transition('SHK', roundId, 'publish-results', staff.id);
    return roundId;
  };
  const votingProjects = (await getService(app.strapi, 'proposal').allOfRound(voting)).map((proposal) => proposal.documentId);
  await cast(voting, [votingProjects[0]]);
  rounds = {
    draft,
    blocked,
    voting,
    counting: await countingRound('Round to count', false),
    counted: await countingRound('Counted round', true),
    results: await countingRound('Published round', true, true),
  };
  // The demo seed writes every demo round with its ballots: minutes on a busy machine.
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const t = translatorFor('en').t;
const BASE = '/workspace/SHK/rounds';

interface PageCase {
  name: string;
  path: (rounds: States) => string;
  submit?: Record<string, string>;
  status?: number;
}

const PAGES: PageCase[] = [
  { name: 'the rounds', path: () => BASE },
  { name: 'a new round', path: () => `${BASE}/new` },
  { name: 'a new round with errors', path: () => `${BASE}/new`, submit: { title: '', totalBudget: 'lots', maxProjects: 'two' }, status: 400 },
  { name: 'a draft round', path: ({ draft }) => `${BASE}/${draft}?done=created` },
  { name: 'a draft round, its settings', path: ({ draft }) => `${BASE}/${draft}/edit` },
  { name: 'the check before opening proposals', path: ({ draft }) => `${BASE}/${draft}/phase/open-proposals` },
  { name: 'a round blocked by proposals under review', path: ({ blocked }) => `${BASE}/${blocked}` },
  { name: 'the check page of a blocked step', path: ({ blocked }) => `${BASE}/${blocked}/phase/open-voting`, status: 409 },
  { name: 'a voting round', path: ({ voting }) => `${BASE}/${voting}` },
  { name: 'frozen settings', path: ({ voting }) => `${BASE}/${voting}/edit` },
  { name: 'turnout by channel and district', path: ({ voting }) => `${BASE}/${voting}/turnout` },
  { name: 'a round to count', path: ({ counting }) => `${BASE}/${counting}/count` },
  { name: 'a counted result before publishing', path: ({ counted }) => `${BASE}/${counted}/count?done=counted` },
  { name: 'the check before publishing', path: ({ counted }) => `${BASE}/${counted}/phase/publish-results` },
  { name: 'a round with published results', path: ({ results }) => `${BASE}/${results}?done=phase` },
];

describe.each(SWEEP_LANGUAGES)('every round screen in %s', (lang) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newPortalContext(browser, app.baseUrl);
    await signInThroughForm(context, staff);
    page = await context.newPage();
  });
  afterAll(() => context.close());

  it.each(PAGES)('$name: no axe violations, reflows at 320 px, light', async ({ path, submit, status = 200 }) => {
    const address = `/${lang}${path(rounds)}`;
    if (submit) await page.goto(address);
    const bytes = await transferredBytes(page, submit ? () => submitMainForm(page, submit) : address);
    expect(await statusOf(page)).toBe(status);
    await expectPageFitsEveryone(page, bytes, lang);
  });
});

describe('with the keyboard alone and JavaScript off', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newPortalContext(browser, app.baseUrl, { javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    await signInThroughForm(context, staff);
    page = await context.newPage();
  });
  afterAll(() => context.close());

  const doneNotice = () => page.locator('main [role="status"]').textContent();

  it('sets up a new round, with its rules previewed first', async () => {
    await page.goto('/en/workspace/SHK');
    await tabTo(page, t('workspace.tool.rounds.title'));
    await pressEnterAndLoad(page);
    await tabTo(page, t('wsRounds.new'));
    await pressEnterAndLoad(page);
    await typeInto(page, t('wsRounds.form.title'), 'Lagjet 2027 – Neighbourhoods 2027');
    await typeInto(page, t('wsRounds.form.totalBudget', { currency: 'ALL' }), '2 000 000');
    await typeInto(page, t('wsRounds.form.maxProjects'), 'two');
    await tabTo(page, t('wsRounds.form.create'));
    await pressEnterAndLoad(page);
    // Refused beside the field, the rest kept; corrected, previewed, then saved.
    expect(await statusOf(page)).toBe(400);
    await expect(page.locator('#maxProjects-error').textContent()).resolves.toContain(t('wsRounds.error.maxProjects'));
    await typeInto(page, t('wsRounds.form.maxProjects'), '2');
    await tabTo(page, t('wsRounds.form.preview'));
    await pressEnterAndLoad(page);
    await expect(page.locator('main .rules').textContent()).resolves.toContain('Choose up to 2 projects you support.');
    await tabTo(page, t('wsRounds.form.create'));
    await pressEnterAndLoad(page);
    await expect(doneNotice()).resolves.toBe(t('wsRounds.done.created'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Lagjet 2027 – Neighbourhoods 2027');
  });

  it("walks the demo's draft youth round from draft to published results", async () => {
    const stepWith = async (button: string) => {
      await tabTo(page, button);
      await pressEnterAndLoad(page);
      // The check page: what will happen, then the same button to do it.
      await expect(page.locator('main').textContent()).resolves.toContain(t('wsRounds.confirm.irreversible'));
      await tabTo(page, button);
      await pressEnterAndLoad(page);
      await expect(doneNotice()).resolves.toBe(t('wsRounds.done.phase'));
    };
    await page.goto('/en/workspace/SHK');
    await tabTo(page, t('workspace.tool.rounds.title'));
    await pressEnterAndLoad(page);
    await tabTo(page, YOUTH_ROUND);
    await pressEnterAndLoad(page);
    const roundId = /\/rounds\/([a-z0-9]+)$/.exec(new URL(page.url()).pathname)![1];

    // Set up: at most two projects per voter.
    await tabTo(page, t('wsRounds.editSettings'));
    await pressEnterAndLoad(page);
    await typeInto(page, t('wsRounds.form.maxProjects'), '2');
    await tabTo(page, t('wsRounds.form.save'));
    await pressEnterAndLoad(page);
    await expect(doneNotice()).resolves.toBe(t('wsRounds.done.saved'));
    await expect(page.locator('main .rules').textContent()).resolves.toContain('Choose up to 2 projects you support.');

    await stepWith(t('wsRounds.action.open-proposals.button'));
    // The demo citizen submits two proposals on the portal's API (not under test here).
    const citizen = (await app.http().post('/api/auth/local').send({ identifier: DEMO_CITIZEN.email, password: DEMO_CITIZEN.password })).body;
    const author = { id: citizen.user.id as number, auth: { Authorization: `Bearer ${citizen.jwt}` } };
    const submit = (title: string, requestedAmount: string, extra: object = {}) =>
      getService(app.strapi, 'proposal').create(roundId, author.id, proposalInputSchema.parse({ title, description: `${title}, for young people in Shkodër.`, requestedAmount, budgetLineCodes: ['09510-01'], ...extra }));
    const skate = await submit('Skate park by the lake', '400000');
    const coding = await submit('Coding club for girls', '300000', { genderMarker: 'closes_gender_gaps', genderImpactStatement: 'Closes the gap in digital skills between girls and boys.' });
    await stepWith(t('wsRounds.action.start-review.button'));
    await expect(page.locator('main').textContent()).resolves.toContain('2 proposals are still under review');

    // Review (its own screen): both feasible at what they asked.
    const staffJwt = app.strapi.plugin('users-permissions').service('jwt').issue({ id: staff.id });
    for (const proposal of [skate, coding]) {
      const reviewed = await app.http().post(`/api/participation/municipalities/SHK/proposals/${proposal.documentId}/review`).set({ Authorization: `Bearer ${staffJwt}` }).send({ action: 'mark-feasible', costEstimate: proposal.requestedAmount });
      expect(reviewed.status).toBe(200);
    }
    await page.reload();
    await stepWith(t('wsRounds.action.open-voting.button'));
    expect((await app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(author.auth).send({ choices: { projects: [skate.documentId, coding.documentId] } })).status).toBe(201);

    await tabTo(page, t('wsRounds.turnout.link'));
    await pressEnterAndLoad(page);
    await expect(page.locator('main').textContent()).resolves.toContain('1 person has voted so far.');
    await page.goBack();
    await stepWith(t('wsRounds.action.close-voting.button'));

    await tabTo(page, t('wsRounds.count.link'));
    await pressEnterAndLoad(page);
    await tabTo(page, t('wsRounds.count.run'));
    await pressEnterAndLoad(page);
    await expect(doneNotice()).resolves.toBe(t('wsRounds.done.counted'));
    const preview = await page.locator('main').textContent();
    expect(preview).toContain('Coding club for girls');
    expect(preview).toContain(t('results.reservations'));
    await stepWith(t('wsRounds.action.publish-results.button'));

    await tabTo(page, t('wsRounds.count.published'));
    await pressEnterAndLoad(page);
    expect(new URL(page.url()).pathname).toBe(`/en/rounds/${roundId}/results`);
    await expect(page.locator('main').textContent()).resolves.toContain('Skate park by the lake');
  });
});
