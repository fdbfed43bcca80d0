import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../harness/app';
import { bootWithMunicipality, createProposal, createRound } from '../harness/fixtures';
import { createPerson, type TestPerson } from '../harness/people';
import { launchBrowser, newPortalContext, pressEnterAndLoad, signInThroughForm, statusOf, tabTo, typeInto } from '../harness/browser';
import { describeEveryPage, type PageCase } from '../harness/page-suite';
import { getService } from '../../plugins/participation/server/src/utils/get-service';
import type { BudgetLineValues } from '../../plugins/participation/server/src/domain/budget-lines/budget-line-input';
import { translatorFor } from '../../plugins/participation/portal/src/i18n/translator';

/**
 * The budget lines and residence verification screens of the staff workspace in a real Chromium: every
 * page in each state in sq, en and vi (axe, reflow at 320 px, weight), and with the keyboard alone and
 * JavaScript off, a member of staff adds a budget line and imports a CSV after its dry run.
 */
interface Fixtures {
  line: string;
  referenced: string;
  waiting: number;
  verified: number;
}

const IMPORT_CSV = 'fiscal_year;code;name;approved;gender_marker\n2026;ROADS;Roads and bridges;150000;closes_gender_gaps\n2026;NEW-1;Street lights;2000;none';

const PAGES: Array<PageCase<Fixtures, 'staff'>> = [
  { name: 'budget lines of a year', as: 'staff', path: () => '/workspace/SHK/budget-lines?year=2026' },
  { name: 'budget lines, just added', as: 'staff', path: () => '/workspace/SHK/budget-lines?year=2025&done=created' },
  { name: 'a new line', as: 'staff', path: () => '/workspace/SHK/budget-lines/new' },
  { name: 'a new line with errors', as: 'staff', path: () => '/workspace/SHK/budget-lines/new', submit: { fiscalYear: 'soon', code: 'a b', approved: '-1', sdgTargets: '42' }, status: 400 },
  { name: 'changing a line', as: 'staff', path: ({ line }) => `/workspace/SHK/budget-lines/${line}/edit` },
  { name: 'deleting a line, the check', as: 'staff', path: ({ line }) => `/workspace/SHK/budget-lines/${line}/delete` },
  { name: 'deleting a line that proposals name, refused', as: 'staff', path: ({ referenced }) => `/workspace/SHK/budget-lines/${referenced}/delete`, submit: {}, status: 409 },
  { name: 'the CSV import', as: 'staff', path: () => '/workspace/SHK/budget-lines/import' },
  { name: 'the CSV import with problems', as: 'staff', path: () => '/workspace/SHK/budget-lines/import', submit: { csv: 'fiscal_year;code;name;approved\n2026;a b;X;-1\n2026;OK' }, status: 400 },
  { name: 'the dry run, old beside new', as: 'staff', path: () => '/workspace/SHK/budget-lines/import', submit: { csv: IMPORT_CSV } },
  { name: 'residents waiting for verification', as: 'staff', path: () => '/workspace/SHK/participants' },
  { name: 'verified residents, one just verified', as: 'staff', path: () => '/workspace/SHK/participants?list=verified&done=verified' },
  { name: 'verifying a resident, the check', as: 'staff', path: ({ waiting }) => `/workspace/SHK/participants/${waiting}/verify` },
  { name: 'taking a verification back, the check', as: 'staff', path: ({ verified }) => `/workspace/SHK/participants/${verified}/revoke` },
];

let app: TestApp;
let browser: Browser;
let staff: TestPerson;
let fixtures: Fixtures;

const LINE: Omit<BudgetLineValues, 'fiscalYear' | 'code' | 'name' | 'approvedMinor' | 'revisedMinor'> = {
  programme: null, functionalClassification: null, committedMinor: '0', spentMinor: '0', genderMarker: 'none', youthMarker: 'none', sdgTargets: [],
};

