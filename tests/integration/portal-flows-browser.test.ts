// Functions passed to page.evaluate() run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
import { readFileSync } from 'fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { advanceRound, bootWithMunicipality, createProposal, createRound, createVotingRound } from '../harness/fixtures';
import {
  SWEEP_LANGUAGES,
  expectPageFitsEveryone,
  launchBrowser,
  newPortalContext,
  pressEnterAndLoad,
  signInThroughForm,
  statusOf,
  submitMainForm,
  tabTo,
  transferredBytes,
  typeInto,
} from '../harness/browser';
import { translatorFor, type MessageKey } from '../../plugins/participation/portal/src/i18n/translator';
import { getService } from '../../plugins/participation/server/src/utils/get-service';
import { BALLOT_KINDS } from '../../plugins/participation/server/src/domain/voting/ballot-kinds';
import { decisionBody, implementationBody } from '../../plugins/participation/server/src/routes/content-api/validation/decisions';

/**
 * The portal's flows end to end in a real browser (issue #13, "Tests"): with the keyboard alone, with
 * JavaScript on and off, a citizen registers, signs in, submits a proposal (wrong first, then put right),
 * votes in each ballot kind the API accepts (choose, review, confirm, receipt), saves the receipt, and
 * checks it once voting has closed; and the states those flows pass through (review, errors, receipt,
 * results, receipt answers, a decision, an implementation) are checked in sq, en and vi for axe, reflow
 * and weight like every page of portal-browser.test.ts.
 */
let app: TestApp;
let browser: Browser;
let staff: TestPerson;
const t = translatorFor('en').t;

/** Where the pages under test are: made once in beforeAll. */
const fixtures = {
  proposalsRound: '',
  /** Rounds voting, for the checks of the ballot's states (rules as in KEYBOARD_BALLOTS). */
  pickTwo: '',
  withinBudget: '',
  ranking: '',
  withDistricts: '',
  /** A round whose results are published, the first project funded by the council and being carried out. */
  published: { roundId: '', funded: '', counted: '', replaced: '' },
};

/** A ballot kind the API accepts, and how a keyboard fills it: wrongly first, then right from the error summary. */
interface KeyboardBallot {
  kind: string;
  rules: Record<string, unknown>;
  /** More of the round's settings (its districts). */
  fields?: Record<string, unknown>;
  /** Fills the empty ballot so that it breaks a rule. */
  fillWrongly: (page: Page) => Promise<void>;
  /** With JavaScript, what the running count (a polite status region) says once the ballot is filled wrongly. */
  liveCount?: string;
  /** The message the ballot comes back with, in the error summary and beside the proposals. */
  error: MessageKey;
  /** The field the error summary's link lands on: the first proposal's control unless said. */
  errorField?: string;
  /** Puts the ballot right, starting with the focus where the error summary's link lands. */
  putRight: (page: Page) => Promise<void>;
  /** What the review lists, in order. */
  review: string[];
}

const press = async (page: Page, label: string, key: string) => {
  await tabTo(page, label);
  await page.keyboard.press(key);
};

