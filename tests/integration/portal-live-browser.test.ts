// Functions passed to page.evaluate() run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { advanceRound, bootWithMunicipality, createProposal, createRound } from '../harness/fixtures';
import { expectNoAxeViolations, launchBrowser, submitMainForm, tabTo, transferredBytes } from '../harness/browser';
import { portalClient } from '../harness/portal-client';
import { translatorFor } from '../../plugins/participation/portal/src/i18n/translator';
import { getService } from '../../plugins/participation/server/src/utils/get-service';

/**
 * Live news on the portal's pages (issue #13, "Live updates as enhancement"): running totals on an open
 * ballot kept current in place while others vote, and a proposal's page announcing its new status; both
 * politely, never moving focus. Without JavaScript the same pages show what was so when they were loaded.
 */
let app: TestApp;
let browser: Browser;
let staff: TestPerson;
let votingRound: string;
let reviewRound: string;
const ids = { benches: '', lights: '', ramp: '' };

const t = translatorFor('en').t;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ app, staff } = await bootWithMunicipality('LEZ', 'Lezhë'));
  votingRound = await createRound(app.strapi, 'LEZ', { title: 'Lezhë votes 2026', showRunningTotals: true, totalBudgetMinor: '10000000' });
  ids.benches = await createProposal(app.strapi, votingRound, 'LEZ', { title: 'Benches on the square', proposalStatus: 'on_ballot', ballotNumber: 1, costEstimateMinor: '300000' });
  ids.lights = await createProposal(app.strapi, votingRound, 'LEZ', { title: 'Lights by the river', proposalStatus: 'on_ballot', ballotNumber: 2, costEstimateMinor: '400000' });
  await advanceRound(app.strapi, votingRound, 'voting');
  reviewRound = await createRound(app.strapi, 'LEZ', { title: 'Lezhë proposes 2027', phase: 'review' });
  ids.ramp = await createProposal(app.strapi, reviewRound, 'LEZ', { title: 'A ramp at the library' });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A citizen signed in through the portal's form, in a context of their own. */
const signedInContext = async (person: TestPerson) => {
  const context = await browser.newContext({ baseURL: app.baseUrl, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto('/en/sign-in');
  await submitMainForm(page, { identifier: person.email, password: person.password });
  await page.close();
  return context;
};

/**
 * Resolves once live.js on `page` has sent its request to join `room`, plus a moment for the server to read
 * it (the server runs in this process: the test's timer lets its event loop take the frame in).
 */
const joining = (page: Page, room: string) =>
  new Promise<void>((resolve) => {
    page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => {
        if (String(payload).includes('"join"') && String(payload).includes(`"${room}"`)) setTimeout(resolve, 500);
      })
    );
  });

/** A citizen votes through the portal's form without JavaScript, as a second browser. */
const voteWithoutScripts = async (projects: string[]) => {
  const voter = await createPerson(app.strapi, 'citizen');
  const other = portalClient(app);
  await other.get('/en/sign-in');
  expect((await other.post('/en/sign-in', { identifier: voter.email, password: voter.password })).status).toBe(303);
  await other.get(`/en/rounds/${votingRound}/vote`);
  const cast = await other.post(`/en/rounds/${votingRound}/vote/confirm`, { projects });
  expect(cast.location).toBe(`/en/rounds/${votingRound}/vote/receipt`);
};

const figure = (page: Page, proposal: string) => page.locator(`[data-running-total="${proposal}"]`).textContent();
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);
const liveRegion = (page: Page) => page.locator('[data-live-rooms]');