beforeAll(async () => {
  browser = await launchBrowser();
  ({ app, staff } = await bootWithMunicipality('SHK', 'Shkodër'));
  const lines = getService(app.strapi, 'budget-line');
  const roads = await lines.create('SHK', { ...LINE, fiscalYear: 2026, code: 'ROADS', name: 'Rrugët – Roads', approvedMinor: '12500000', revisedMinor: '13000000', sdgTargets: ['11.2'] });
  await lines.create('SHK', { ...LINE, fiscalYear: 2025, code: 'PARKS', name: 'Parqet – Parks', approvedMinor: '500000', revisedMinor: '500000' });
  const referenced = await lines.create('SHK', { ...LINE, fiscalYear: 2026, code: 'SCHOOLS', name: 'Shkollat – Schools', approvedMinor: '900000', revisedMinor: '900000' });
  await createProposal(app.strapi, await createRound(app.strapi, 'SHK'), 'SHK', { budgetLineCodes: ['SCHOOLS'] });
  const profiles = getService(app.strapi, 'participant-profile');
  const waiting = await createPerson(app.strapi, 'citizen');
  const verified = await createPerson(app.strapi, 'citizen');
  await profiles.declare(waiting.id, { residenceMunicipalityCode: 'SHK', birthDate: '1988-11-30' });
  await profiles.declare(verified.id, { residenceMunicipalityCode: 'SHK', birthDate: null });
  await profiles.verify(verified.id, 'SHK');
  fixtures = { line: roads.documentId, referenced: referenced.documentId, waiting: waiting.id, verified: verified.id };
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const t = translatorFor('en').t;

describeEveryPage('every budget-line and verification page', PAGES, () => ({ browser, baseUrl: app.baseUrl, fixtures, readers: { staff } }));

describe('with the keyboard alone, JavaScript off', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newPortalContext(browser, app.baseUrl, { javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    await signInThroughForm(context, staff);
    page = await context.newPage();
  });
  afterAll(() => context.close());

  const lineCoded = async (code: string, fiscalYear = 2026) =>
    (await getService(app.strapi, 'budget-line').find({ municipalityCode: 'SHK', fiscalYear }, { page: 1, pageSize: 100 })).data.find((line) => line.code === code);

  it('adds a budget line from the workspace, correcting a mistake the form points out', async () => {
    await page.goto('/en/workspace');
    await tabTo(page, 'Shkodër');
    await pressEnterAndLoad(page);
    await tabTo(page, t('workspace.tool.budgetLines.title'));
    await pressEnterAndLoad(page);
    await tabTo(page, t('wsBudget.add'));
    await pressEnterAndLoad(page);
    await typeInto(page, t('wsBudget.field.code'), 'LIB-7');
    await typeInto(page, t('wsBudget.field.name'), 'Biblioteka – Library');
    await typeInto(page, t('wsBudget.amountLabel', { field: t('budget.approved'), currency: 'ALL' }), '75000,5');
    await tabTo(page, t('wsBudget.create'));
    await pressEnterAndLoad(page);
    expect(await statusOf(page)).toBe(400);
    // The error summary names the field; the typed values are kept, only the amount is typed again.
    await expect(page.locator('.error-summary a[href="#approved"]').textContent()).resolves.toBe(t('wsBudget.error.amount'));
    await typeInto(page, t('wsBudget.amountLabel', { field: t('budget.approved'), currency: 'ALL' }), '75000.50');
    await tabTo(page, t('wsBudget.create'));
    await pressEnterAndLoad(page);
    // The list opened on its latest year, and the new line took that year.
    expect(new URL(page.url()).search).toBe('?year=2026&done=created');
    await expect(page.locator('main [role="status"]').textContent()).resolves.toBe(t('wsBudget.done.created'));
    expect(await lineCoded('LIB-7')).toMatchObject({ name: 'Biblioteka – Library', amounts: { approved: '75000.50' } });
  });

  it('imports a pasted CSV after its dry run shows the old and new values', async () => {
    await page.goto('/en/workspace/SHK/budget-lines?year=2026');
    await tabTo(page, t('wsBudget.import'));
    await pressEnterAndLoad(page);
    await typeInto(page, t('wsBudget.csvLabel'), IMPORT_CSV);
    await tabTo(page, t('wsBudget.dryRun'));
    await pressEnterAndLoad(page);
    expect(await statusOf(page)).toBe(200);
    const changes = page.getByRole('region', { name: t('wsBudget.changesCaption') });
    await expect(changes.getByRole('row', { name: /ROADS 2026 Name Rrugët – Roads Roads and bridges/ }).count()).resolves.toBe(1);
    await expect(changes.getByRole('row', { name: /ROADS 2026 Gender marker Not targeted Closes gender gaps/ }).count()).resolves.toBe(1);
    await expect(changes.getByRole('row', { name: /NEW-1 2026 New line/ }).count()).resolves.toBe(1);
    expect((await lineCoded('ROADS'))!.name).toBe('Rrugët – Roads');
    await tabTo(page, t('wsBudget.apply'));
    await pressEnterAndLoad(page);
    expect(new URL(page.url()).search).toBe('?year=2026&done=imported');
    await expect(page.locator('main [role="status"]').textContent()).resolves.toBe(t('wsBudget.done.imported'));
    expect(await lineCoded('ROADS')).toMatchObject({ name: 'Roads and bridges', genderMarker: 'closes_gender_gaps', amounts: { approved: '150000.00' } });
    expect(await lineCoded('NEW-1')).toMatchObject({ name: 'Street lights', amounts: { approved: '2000.00' } });
  });

  it('uploads a CSV file as multipart/form-data and shows its dry run', async () => {
    await page.goto('/en/workspace/SHK/budget-lines/import');
    await page.locator('input[type="file"]').setInputFiles({ name: 'budget.csv', mimeType: 'text/csv', buffer: Buffer.from('fiscal_year;code;name;approved\n2026;FILE-1;From a file;10\n') });
    await tabTo(page, t('wsBudget.dryRun'));
    await pressEnterAndLoad(page);
    expect(await statusOf(page)).toBe(200);
    await expect(page.getByRole('row', { name: /FILE-1 2026 New line/ }).count()).resolves.toBe(1);
    expect(await lineCoded('FILE-1')).toBeUndefined();
    await tabTo(page, t('wsBudget.apply'));
    await pressEnterAndLoad(page);
    expect(await lineCoded('FILE-1')).toMatchObject({ name: 'From a file' });
  });
});