const KEYBOARD_BALLOTS: KeyboardBallot[] = [
  {
    kind: 'approval, at most 2 proposals',
    rules: { kind: 'approval', countingRule: 'greedy_cost', maxProjects: 2 },
    fillWrongly: async (page) => {
      for (const title of ['Project 1', 'Project 2', 'Project 3']) await press(page, title, 'Space');
    },
    liveCount: t('ballot.tally.count', { count: '3' }),
    error: 'ballot.error.tooMany',
    putRight: (page) => press(page, 'Project 3', 'Space'),
    review: ['Project 1', 'Project 2'],
  },
  {
    kind: 'approval in a round with districts',
    rules: { kind: 'approval', countingRule: 'greedy_cost' },
    fields: {
      districts: [
        { code: 'N', name: 'North', budget: '50000' },
        { code: 'S', name: 'South', budget: '50000' },
      ],
    },
    fillWrongly: (page) => press(page, 'Project 1', 'Space'),
    liveCount: t('ballot.tally.count', { count: '1' }),
    error: 'ballot.error.district',
    errorField: 'districtCode',
    // The focus is on the first district's radio, unchecked: Space checks it.
    putRight: (page) => page.keyboard.press('Space'),
    review: ['Project 1'],
  },
  {
    kind: 'approval within a budget (knapsack)',
    rules: { kind: 'approval', countingRule: 'greedy_cost', maxCost: '40000' },
    fillWrongly: async (page) => {
      for (const title of ['Project 1', 'Project 2', 'Project 3']) await press(page, title, 'Space');
    },
    liveCount: t('ballot.tally.count', { count: '3' }),
    error: 'ballot.error.overBudget',
    putRight: (page) => press(page, 'Project 2', 'Space'),
    review: ['Project 1', 'Project 3'],
  },
  {
    kind: 'choose one',
    rules: { kind: 'choose-1', countingRule: 'greedy_card' },
    fillWrongly: async () => {},
    error: 'ballot.error.none',
    // The focus is on the first radio, unchecked: an arrow key moves to the next one and checks it.
    putRight: (page) => page.keyboard.press('ArrowDown'),
    review: ['Project 2'],
  },
  {
    kind: 'cumulative points',
    rules: { kind: 'cumulative', countingRule: 'greedy_points', totalPoints: 5 },
    fillWrongly: async (page) => {
      await typeInto(page, 'Points for Project 1', '4');
      await typeInto(page, 'Points for Project 2', '3');
    },
    liveCount: t('ballot.tally.points', { given: '7', left: '-2' }),
    error: 'ballot.error.pointsOver',
    putRight: (page) => typeInto(page, 'Points for Project 2', '1'),
    review: ['Project 1', 'Project 2'],
  },
  {
    kind: 'ranking by position fields',
    rules: { kind: 'ordinal', countingRule: 'greedy_borda' },
    fillWrongly: async (page) => {
      await typeInto(page, 'Position of Project 1', '2');
      await typeInto(page, 'Position of Project 2', '1');
      await typeInto(page, 'Position of Project 3', '1');
    },
    liveCount: t('ballot.tally.count', { count: '3' }),
    error: 'ballot.error.duplicateRanks',
    putRight: (page) => typeInto(page, 'Position of Project 3', '3'),
    review: ['Project 2', 'Project 1', 'Project 3'],
  },
];

/** A round voted in, closed, counted and published through the services, with the council's funding and its implementation. */
const publishedRound = async () => {
  const roundId = await createRound(app.strapi, 'SHK', {
    title: 'Parks and streets 2026',
    totalBudgetMinor: '1000000',
    ballotRules: { kind: 'approval', countingRule: 'greedy_cost', tieBreaking: 'id' },
  });
  const projects: string[] = [];
  for (const [index, title] of ['A playground by the river', 'A library bus', 'Lights on the promenade'].entries()) {
    projects.push(await createProposal(app.strapi, roundId, 'SHK', { title, budgetLineCodes: ['0950-01'], costEstimateMinor: '400000', proposalStatus: 'on_ballot', ballotNumber: index + 1 }));
  }
  await advanceRound(app.strapi, roundId, 'voting');
  const [first, second] = await Promise.all([createPerson(app.strapi, 'citizen'), createPerson(app.strapi, 'citizen')]);
  const ballots = getService(app.strapi, 'ballot');
  const cast = async (voter: TestPerson, chosen: string[]) => (await ballots.castOnline(roundId, voter.id, { choices: { projects: chosen } })).receiptCode;
  const counted = await cast(first, [projects[0], projects[2]]);
  const replaced = await cast(second, [projects[1]]);
  await cast(second, [projects[0]]);
  const rounds = getService(app.strapi, 'round');
  await rounds.transition('SHK', roundId, 'close-voting', staff.id);
  const result = await getService(app.strapi, 'round-count').count('SHK', roundId);
  await rounds.transition('SHK', roundId, 'publish-results', staff.id);
  const [funded] = result.districts[0].selected;
  const decision = decisionBody.parse({
    data: {
      kind: 'fund',
      subject: { kind: 'proposal', documentId: funded },
      amount: '4000',
      budgetLine: { code: '0950-01', fiscalYear: 2026 },
      councilDecisionReference: 'VKB nr. 45',
      decisionDate: '2026-07-09',
      rationale: 'Selected by residents; funded from the youth centres line.',
    },
  }).data;
  await getService(app.strapi, 'decision-log').publish('SHK', decision, staff.id);
  const progress = implementationBody.parse({
    data: {
      progressPercent: 40,
      spent: '1600',
      milestones: [
        { title: 'Design agreed with residents', dueDate: '2026-08-15', doneDate: '2026-08-12', status: 'done' },
        { title: 'Works under way', dueDate: '2027-03-31', status: 'in_progress' },
      ],
    },
  }).data;
  await getService(app.strapi, 'implementation').update('SHK', funded, progress, staff.id);
  return { roundId, funded, counted, replaced };
};