describe('running totals on an open ballot', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    // Someone voted before the page is opened: the page shows it as it loads.
    await getService(app.strapi, 'ballot').castOnline(votingRound, (await createPerson(app.strapi, 'citizen')).id, { choices: { projects: [ids.benches] } });
    context = await signedInContext(await createPerson(app.strapi, 'citizen'));
  });
  afterAll(() => context?.close());

  it('shows the ballots so far without JavaScript, as of the page load', async () => {
    const voter = await createPerson(app.strapi, 'citizen');
    const client = portalClient(app);
    await client.get('/en/sign-in');
    await client.post('/en/sign-in', { identifier: voter.email, password: voter.password });
    const page = await client.get(`/en/rounds/${votingRound}/vote`);
    expect(page.body).toContain(`${t('ballot.runningTotal')} <span data-running-total="${ids.benches}">1</span>`);
    expect(page.body).toContain(`<span data-running-total="${ids.lights}">0</span>`);
  });

  it("updates in place when a second browser's ballot comes in, keeps focus, and sums up politely now and then", async () => {
    const page = await context.newPage();
    const joined = joining(page, `round:${votingRound}`);
    const bytes = await transferredBytes(page, `/en/rounds/${votingRound}/vote`);
    await joined;
    expect(await figure(page, ids.benches)).toBe('1');
    // The voter is choosing, by keyboard, when the news comes.
    await tabTo(page, 'Lights by the river');
    await page.keyboard.press('Space');
    const focused = await focusedId(page);
    expect(focused).not.toBeNull();

    await voteWithoutScripts([ids.benches, ids.lights]);
    await page.waitForFunction((id) => document.querySelector(`[data-running-total="${id}"]`)?.textContent === '2', ids.benches);
    expect(await figure(page, ids.lights)).toBe('1');
    await expect(liveRegion(page).getAttribute('aria-live')).resolves.toBe('polite');
    await page.waitForFunction((text) => document.querySelector('[data-live-rooms]')?.textContent === text, t('live.runningTotalsUpdated'));
    expect(await focusedId(page)).toBe(focused);
    await expect(page.locator(`#${focused}`).isChecked()).resolves.toBe(true);
    // Figures updated in place need no reload.
    await expect(page.locator('[data-live-reload]').isHidden()).resolves.toBe(true);

    // The next update changes the figures but is not announced again so soon.
    await page.evaluate(() => {
      const region = document.querySelector('[data-live-rooms]')!;
      (window as unknown as { announced: number }).announced = 0;
      new MutationObserver(() => ((window as unknown as { announced: number }).announced += 1)).observe(region, { childList: true, characterData: true, subtree: true });
    });
    await voteWithoutScripts([ids.lights]);
    await page.waitForFunction((id) => document.querySelector(`[data-running-total="${id}"]`)?.textContent === '2', ids.lights);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { announced: number }).announced)).toBe(0);
    expect(await focusedId(page)).toBe(focused);

    await expectNoAxeViolations(page);
    expect(bytes).toBeLessThanOrEqual(60_000);
  });
});

describe("a proposal's status", () => {
  it('is announced politely and shown anew when it changes, with focus left where it was', async () => {
    const context = await browser.newContext({ baseURL: app.baseUrl });
    try {
      const page = await context.newPage();
      const joined = joining(page, `proposal:${ids.ramp}`);
      await page.goto(`/en/proposals/${ids.ramp}`);
      await joined;
      const status = page.locator('[data-live-proposal-status]');
      await expect(status.textContent()).resolves.toBe(t('status.submitted'));
      await tabTo(page, t('proposals.title'));

      await getService(app.strapi, 'proposal').review('LEZ', ids.ramp, { action: 'start-review' }, staff.id);
      const news = t('live.proposalStatusChanged', { status: t('status.under_review') });
      await page.waitForFunction((text) => document.querySelector('[data-live-rooms]')?.textContent === text, news);
      await expect(status.textContent()).resolves.toBe(t('status.under_review'));
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(t('proposals.title'));
      // The status history above was read before the change: the page offers to read it again.
      await expect(page.locator('[data-live-reload]').isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it('sends only public facts to the public room', async () => {
    const events = await getService(app.strapi, 'events').eventsAfter(`proposal:${ids.ramp}`, 0, 10);
    expect(events.data.map((event) => event.type)).toEqual(['proposal.status-changed']);
    expect(events.data[0].payload).toEqual({
      proposal: { documentId: ids.ramp, roundDocumentId: reviewRound, title: 'A ramp at the library', status: 'under_review' },
      from: 'submitted',
      to: 'under_review',
    });
  });
});

describe("a thread's new posts", () => {
  it('appear in place on its last page, announced politely, with focus left where it was', async () => {
    const forums = getService(app.strapi, 'forum');
    const [reader, writer] = [await createPerson(app.strapi, 'citizen'), await createPerson(app.strapi, 'citizen')];
    const poster = { id: writer.id, username: writer.username, address: '127.0.0.1' };
    const forum = await forums.createForum('LEZ', { title: 'Town square' }, staff.id);
    const thread = await forums.createThread(forum.documentId, { title: 'Benches by the river', body: '<p>Where should they go?</p>' }, poster);
    const context = await signedInContext(reader);
    try {
      const page = await context.newPage();
      const joined = joining(page, `thread:${thread.documentId}`);
      await page.goto(`/en/threads/${thread.documentId}`);
      await joined;
      await tabTo(page, t('thread.follow'));
      const focused = await page.evaluate(() => document.activeElement?.outerHTML);

      await forums.createPost(thread.documentId, { body: '<p>Two more benches would help the elderly.</p>' }, poster);
      await page.locator('[data-live-refreshed]').getByText('Two more benches would help the elderly.').waitFor();
      await page.waitForFunction((text) => document.querySelector('[data-live-rooms]')?.textContent === text, t('thread.live.newPost'));
      expect(await page.evaluate(() => document.activeElement?.outerHTML)).toBe(focused);
      // Shown in place: nothing to read again.
      await expect(page.locator('[data-live-reload]').isHidden()).resolves.toBe(true);
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});
