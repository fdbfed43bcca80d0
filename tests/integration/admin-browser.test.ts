// Functions passed to page.evaluate() run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bootApp, type TestApp } from '../harness/app';
import { createAdminUser, createAdminUserWith, ensureAdminBuild } from '../harness/admin';
import { ADMIN_ACTIONS } from '../../plugins/participation/server/src/constants/admin-actions';
import { SWEEP_LANGUAGES, arrowTo, expectNoAxeViolations, launchBrowser, tabTo } from '../harness/browser';
import { createVotingRound } from '../harness/fixtures';
import { createMunicipality, createPerson } from '../harness/people';
import { getService } from '../../plugins/participation/server/src/utils/get-service';
import en from '../../plugins/participation/admin/src/translations/en.json';
import sq from '../../plugins/participation/admin/src/translations/sq.json';
import vi from '../../plugins/participation/admin/src/translations/vi.json';

/**
 * The administrator's screens in the real admin panel, in Chromium, in each of its languages for the
 * plugin (English, Vietnamese, and Albanian for an admin whose profile asks for it): from the keyboard
 * only (Tab to reach a control, Enter or Space to use it, arrows inside an open list, typing into fields),
 * an administrator makes a new person moderator of Korçë and takes it away, adds a municipality (a refused
 * code first), reads an overview, and checks and runs a budget-line import. axe checks the plugin's area
 * of each screen in every state on the way: empty, filled in, refused, saved.
 */
let app: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let adminEmail: string;
const PLUGIN = '/admin/plugins/participation';
const CATALOGUES = { en, vi, sq } as const;
type Language = keyof typeof CATALOGUES;

/** A plugin message in a language, with its `{placeholders}` filled in. */
const text = (language: Language, key: keyof typeof en, values: Record<string, string | number> = {}) =>
  Object.entries(values).reduce<string>((message, [name, value]) => message.replace(`{${name}}`, String(value)), CATALOGUES[language][key]);

const signIn = async (credentials: { email: string; password: string }, into: Page = page) => {
  await into.goto('/admin/auth/login');
  await into.getByLabel('Email').fill(credentials.email);
  await into.getByLabel('Password').fill(credentials.password);
  await into.getByLabel('Password').press('Enter');
  await into.waitForURL((url) => !url.pathname.includes('/auth/'));
};

/**
 * The admin's language, as their profile stores it: the panel applies it on every load. (Albanian is not
 * in the profile's picker in Strapi 5.54, which is why the test sets it here; src/admin/app.tsx says more.)
 */
const speak = async (language: Language) => {
  await app.strapi.db.query('admin::user').update({ where: { email: adminEmail }, data: { preferedLanguage: language } });
};

/** Opens a screen and waits for its heading and for the panel to speak the admin's language. */
const open = async (path: string, heading: string | RegExp, language: Language) => {
  await page.goto(`${PLUGIN}${path}`);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
};

/**
 * The plugin's area of the admin panel (Strapi's own menus are Strapi's to keep accessible), with the
 * pointer off it: the design system's hover colour of a primary button (#7b79ff under white text) is
 * below AA, and only the resting state is what every reader gets.
 */
const expectPluginAreaAccessible = async () => {
  await page.mouse.move(0, 0);
  await expectNoAxeViolations(page, { include: 'main' });
};

/**
 * A name by its start: a required field's label ends in the design system's asterisk, and a person's cell
 * in the roles table goes on with their email.
 */
const startingWith = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** The text of the option the open list has focused or highlighted (Radix moves real focus to it). */
const currentOption = () =>
  page.evaluate(() => (document.activeElement?.closest('[role="option"]') ?? document.querySelector('[role="option"][data-highlighted]'))?.textContent ?? null);

/** Waits until the open list has an option current other than `before` (null: any option). */
const currentOptionChange = (before: string | null, timeout?: number) =>
  page.waitForFunction(
    (previous) => {
      const current = (document.activeElement?.closest('[role="option"]') ?? document.querySelector('[role="option"][data-highlighted]'))?.textContent ?? null;
      return current !== null && current !== previous;
    },
    before,
    { timeout }
  );

/**
 * Tabs to a list box, opens it with Enter, moves with the arrow keys to the option and takes it with Enter.
 * A list that takes several choices stays open: Escape closes it.
 */
