// Functions passed to page.evaluate() run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../harness/app';
import { bootApp } from '../harness/app';
import { launchBrowser, newPortalContext, pressEnterAndLoad, signInThroughForm, tabTo, typeInto } from '../harness/browser';
import { describeEveryPage, type PageCase } from '../harness/page-suite';
import { demoSeed } from '../../plugins/participation/server/demo/seed';
import { getService } from '../../plugins/participation/server/src/utils/get-service';
import { translatorFor } from '../../plugins/participation/portal/src/i18n/translator';

/**
 * Staff's review, decision and implementation screens on the demo data, signed in as the demo's
 * Shkodër staff member (staff@demo.local), in a real Chromium: every screen in each state in sq, en
 * and vi (axe, reflow at 320 px, weight); and with the keyboard alone and JavaScript off, a proposal
 * of the demo's round (moved into review, as staff do when proposals close) is reviewed and a decision
 * is published.
 */
const STAFF = { email: 'staff@demo.local', password: 'Demo-Staff-2026' };
const KORCE_STAFF = { email: 'staff-korce@demo.local', password: 'Demo-Staff-Korce-2026' };

interface Fixtures {
  /** Proposals of the demo's Shkodër round taking proposals, put under review. */
  underReview: string[];
  /** The demo's funded proposal in Shkodër, being carried out. */
  funded: string;
}

type Reader = 'staff' | 'korceStaff';

const send = async (page: Page) => Promise.all([page.waitForNavigation(), page.locator('main form[method="post"] button[type="submit"]').last().press('Enter')]);

const PAGES: Array<PageCase<Fixtures, Reader>> = [
  { as: 'staff', name: 'review queue', path: () => '/workspace/SHK/review' },
  { as: 'staff', name: 'review queue after a review, with its notice', path: () => '/workspace/SHK/review?done=mark-feasible' },
  { as: 'korceStaff', name: 'review queue with nothing waiting', path: () => '/workspace/KOR/review' },
  { as: 'staff', name: 'review form', path: ({ underReview }) => `/workspace/SHK/review/${underReview[1]}` },
  { as: 'staff', name: 'review form with errors', path: ({ underReview }) => `/workspace/SHK/review/${underReview[1]}`, submit: send, status: 400 },
  {
    as: 'staff',
    name: 'review, check your answers',
    path: ({ underReview }) => `/workspace/SHK/review/${underReview[1]}`,
    submit: async (page) => {
      await page.locator('main input[name="action"][value="mark-infeasible"]').check();
      await page.locator('main [name="reason"]').fill('The site belongs to the state and cannot be built on.');
      return send(page);
    },
  },
  { as: 'staff', name: 'review of a proposal being carried out, not yet at 100 %', path: ({ funded }) => `/workspace/SHK/review/${funded}` },
  { as: 'staff', name: 'decisions with the log verified', path: () => '/workspace/SHK/decisions' },
  { as: 'staff', name: 'decisions after publishing, with its notice', path: () => '/workspace/SHK/decisions?done=published' },
  { as: 'staff', name: 'decision form', path: () => '/workspace/SHK/decisions/new' },
  { as: 'staff', name: 'decision form with errors', path: () => '/workspace/SHK/decisions/new', submit: send, status: 400 },
  {
    as: 'staff',
    name: 'decision, check your answers',
    path: () => '/workspace/SHK/decisions/new?corrects=1',
    submit: async (page) => {
      await page.locator('main [name="rationale"]').fill('The amount was mistyped in entry 1.');
      return send(page);
    },
  },
  { as: 'staff', name: 'correction form', path: () => '/workspace/SHK/decisions/new?corrects=1' },
  { as: 'staff', name: 'implementation by budget line', path: () => '/workspace/SHK/implementation' },
  { as: 'korceStaff', name: 'implementation with nothing funded', path: () => '/workspace/KOR/implementation' },
  { as: 'staff', name: 'implementation form', path: ({ funded }) => `/workspace/SHK/implementation/${funded}` },
  { as: 'staff', name: 'implementation form after saving', path: ({ funded }) => `/workspace/SHK/implementation/${funded}?done=saved` },
  {
    as: 'staff',
    name: 'implementation form with errors',
    path: ({ funded }) => `/workspace/SHK/implementation/${funded}`,
    submit: async (page) => {
      await page.locator('main [name="progressPercent"]').fill('more than half');
      await page.locator('main [name="milestone-0-dueDate"]').fill('next spring');
      return send(page);
    },
    status: 400,
  },
];

