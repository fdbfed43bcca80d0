// Functions passed to page.evaluate() run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bootApp, type TestApp } from '../harness/app';
import { createAdminUser, createAdminUserWith, ensureAdminBuild } from '../harness/admin';
import { ADMIN_ACTIONS } from '../../plugins/participation/server/src/constants/admin-actions';
import { expectNoAxeViolations, launchBrowser } from '../harness/browser';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';

/**
 * The administrator's screens in the real admin panel, in Chromium: an administrator signs in at /admin,
 * makes a new person moderator of Korçë, adds a municipality (a refused code first), reads an overview and
 * checks and runs a budget-line import; each screen passes axe (the plugin's area) in en and vi.
 */
let app: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let newcomer: TestPerson;
const PLUGIN = '/admin/plugins/participation';

const signIn = async (credentials: { email: string; password: string }, into: Page = page) => {
  await into.goto('/admin/auth/login');
  await into.getByLabel('Email').fill(credentials.email);
  await into.getByLabel('Password').fill(credentials.password);
  await into.getByLabel('Password').press('Enter');
  await into.waitForURL((url) => !url.pathname.includes('/auth/'));
};

/**
 * The plugin's area of the admin panel (Strapi's own menus are Strapi's to keep accessible), with the
 * pointer moved off it: the design system's hover colour of a primary button (#7b79ff under white text)
 * is below AA, and only the resting state is what every reader gets.
 */
const expectPluginAreaAccessible = async () => {
  await page.mouse.move(0, 0);
  await expectNoAxeViolations(page, { include: 'main' });
};

/** Opens a select with the keyboard and picks an option. */
const chooseOption = async (combobox: string, option: string) => {
  const select = page.getByRole('combobox', { name: combobox });
  await select.focus();
  await select.press('Enter');
  await page.getByRole('option', { name: option }).click();
};

beforeAll(async () => {
  ensureAdminBuild();
  app = await bootApp({ serveAdminPanel: true });
  await createMunicipality(app.strapi, 'KOR', 'Korçë');
  await createMunicipality(app.strapi, 'TIR', 'Tirana');
  newcomer = await createPerson(app.strapi, 'citizen');
  const credentials = await createAdminUser(app.strapi);
  browser = await launchBrowser();
  context = await browser.newContext({ baseURL: app.baseUrl, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await signIn(credentials);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the administrator', () => {
  it('makes a new person moderator of Korçë', async () => {
    await page.goto(`${PLUGIN}/people`);
    await page.getByRole('heading', { name: 'People and roles', level: 1 }).waitFor();
    await expectPluginAreaAccessible();

    await page.getByLabel('Find a person by username or email').fill(newcomer.username);
    await page.getByLabel('Find a person by username or email').press('Enter');
    // One person found: already chosen.
    await page.getByRole('combobox', { name: 'Person' }).waitFor();
    await expect(page.getByRole('combobox', { name: 'Person' }).textContent()).resolves.toContain(newcomer.username);
    await chooseOption('Role', 'Moderator');
    await chooseOption('Municipalities', 'Korçë (KOR)');
    await page.keyboard.press('Escape');
    await expectPluginAreaAccessible();
    await page.getByRole('button', { name: 'Give the role' }).click();

    await page.getByText(`${newcomer.username} is now Moderator in Korçë.`).waitFor();
    const row = page.getByRole('row').filter({ hasText: newcomer.username });
    await expect(row.textContent()).resolves.toMatch(/Moderator.*Korçë/);
    const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: newcomer.id }, populate: ['role'] });
    expect(user.role.type).toBe('moderator');
    const actor = await app.strapi.plugin('participation').service('access').actorFor({ id: newcomer.id, role: { type: 'moderator' } });
    expect(actor.municipalityCodes).toEqual(['KOR']);
    await expectPluginAreaAccessible();
  });

  it('adds a municipality, told beside the field what is wrong first', async () => {
    await page.goto(PLUGIN);
    await page.getByRole('heading', { name: 'Municipalities', level: 1 }).waitFor();
    await expectPluginAreaAccessible();
    await page.getByLabel('Name', { exact: false }).first().fill('Berat');
    await page.getByLabel('Code').fill('BER AT');
    await page.getByRole('button', { name: 'Add the municipality' }).click();
    await page.getByText('is 1 to 32 capital letters, digits and hyphens, e.g. KOR', { exact: true }).waitFor();
    await expectPluginAreaAccessible();
    await page.getByLabel('Code').fill('BER');
    await page.getByRole('button', { name: 'Add the municipality' }).click();
    await page.getByRole('link', { name: 'Berat' }).waitFor();
    expect(await app.strapi.db.query('plugin::participation.municipality').count({ where: { code: 'BER' } })).toBe(1);
  });

  it('reads the overview of Korçë', async () => {
    await page.goto(`${PLUGIN}/overview/KOR`);
    await page.getByRole('heading', { name: 'Overview: Korçë', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Turnout by channel' }).waitFor();
    await expectPluginAreaAccessible();
  });

  it('checks a budget-line file, imports it, and sees old and new values of a change', async () => {
    const upload = async (csv: string) => {
      await page.locator('input[type="file"]').setInputFiles({ name: 'budget.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Check the file' }).click();
    };
    await page.goto(`${PLUGIN}/import`);
    await page.getByRole('heading', { name: 'Import budget lines', level: 1 }).waitFor();
    await chooseOption('Municipality', 'Korçë (KOR)');
    await upload('fiscal_year;code;name;approved\n2026;1040-01;Home care;1 250 000,00\n');
    await page.getByText('The file is valid: 1 new, 0 changed, 0 unchanged.').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported: 1 new, 0 changed, 0 unchanged.').waitFor();

    await upload('fiscal_year;code;name;approved\n2026;1040-01;Home care;1 300 000,00\n');
    const change = page.getByRole('row').filter({ hasText: 'Approved amount' });
    await change.waitFor();
    await expect(change.textContent()).resolves.toMatch(/1\u202f250\u202f000\.00 ALL.*1\u202f300\u202f000\.00 ALL/);
    await expectPluginAreaAccessible();
  });

  // Albanian is not among the admin panel's languages (src/admin/app.tsx says why); the portal's workspaces are.
  it.each([
    ['vi', 'Người và vai trò'],
    ['en', 'People and roles'],
  ])('sees the screens in %s', async (language, heading) => {
    await page.evaluate((chosen) => window.localStorage.setItem('strapi-admin-language', chosen), language);
    for (const path of ['/people', '', '/overview/KOR', '/import']) {
      await page.goto(`${PLUGIN}${path}`);
      if (path === '/people') await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      else await page.locator('main h1').waitFor();
      await expectPluginAreaAccessible();
    }
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