const chooseByKeyboard = async (combobox: string, option: string, { several = false } = {}) => {
  await tabTo(page, startingWith(combobox), { role: 'combobox' });
  await page.keyboard.press('Enter');
  // The list's options may still be loading when it opens, and the list takes focus only once it is placed
  // on the page: on a loaded machine arrow keys pressed before then go nowhere, so each key waits for its effect.
  await page.getByRole('option').filter({ hasText: option }).first().waitFor();
  await currentOptionChange(null);
  const passed: (string | null)[] = [];
  for (let current = await currentOption(); !passed.includes(current); current = await currentOption()) {
    if (current?.includes(option)) {
      await page.keyboard.press('Enter');
      if (several) await page.keyboard.press('Escape');
      // The list hands focus back to its box as it closes: wait for that, or a slow machine gives it back
      // after the next Tab has moved on, and the next key lands in the list box again.
      await page.getByRole('listbox').waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
      return;
    }
    passed.push(current);
    await page.keyboard.press('ArrowDown');
    // The last option stays current after ArrowDown: the loop ends when an option comes round again.
    await currentOptionChange(current, 3_000).catch(() => undefined);
  }
  throw new Error(`"${option}" is not among the options of ${combobox}: the arrow keys went through ${JSON.stringify(passed)}`);
};

/** Tabs to a text field and types into it (Tab into a field selects what it held: typing replaces it). */
const typeInto = async (label: string, typed: string) => {
  await tabTo(page, startingWith(label), { role: 'textbox' });
  await page.keyboard.type(typed);
};

/**
 * Tabs to a button and presses it with Space (Enter would do too; Space is the one links ignore). A button
 * that is disabled until the screen is ready (a file still being read) is waited for first, as a person would.
 */
const pressButton = async (name: string) => {
  await page.waitForFunction(
    (label) => Array.from(document.querySelectorAll('button')).some((button) => button.textContent?.trim() === label && !button.disabled),
    name
  );
  await tabTo(page, name, { role: 'button' });
  await page.keyboard.press('Space');
};