let app: TestApp;
let browser: Browser;
let fixtures: Fixtures;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await bootApp();
  await demoSeed(app.strapi).seed();
  const staffId = (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: STAFF.email } })).id as number;
  const rounds = getService(app.strapi, 'round');
  const [taking] = (await rounds.find({ municipality: 'SHK', phase: 'proposals', page: 1, pageSize: 10 })).data;
  // What staff do when proposals close (the rounds screen's work): the round's proposals go under review.
  await rounds.transition('SHK', taking.documentId, 'start-review', staffId);
  const underReview = (await getService(app.strapi, 'proposal').allOfRound(taking.documentId)).filter((proposal) => proposal.status === 'under_review');
  const entries = await getService(app.strapi, 'decision-log').entriesOf('SHK');
  const funded = entries.find((entry) => entry.decision.kind === 'fund')!.decision.subject as { documentId: string };
  expect(underReview.length).toBeGreaterThanOrEqual(3);
  fixtures = { underReview: underReview.map((proposal) => proposal.documentId), funded: funded.documentId };
  // Booting and seeding the whole demo (its rounds with their ballots and counts) takes well over a
  // minute on a busy machine: more than the suite's default for one hook.
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const t = translatorFor('en').t;

describeEveryPage('every review, decision and implementation screen', PAGES, () => ({
  browser,
  baseUrl: app.baseUrl,
  fixtures,
  readers: { staff: STAFF, korceStaff: KORCE_STAFF },
}));

/** Moves a focused select down its options until it shows the one with this value (a keyboard user's arrows). */
const arrowTo = async (page: Page, value: string) => {
  for (let presses = 0; presses < 200; presses += 1) {
    if ((await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`The select never reached ${value}`);
};

describe('with the keyboard alone, JavaScript off', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await newPortalContext(browser, app.baseUrl, { javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    await signInThroughForm(context, STAFF);
  });
  afterAll(() => context.close());

  it('reviews a proposal of the demo round: feasible, with a cost estimate, after checking the answers', async () => {
    const [proposalId] = fixtures.underReview;
    const proposal = await getService(app.strapi, 'proposal').findOne(proposalId);
    const page = await context.newPage();
    await page.goto('/en/workspace/SHK');
    await tabTo(page, t('workspace.tool.review.title'));
    await pressEnterAndLoad(page);
    await tabTo(page, t('wsReview.reviewLink', { title: proposal.title }));
    await pressEnterAndLoad(page);
    await tabTo(page, t('wsReview.action.mark-feasible'));
    await page.keyboard.press('Space');
    await typeInto(page, t('wsReview.costEstimateLabel', { currency: 'ALL' }), '120000');
    await tabTo(page, t('wsReview.continue'));
    await pressEnterAndLoad(page);
    await expect(page.locator('main .check-answers').textContent()).resolves.toContain(t('wsReview.action.mark-feasible'));
    await tabTo(page, t('wsReview.confirm.mark-feasible'));
    await pressEnterAndLoad(page);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/en/workspace/SHK/review?done=mark-feasible');
    await expect(page.locator('main [role="status"]').textContent()).resolves.toBe(t('wsReview.done.feasible'));
    await expect(getService(app.strapi, 'proposal').findOne(proposalId)).resolves.toMatchObject({ status: 'feasible', costEstimate: '120000.00' });
  });

  it('publishes a decision after checking the answers', async () => {
    const [, proposalId] = fixtures.underReview;
    const before = (await getService(app.strapi, 'decision-log').entriesOf('SHK')).length;
    const page = await context.newPage();
    await page.goto('/en/workspace/SHK');
    await tabTo(page, t('workspace.tool.decisions.title'));
    await pressEnterAndLoad(page);
    await tabTo(page, t('wsDecisions.newLink'));
    await pressEnterAndLoad(page);
    // Tab enters a radio group at its first choice; arrows move through it and choose as they go, to "Defer".
    await tabTo(page, t('wsDecisions.kind.approve'));
    for (let presses = 0; presses < 4; presses += 1) await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).value)).resolves.toBe('defer');
    await tabTo(page, t('wsDecisions.subjectLabel'));
    await arrowTo(page, `proposal:${proposalId}`);
    await typeInto(page, t('wsDecisions.referenceLabel'), 'VKB nr. 112');
    await typeInto(page, t('wsDecisions.dateLabel'), '2026-12-01');
    await typeInto(page, t('wsDecisions.rationaleLabel'), 'The council waits for the land survey before deciding.');
    await tabTo(page, t('wsDecisions.continue'));
    await pressEnterAndLoad(page);
    await expect(page.locator('main .check-answers').textContent()).resolves.toContain('VKB nr. 112');
    expect((await getService(app.strapi, 'decision-log').entriesOf('SHK')).length).toBe(before);
    await tabTo(page, t('wsDecisions.publish'));
    await pressEnterAndLoad(page);
    await expect(page.locator('main [role="status"]').textContent()).resolves.toBe(t('wsDecisions.done.published'));
    const entries = await getService(app.strapi, 'decision-log').entriesOf('SHK');
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)!.decision).toMatchObject({ kind: 'defer', subject: { kind: 'proposal', documentId: proposalId }, councilDecisionReference: 'VKB nr. 112', decisionDate: '2026-12-01' });
  });
});