beforeAll(async () => {
  // One after the other: a browser launched beside a boot that failed would be left running.
  browser = await launchBrowser();
  ({ app, staff } = await bootWithMunicipality('SHK', 'Shkodër'));
  for (const [code, name] of [['1040-01', 'Home care for elderly people living alone'], ['0950-01', 'Youth centres']]) {
    await app.strapi.documents('plugin::participation.budget-line').create({
      data: { municipalityCode: 'SHK', fiscalYear: 2026, code, name, approvedMinor: '1000000000', revisedMinor: '1000000000', committedMinor: '0', spentMinor: '0', genderMarker: 'none', youthMarker: 'none' } as never,
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
  const ballotOf = (kind: string) => KEYBOARD_BALLOTS.find((ballot) => ballot.kind === kind)!;
  [fixtures.pickTwo, fixtures.withinBudget, fixtures.ranking, fixtures.withDistricts] = await Promise.all(
    ['approval, at most 2 proposals', 'approval within a budget (knapsack)', 'ranking by position fields', 'approval in a round with districts'].map(async (kind) => {
      const { rules, fields } = ballotOf(kind);
      return (await createVotingRound(app.strapi, 'SHK', rules, fields)).roundId;
    })
  );
  fixtures.published = await publishedRound();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const newContext = (options: BrowserContextOptions = {}) => newPortalContext(browser, app.baseUrl, options);

const heading = (page: Page) => page.locator('h1').textContent();

/** Follows the skip link, the first stop of every page: Tab then goes on from the main content, past the header. */
const skipToMain = async (page: Page) => {
  await tabTo(page, t('layout.skipToContent'));
  await page.keyboard.press('Enter');
  await expect(page.locator('*:focus').getAttribute('id')).resolves.toBe('main');
};

it('has a keyboard flow for every ballot kind the API accepts', () => {
  expect(new Set(KEYBOARD_BALLOTS.map(({ rules }) => rules.kind))).toEqual(new Set(BALLOT_KINDS));
});

describe.each([
  ['on', true],
  ['off', false],
])('with the keyboard alone, JavaScript %s', (mode, javaScriptEnabled) => {
  let context: BrowserContext;
  let page: Page;
  /** The rounds this citizen votes in, one per ballot kind, and the receipt each vote gave. */
  const rounds = new Map<string, string>();
  const receipts = new Map<string, string>();
  const signedOut = () => page.locator('header').getByRole('link', { name: t('layout.signIn'), exact: true });

  beforeAll(async () => {
    context = await newContext({ javaScriptEnabled, viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    for (const ballot of KEYBOARD_BALLOTS) rounds.set(ballot.kind, (await createVotingRound(app.strapi, 'SHK', ballot.rules, ballot.fields)).roundId);
  });
  afterAll(() => context.close());

  it('registers, signs out and signs in again', async () => {
    const username = `keyboard-${mode}-${Date.now()}`;
    const password = 'Keyboard-Only-42';
    await page.goto('/en');
    await tabTo(page, t('layout.register'));
    await pressEnterAndLoad(page);
    await typeInto(page, t('register.username'), username);
    await typeInto(page, t('register.email'), `${username}@example.test`);
    await typeInto(page, t('register.password'), password);
    await tabTo(page, t('register.submit'));
    await pressEnterAndLoad(page);
    await expect(heading(page)).resolves.toBe(t('registered.title'));

    await tabTo(page, t('layout.signOut'));
    await pressEnterAndLoad(page);
    await expect(signedOut().count()).resolves.toBe(1);

    await tabTo(page, t('layout.signIn'));
    await pressEnterAndLoad(page);
    await typeInto(page, t('signIn.identifier'), username);
    await typeInto(page, t('signIn.password'), password);
    // Tab moves on from the password to the form's own button, past the header's link of the same name.
    await tabTo(page, t('signIn.submit'));
    await pressEnterAndLoad(page);
    await expect(signedOut().count()).resolves.toBe(0);
  });

  it('submits a proposal without its amount, follows the error to the field, and submits it put right', async () => {
    await page.goto(`/en/rounds/${fixtures.proposalsRound}`);
    await skipToMain(page);
    await tabTo(page, t('round.submitProposal'));
    await pressEnterAndLoad(page);
    await skipToMain(page);
    await typeInto(page, t('proposalForm.titleLabel'), 'Benches along the river walk');
    await typeInto(page, t('proposalForm.descriptionLabel'), 'Ten benches so that older people can rest on their walk.');
    // Tab stops once in a group of radios; the arrow keys choose within it.
    await tabTo(page, 'North');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /^1040-01 /);
    await page.keyboard.press('Space');
    await tabTo(page, t('proposalForm.submit'));
    await pressEnterAndLoad(page);
    expect(await statusOf(page)).toBe(400);

    // The error summary links to the field; following it puts the focus there, the other answers kept.
    await skipToMain(page);
    await tabTo(page, t('proposalForm.error.requestedAmount'));
    await page.keyboard.press('Enter');
    await expect(page.locator('*:focus').getAttribute('name')).resolves.toBe('requestedAmount');
    await page.keyboard.type('1500');
    await tabTo(page, t('proposalForm.submit'));
    await pressEnterAndLoad(page);
    expect(page.url()).toContain('?done=submitted');
    await expect(heading(page)).resolves.toBe('Benches along the river walk');
  });

  it.each(KEYBOARD_BALLOTS)('votes in a ballot of $kind: wrongly, put right, reviewed, confirmed; saves the receipt', async (ballot) => {
    const roundId = rounds.get(ballot.kind)!;
    await page.goto(`/en/rounds/${roundId}`);
    await skipToMain(page);
    await tabTo(page, t('round.vote'));
    await pressEnterAndLoad(page);
    await expect(heading(page)).resolves.toBe(t('ballot.chooseTitle'));

    await skipToMain(page);
    await ballot.fillWrongly(page);
    if (javaScriptEnabled && ballot.liveCount) await expect(page.locator('.ballot-tally').textContent()).resolves.toContain(ballot.liveCount);
    await tabTo(page, t('ballot.continue'));
    await pressEnterAndLoad(page);
    expect(await statusOf(page)).toBe(400);
    const errorField = ballot.errorField ?? 'choices';
    await expect(page.locator(`#${errorField}-error`).textContent()).resolves.toContain(t(ballot.error));
    await skipToMain(page);
    await tabTo(page, t(ballot.error));
    await page.keyboard.press('Enter');
    await expect(page.locator('*:focus').getAttribute('id')).resolves.toBe(errorField);
    await ballot.putRight(page);
    await tabTo(page, t('ballot.continue'));
    await pressEnterAndLoad(page);

    await expect(heading(page)).resolves.toBe(t('ballot.reviewTitle'));
    const listed = await page.locator('.ballot-choices li').allTextContents();
    expect(listed.map((item) => item.split(' – ')[0])).toEqual(ballot.review);
    await skipToMain(page);
    await tabTo(page, t('ballot.confirm'));
    await pressEnterAndLoad(page);

    await expect(heading(page)).resolves.toBe(t('ballot.castTitle'));
    const code = (await page.locator('.receipt-code').textContent())!;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
    receipts.set(ballot.kind, code);
    await skipToMain(page);
    await tabTo(page, t('ballot.save'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(readFileSync((await download.path())!, 'utf8')).toContain(code);

    await tabTo(page, t('ballot.backToRound', { round: 'Round' }));
    await pressEnterAndLoad(page);
    await expect(page.locator('main').textContent()).resolves.toContain(t('round.voteAgain'));
  });

  it('checks each receipt once voting has closed: the first from the round page, the others at the receipt check', async () => {
    for (const [index, ballot] of KEYBOARD_BALLOTS.entries()) {
      const roundId = rounds.get(ballot.kind)!;
      await getService(app.strapi, 'round').transition('SHK', roundId, 'close-voting', staff.id);
      if (index === 0) {
        await page.goto(`/en/rounds/${roundId}`);
        await skipToMain(page);
        await tabTo(page, t('round.seeResults'));
        await pressEnterAndLoad(page);
        await skipToMain(page);
        await tabTo(page, t('receipt.title'));
        await pressEnterAndLoad(page);
      } else await page.goto(`/en/rounds/${roundId}/receipt-check`);
      await skipToMain(page);
      await typeInto(page, t('receipt.code'), receipts.get(ballot.kind)!);
      await tabTo(page, t('receipt.submit'));
      await pressEnterAndLoad(page);
      await expect(page.locator('.receipt-answer').textContent()).resolves.toContain(t('receipt.found'));
    }
  });
});

/** Who reads the page: nobody signed in, or a citizen who may vote in every round. */
type Reader = 'visitor' | 'voter';

interface StateCase {
  name: string;
  as: Reader;
  /** The address after `/<lang>`. */
  path: () => string;
  /** Done on the page at `path` before the step whose answer is checked. */
  before?: (page: Page) => Promise<unknown>;
  /** The step whose answer is the state checked (a form submitted); without it, the page at `path`. */
  step?: (page: Page) => Promise<unknown>;
  status?: number;
}

/** Ticks the proposals with these titles (setup: the keyboard is tested above). */
const tick = async (page: Page, titles: string[]) => {
  for (const title of titles) await page.locator('main').getByLabel(title, { exact: true }).check();
};
const continueBallot = (page: Page) => submitMainForm(page, {});
const confirmBallot = (page: Page) => Promise.all([page.waitForNavigation(), page.locator('main form button[type="submit"]').first().press('Enter')]);

/** The states the flows above pass through, each checked in sq, en and vi. */
const STATES: StateCase[] = [
  { name: 'ballot review, within a budget', as: 'voter', path: () => `/rounds/${fixtures.withinBudget}/vote`, before: (page) => tick(page, ['Project 1', 'Project 3']), step: continueBallot },
  {
    name: 'ballot review, a ranking',
    as: 'voter',
    path: () => `/rounds/${fixtures.ranking}/vote`,
    // Project 3 first, then Project 1 (the fields' labels are in the page's language; their order is the ballot's).
    before: async (page) => {
      const positions = page.locator('main input[name^="rank-"]');
      await positions.nth(2).fill('1');
      await positions.nth(0).fill('2');
    },
    step: continueBallot,
  },
  { name: 'ballot over its budget', as: 'voter', path: () => `/rounds/${fixtures.withinBudget}/vote`, before: (page) => tick(page, ['Project 1', 'Project 2', 'Project 3']), step: continueBallot, status: 400 },
  { name: 'ballot with districts, none chosen', as: 'voter', path: () => `/rounds/${fixtures.withDistricts}/vote`, before: (page) => tick(page, ['Project 1']), step: continueBallot, status: 400 },
  { name: 'ballot with too many proposals', as: 'voter', path: () => `/rounds/${fixtures.pickTwo}/vote`, before: (page) => tick(page, ['Project 1', 'Project 2', 'Project 3']), step: continueBallot, status: 400 },
  {
    name: 'receipt',
    as: 'voter',
    path: () => `/rounds/${fixtures.pickTwo}/vote`,
    before: async (page) => {
      await tick(page, ['Project 2']);
      await continueBallot(page);
    },
    step: confirmBallot,
  },
  { name: 'published results', as: 'visitor', path: () => `/rounds/${fixtures.published.roundId}/results` },
  // The answer is reached through the form: a receipt code never travels in the address.
  {
    name: 'receipt check, found',
    as: 'visitor',
    path: () => `/rounds/${fixtures.published.roundId}/receipt-check`,
    step: async (page) => {
      await submitMainForm(page, { receiptCode: fixtures.published.counted });
      expect(await page.locator('main').innerText()).toContain(fixtures.published.counted);
    },
  },
  {
    name: 'receipt check, not found',
    as: 'visitor',
    path: () => `/rounds/${fixtures.published.roundId}/receipt-check`,
    step: async (page) => {
      await submitMainForm(page, { receiptCode: fixtures.published.replaced });
      expect(page.url()).not.toContain(fixtures.published.replaced);
    },
  },
  { name: 'decision', as: 'visitor', path: () => '/municipalities/SHK/decisions/1' },
  { name: 'implementation', as: 'visitor', path: () => `/proposals/${fixtures.published.funded}/implementation` },
];

describe.each(SWEEP_LANGUAGES)('the states of the flows in %s', (lang) => {
  const contexts: BrowserContext[] = [];
  const pages = {} as Record<Reader, Page>;
  beforeAll(async () => {
    for (const reader of ['visitor', 'voter'] as const) {
      const context = await newContext();
      contexts.push(context);
      if (reader === 'voter') await signInThroughForm(context, await createPerson(app.strapi, 'citizen'));
      pages[reader] = await context.newPage();
    }
  });
  afterAll(() => Promise.all(contexts.map((context) => context.close())));

  it.each(STATES)('$name: no axe violations, reflows at 320 px, light', async ({ as, path, before, step, status = 200 }) => {
    const page = pages[as];
    const address = `/${lang}${path()}`;
    if (step) {
      await page.goto(address);
      await before?.(page);
    }
    const bytes = await transferredBytes(page, step ? () => step(page) : address);
    expect(await statusOf(page)).toBe(status);
    await expectPageFitsEveryone(page, bytes, lang);
  });
});