/** Tabs to the file input, opens its chooser with Space and picks a CSV file. */
const chooseCsv = async (label: string, csv: string) => {
  await tabTo(page, label);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles({ name: 'budget.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
};

beforeAll(async () => {
  await ensureAdminBuild();
  app = await bootApp({ serveAdminPanel: true });
  await createMunicipality(app.strapi, 'KOR', 'Korçë');
  await createMunicipality(app.strapi, 'TIR', 'Tirana');
  await createMunicipality(app.strapi, 'EMP', 'Quiet');
  await createVotingRound(app.strapi, 'KOR', { kind: 'approval', maxProjects: 3, countingRule: 'greedy_cost' });
  // This year's budget of Korçë, for its overview's money by marker.
  await app.strapi.documents('plugin::participation.budget-line').create({
    data: { municipalityCode: 'KOR', fiscalYear: new Date().getUTCFullYear(), code: '0950-01', name: 'Youth centre', approvedMinor: '200000000', genderMarker: 'closes_gender_gaps' } as never,
  });
  // An open consultation of Korçë, closing on a winter evening: its overview says when, on Tirana's clock.
  // Written through the service by an account that holds no role, so the people screen starts empty.
  const author = await createPerson(app.strapi, 'citizen');
  const consultations = getService(app.strapi, 'consultation');
  const consultation = await consultations.create(
    'KOR',
    { topic: 'Parks', questions: [{ id: 'q1', text: 'Which park needs work?' }], targetGroups: [], opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: '2030-02-12T17:00:00.000Z' },
    author.id
  );
  await consultations.transition('KOR', consultation.documentId, 'open');
  const credentials = await createAdminUser(app.strapi);
  adminEmail = credentials.email;
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: app.baseUrl, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  // Playwright intercepts a file chooser only while the page has a listener for it, and turning that on is
  // not awaited: a listener added just before the key press (waitForEvent) can lose the race to the chooser
  // the press opens, which then never reaches the test (CI once waited 30 s for one). This listener keeps
  // interception on for the page's whole life.
  page.on('filechooser', () => undefined);
  await signIn(credentials);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the administrator', () => {
  // Before anything is assigned or imported: the screens as a new installation shows them.
  it.each(SWEEP_LANGUAGES)('finds every screen accessible while empty, in %s', async (language) => {
    await speak(language);
    await open('/people', text(language, 'people.title'), language);
    await page.getByText(text(language, 'people.noHolders')).waitFor();
    await expectPluginAreaAccessible();
    await open('', text(language, 'municipalities.title'), language);
    await expectPluginAreaAccessible();
    await open('/overview/EMP', `${text(language, 'overview.title')}: Quiet`, language);
    await page.getByText(text(language, 'money.noBudget')).waitFor();
    await page.getByRole('rowheader', { name: text(language, 'indicators.decisionsPublished') }).waitFor();
    await expectPluginAreaAccessible();
    await open('/programme-indicators', text(language, 'indicators.title'), language);
    await expectPluginAreaAccessible();
    await open('/import', text(language, 'import.title'), language);
    await expectPluginAreaAccessible();
  });

  describe.each(SWEEP_LANGUAGES)('from the keyboard, in %s', (language) => {
    const say = (key: keyof typeof en, values?: Record<string, string | number>) => text(language, key, values);
    beforeAll(() => speak(language));

    it('makes a new person moderator of Korçë, refused first without a role, and takes it away', async () => {
      const newcomer = await createPerson(app.strapi, 'citizen');
      await open('/people', say('people.title'), language);
      await typeInto(say('people.search'), newcomer.username);
      await page.keyboard.press('Enter');
      // One person found: already chosen.
      await page.getByRole('combobox', { name: say('people.person') }).waitFor();
      await expect(page.getByRole('combobox', { name: say('people.person') }).textContent()).resolves.toContain(newcomer.username);
      await chooseByKeyboard(say('people.municipalities'), 'Korçë (KOR)', { several: true });
      await expectPluginAreaAccessible();

      await pressButton(say('people.assignButton'));
      await page.getByText(/is one of municipal-staff, moderator, cso-facilitator/).first().waitFor();
      await expectPluginAreaAccessible();

      await chooseByKeyboard(say('people.role'), say('role.moderator'));
      const assigned = page.waitForResponse((answer) => answer.url().endsWith('/participation/role-assignments') && answer.request().method() === 'POST');
      await pressButton(say('people.assignButton'));
      const answer = await assigned;
      expect({ status: answer.status(), body: answer.ok() ? 'ok' : await answer.text() }).toEqual({ status: 200, body: 'ok' });
      // The confirmation is a notice that goes away by itself after a few seconds: on a slow machine it can be
      // gone before it is looked for, so the test waits for what it confirms, the newcomer's row with the role.
      await page.getByRole('row').filter({ hasText: newcomer.username }).filter({ hasText: say('role.moderator') }).first().waitFor({ timeout: 60_000 });
      const access = app.strapi.plugin('participation').service('access');
      expect((await access.actorFor({ id: newcomer.id, role: { type: 'moderator' } })).municipalityCodes).toEqual(['KOR']);
      await expectPluginAreaAccessible();

      // The roles table is a grid with one tab stop, its current cell (at first the "Person" heading): the
      // arrow keys go down to the newcomer's row and across to the button in its municipalities cell.
      await tabTo(page, say('people.person'), { role: 'gridcell' });
      await arrowTo(page, 'ArrowDown', startingWith(`${newcomer.username} <`), { role: 'gridcell' });
      await arrowTo(page, 'ArrowRight', say('people.revokeLabel', { role: say('role.moderator'), person: newcomer.username, where: 'Korçë' }), { role: 'button' });
      await page.keyboard.press('Enter');
      await page.getByText(say('people.revoked', { person: newcomer.username, role: say('role.moderator'), where: 'Korçë' })).waitFor();
      const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: newcomer.id }, populate: ['role'] });
      expect(user.role.type).toBe('authenticated');
      await expectPluginAreaAccessible();
    });

    it('adds a municipality, told beside the field what is wrong first', async () => {
      const code = `B${language.toUpperCase()}`;
      await open('', say('municipalities.title'), language);
      await typeInto(say('municipalities.name'), `Berat ${language}`);
      await typeInto(say('municipalities.code'), `${code} X`);
      await expectPluginAreaAccessible();
      await pressButton(say('municipalities.create'));
      await page.getByText('is 1 to 32 capital letters, digits and hyphens, e.g. KOR', { exact: true }).waitFor();
      await expectPluginAreaAccessible();

      // The values are kept: only the code is written again.
      await typeInto(say('municipalities.code'), code);
      await pressButton(say('municipalities.create'));
      await page.getByRole('link', { name: `Berat ${language}` }).waitFor();
      expect(await app.strapi.db.query('plugin::participation.municipality').count({ where: { code } })).toBe(1);
      await expectPluginAreaAccessible();
    });

    it('reads the overview of Korçë, with its round, its money by marker and its programme indicators', async () => {
      await open('/overview/KOR', `${say('overview.title')}: Korçë`, language);
      await page.getByRole('heading', { name: say('overview.turnout') }).waitFor();
      await page.getByText(say('phase.voting')).first().waitFor();
      // 17:00 UTC is 18:00 in Korçë, said with its zone whatever the browser's (UTC here).
      await page.getByText(/18:00|06:00\sPM/).filter({ hasText: /GMT\+1|CET/ }).first().waitFor();
      // The turnout table reads each round's figures with the round they are about.
      await page.getByRole('rowheader', { name: 'Round (2026)' }).waitFor();
      // Money by marker and this year's programme indicators, as tables with their captions and headings.
      const year = new Date().getUTCFullYear();
      await page.getByText(say('money.by.gender', { year })).waitFor();
      await page.getByRole('rowheader', { name: say('marker.gender.closes_gender_gaps') }).waitFor();
      await page.getByRole('columnheader', { name: say('money.approvedShare') }).first().waitFor();
      await page.getByText(say('indicators.caption', { municipalities: 'Korçë', from: year, to: year })).waitFor();
      await expectPluginAreaAccessible();

      // On to the programme screen, with Korçë and this year asked already.
      await tabTo(page, say('indicators.acrossMunicipalities'), { role: 'link' });
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: say('indicators.figures', { from: year, to: year }) }).waitFor();
      await page.getByRole('rowheader', { name: say('indicators.genderMunicipalities') }).waitFor();
      await expectPluginAreaAccessible();
      // A span running backwards is refused beside its field.
      await typeInto(say('indicators.toYear'), String(year - 1));
      await pressButton(say('indicators.show'));
      await page.getByText(`must not be before fromYear (${year})`).waitFor();
      await expectPluginAreaAccessible();
    });

    it('checks a budget-line file, sees its problems, imports a good one, and sees old and new values of a change', async () => {
      const line = `1040-${language}`;
      await open('/import', say('import.title'), language);
      await chooseByKeyboard(say('import.municipality'), 'Korçë (KOR)');
      await chooseCsv(say('import.file'), `fiscal_year;code;name;approved\n2026;${line};Home care;a lot\n`);
      await expectPluginAreaAccessible();
      await pressButton(say('import.check'));
      await page.getByText(say('import.invalid', { count: 1 })).waitFor();
      await expectPluginAreaAccessible();

      await chooseCsv(say('import.file'), `fiscal_year;code;name;approved\n2026;${line};Home care;1 250 000,00\n`);
      await pressButton(say('import.check'));
      await page.getByText(say('import.valid', { created: 1, updated: 0, unchanged: 0 })).waitFor();
      await expectPluginAreaAccessible();
      await pressButton(say('import.run'));
      await page.getByText(say('import.done', { created: 1, updated: 0, unchanged: 0 })).waitFor();
      await expectPluginAreaAccessible();

      await chooseCsv(say('import.file'), `fiscal_year;code;name;approved\n2026;${line};Home care;1 300 000,00\n`);
      await pressButton(say('import.check'));
      const change = page.getByRole('row').filter({ hasText: /1\u202f300\u202f000\.00 ALL/ });
      await change.waitFor();
      await expect(change.textContent()).resolves.toMatch(/1\u202f250\u202f000\.00 ALL.*1\u202f300\u202f000\.00 ALL/);
      await expectPluginAreaAccessible();
    });
  });

  it('edits a budget line’s amount in the Content Manager in lek, and the column keeps hundredths', async () => {
    await speak('en');
    const line = await app.strapi.documents('plugin::participation.budget-line').create({
      data: { municipalityCode: 'KOR', fiscalYear: 2026, code: '2040-01', name: 'Street lighting', approvedMinor: '125000050' },
    });
    await page.goto(`/admin/content-manager/collection-types/plugin::participation.budget-line/${line.documentId}`);
    const approved = page.getByRole('textbox', { name: /^Approved \(ALL\)/ });
    await approved.waitFor();
    await expect(approved.inputValue()).resolves.toBe('1 250 000.50');

    await approved.fill('1 300 000,755');
    await page.getByText(en['amount.invalid']).waitFor();
    await expect(approved.inputValue()).resolves.toBe('1 300 000,755');

    await approved.fill('1 300 000,75');
    const saved = page.waitForResponse((answer) => answer.url().includes(line.documentId) && answer.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    const stored = await app.strapi.db.query('plugin::participation.budget-line').findOne({ where: { documentId: line.documentId } });
    expect(String(stored.approvedMinor)).toBe('130000075');
  });

  it('is refused a screen whose action their role lacks, and is not offered it', async () => {
    const limited = await browser.newContext({ baseURL: app.baseUrl, viewport: { width: 1280, height: 900 } });
    const other = await limited.newPage();
    try {
      await signIn(await createAdminUserWith(app.strapi, [ADMIN_ACTIONS.readOverview]), other);
      await other.goto(`${PLUGIN}/overview/KOR`);
      await other.getByRole('heading', { name: 'Overview: Korçë', level: 1 }).waitFor();
      expect(await other.getByRole('link', { name: 'People and roles' }).count()).toBe(0);
      await other.goto(`${PLUGIN}/people`);
      await other.getByText("You don't have the permissions to access that content").waitFor();
    } finally {
      await limited.close();
    }
  });
});
