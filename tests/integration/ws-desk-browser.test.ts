// Functions passed to page.evaluate() run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { bootWithMunicipality, createVotingRound } from '../harness/fixtures';
import { SWEEP_LANGUAGES, expectPageFitsEveryone, launchBrowser, newPortalContext, pressEnterAndLoad, signInThroughForm, statusOf, tabTo, transferredBytes, typeInto } from '../harness/browser';
import { describeEveryPage, type PageCase } from '../harness/page-suite';
import { translatorFor } from '../../plugins/participation/portal/src/i18n/translator';

/**
 * The facilitator's ballot desk in a real Chromium (issue #15 item 11): every state in sq, en and vi
 * (axe, reflow at 320 px, weight), and with the keyboard alone, JavaScript off, in a phone-sized window,
 * five paper ballots entered one after another without leaving the page.
 */
interface Fixtures {
  /** A round with two districts (the desk's fullest form). */
  withDistricts: string;
  /** A plain approval round, pick up to two: the stack of paper forms. */
  paperStack: string;
  paperProjects: string[];
}

type Reader = 'facilitator';

const PAGES: Array<PageCase<Fixtures, Reader>> = [
  { name: 'rounds open for voting', as: 'facilitator', path: () => '/workspace/DSB/ballot-desk' },
  { name: 'the desk, empty', as: 'facilitator', path: ({ withDistricts }) => `/workspace/DSB/ballot-desk/${withDistricts}` },
  { name: 'the desk with errors beside the fields', as: 'facilitator', path: ({ withDistricts }) => `/workspace/DSB/ballot-desk/${withDistricts}`, submit: { offlineReference: 'AB' }, status: 400 },
];

let app: TestApp;
let browser: Browser;
let facilitator: TestPerson;
const fixtures: Fixtures = { withDistricts: '', paperStack: '', paperProjects: [] };
const t = translatorFor('en').t;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ app } = await bootWithMunicipality('DSB', 'Deskbury'));
  facilitator = await createPerson(app.strapi, 'cso-facilitator', ['DSB']);
  fixtures.withDistricts = (
    await createVotingRound(
      app.strapi,
      'DSB',
      { kind: 'approval', countingRule: 'greedy_cost' },
      {
        title: 'Districts round',
        districts: [
          { code: 'N', name: 'North', budget: '50000' },
          { code: 'S', name: 'South', budget: '50000' },
        ],
      }
    )
  ).roundId;
  const stack = await createVotingRound(app.strapi, 'DSB', { kind: 'approval', countingRule: 'greedy_cost', maxProjects: 2 }, { title: 'Paper round' });
  fixtures.paperStack = stack.roundId;
  fixtures.paperProjects = stack.projects;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describeEveryPage('the ballot desk', PAGES, () => ({ browser, baseUrl: app.baseUrl, fixtures, readers: { facilitator } }));

describe.each(SWEEP_LANGUAGES)('the desk after a ballot, in %s', (lang) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await newPortalContext(browser, app.baseUrl);
    await signInThroughForm(context, facilitator);
  });
  afterAll(() => context.close());

  it('shows the receipt above the empty form: no axe violations, reflows at 320 px, light', async () => {
    const page = await context.newPage();
    await page.goto(`/${lang}/workspace/DSB/ballot-desk/${fixtures.withDistricts}`);
    await page.locator('main [name="offlineReference"]').fill(`AXE-${lang}-form`);
    await page.locator('main [name="residenceMunicipalityCode"]').selectOption('DSB');
    await page.locator('main input[name="consent"]').check();
    await page.locator('main input[name="districtCode"][value="N"]').check();
    await page.locator('main input[name="projects"]').first().check();
    const bytes = await transferredBytes(page, () => Promise.all([page.waitForNavigation(), page.locator('main form.ballot-form button[type="submit"]').press('Enter')]));
    expect(await statusOf(page)).toBe(200);
    await expect(page.locator('.receipt-code').count()).resolves.toBe(1);
    await expectPageFitsEveryone(page, bytes, lang);
  });
});

/** One paper form, with the keyboard alone: the reference, the residence, consent, the choices, then Enter. */
const enterPaperForm = async (page: Page, reference: string, projects: string[]) => {
  await typeInto(page, t('wsDesk.offlineReference'), reference);
  await tabTo(page, t('wsDesk.residence'));
  // A closed select takes typed letters as a search among its options, as on any keyboard.
  await page.keyboard.type('Deskbury');
  await tabTo(page, t('wsDesk.consentGiven'));
  await page.keyboard.press('Space');
  for (const title of projects) {
    await tabTo(page, title);
    await page.keyboard.press('Space');
  }
  await tabTo(page, t('wsDesk.submit'));
  await pressEnterAndLoad(page);
};

describe('with the keyboard alone, JavaScript off, in a phone-sized window', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await newPortalContext(browser, app.baseUrl, { javaScriptEnabled: false, viewport: { width: 360, height: 640 } });
    await signInThroughForm(context, facilitator);
  });
  afterAll(() => context.close());

  it('enters five paper ballots in a row, each receipt shown above the next empty form', async () => {
    const page = await context.newPage();
    await page.goto('/en/workspace');
    await tabTo(page, t('workspace.tool.ballotDesk.title'));
    await pressEnterAndLoad(page);
    await tabTo(page, 'Paper round');
    await pressEnterAndLoad(page);
    const deskUrl = page.url();
    const stack: Array<[string, string[]]> = [
      ['PAPER-0001', ['Project 1']],
      ['PAPER-0002', ['Project 2', 'Project 3']],
      ['PAPER-0003', ['Project 3']],
      ['PAPER-0004', ['Project 1', 'Project 2']],
      ['PAPER-0005', ['Project 2']],
    ];
    const receipts: string[] = [];
    for (const [reference, projects] of stack) {
      await enterPaperForm(page, reference, projects);
      expect(page.url()).toBe(deskUrl);
      expect(await statusOf(page)).toBe(200);
      const receipt = (await page.locator('.receipt-code').textContent())?.trim() ?? '';
      expect(receipt).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){5}$/);
      expect(receipts).not.toContain(receipt);
      receipts.push(receipt);
      // The next form is empty: nothing of this person is carried over.
      await expect(page.locator('main [name="offlineReference"]').inputValue()).resolves.toBe('');
      await expect(page.locator('main input[name="consent"]').isChecked()).resolves.toBe(false);
      await expect(page.locator('main input[name="projects"]:checked').count()).resolves.toBe(0);
    }
    const ballots = await app.strapi.db.connection('participation_ballots').where({ round_document_id: fixtures.paperStack }).count({ n: '*' }).first();
    expect(Number(ballots?.n)).toBe(5);
    const recorded = await app.strapi.db.connection('participation_round_participations').where({ round_document_id: fixtures.paperStack }).select('channel', 'facilitator_id');
    expect(recorded).toEqual(Array(5).fill({ channel: 'paper', facilitator_id: facilitator.id }));
  });

  it('a form without consent comes back with the error first, its link leading to the field', async () => {
    const page = await context.newPage();
    await page.goto(`/en/workspace/DSB/ballot-desk/${fixtures.paperStack}`);
    await typeInto(page, t('wsDesk.offlineReference'), 'PAPER-0006');
    await tabTo(page, t('wsDesk.submit'));
    await pressEnterAndLoad(page);
    expect(await statusOf(page)).toBe(400);
    await tabTo(page, t('wsDesk.error.consent'));
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#consent');
    await expect(page.locator('main [name="offlineReference"]').inputValue()).resolves.toBe('PAPER-0006');
  });
});
