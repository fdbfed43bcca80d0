import type { TestApp } from '../harness/app';
import type { TestPerson } from '../harness/people';
import { advanceRound, bootWithMunicipality, createOwnMunicipality, createProposal, createRound } from '../harness/fixtures';
import { portalClient } from '../harness/portal-client';
import { getService } from '../../plugins/participation/server/src/utils/get-service';
import { decisionBody, implementationBody } from '../../plugins/participation/server/src/routes/content-api/validation/decisions';
import { APPROVE_HOME_CARE, DECISION_LOG_TABLE, dropAppendOnlyTriggers, fundYouthCentre, rewriteEntry } from '../harness/decision-log';
import { translatorFor } from '../../plugins/participation/portal/src/i18n/translator';

/**
 * The public decision log and a funded proposal's implementation as portal pages: decisions appended
 * through the services (as the API's controllers call them) show up with their amounts and links, the
 * log says it verifies, and says so no more once its rows are rewritten behind the triggers' back.
 */
let app: TestApp;
let staff: TestPerson;
let roundId: string;
let proposalId: string;
/** Selected with the funded one, but no decision funds it. */
let unfundedId: string;
const en = translatorFor('en');
const money = (amount: string) => en.money(amount, 'ALL');
/** A page's text as a reader sees it: React writes apostrophes as `&#x27;`. */
const readable = (html: string) => html.replace(/&#x27;/g, "'");

const createLine = (municipalityCode: string, code: string, name: string) =>
  app.strapi.documents('plugin::participation.budget-line').create({
    data: {
      municipalityCode, fiscalYear: 2026, code, name,
      approvedMinor: '200000000', revisedMinor: '200000000', committedMinor: '0', spentMinor: '0', genderMarker: 'none', youthMarker: 'none',
    } as never,
  });

/** A decision published as the API publishes it: the API's body schema, then the service. */
const publish = (municipalityCode: string, data: object, person: TestPerson = staff) =>
  getService(app.strapi, 'decision-log').publish(municipalityCode, decisionBody.parse({ data }).data, person.id);

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('SHK', 'Shkodër'));
  await createLine('SHK', '0950-01', 'Youth centres');
  await createLine('SHK', '1040-01', 'Home care');
  roundId = await createRound(app.strapi, 'SHK', { title: 'Youth round', totalBudgetMinor: '100000000' });
  proposalId = await createProposal(app.strapi, roundId, 'SHK', { title: 'Youth centre repairs', requestedMinor: '25000050', budgetLineCodes: ['0950-01'], proposalStatus: 'selected' });
  unfundedId = await createProposal(app.strapi, roundId, 'SHK', { title: 'Skate park', budgetLineCodes: ['0950-01'], proposalStatus: 'selected' });
  await advanceRound(app.strapi, roundId, 'results');
  await publish('SHK', fundYouthCentre(proposalId));
  await publish('SHK', APPROVE_HOME_CARE);
  await getService(app.strapi, 'implementation').update(
    'SHK',
    proposalId,
    implementationBody.parse({
      data: {
        progressPercent: 40,
        spent: '100000.10',
        milestones: [
          { title: 'Design with the youth council', dueDate: '2026-04-01', doneDate: '2026-03-28', status: 'done' },
          { title: 'Repairs', dueDate: '2026-07-01', status: 'in_progress' },
        ],
      },
    }).data,
    staff.id
  );
});
afterAll(() => app?.close());

describe('the decision log', () => {
  it('lists the entries, newest first, with amounts, council references and links to what they decide on', async () => {
    const page = await portalClient(app).get('/en/municipalities/SHK/decisions');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Decisions of Shkodër</h1>');
    expect(page.body.indexOf('Decision no. 2')).toBeLessThan(page.body.indexOf('Decision no. 1'));
    expect(page.body).toContain(`<a href="/en/proposals/${proposalId}">Proposal “Youth centre repairs”</a>`);
    expect(page.body).toContain('<a href="/en/municipalities/SHK/budget/2026">Budget line 1040-01, 2026</a>');
    expect(page.body).toContain(money('250000.50'));
    expect(page.body).toContain(money('900000.00'));
    expect(page.body).toContain('VKB nr. 45');
    expect(page.body).toContain('Selected in the youth round; funded from the youth centres line.');
    expect(page.body).toContain('href="/en/municipalities/SHK/decisions/1"');
    const { entry_hash: hash } = await app.strapi.db.connection(DECISION_LOG_TABLE).where({ municipality_code: 'SHK', sequence: 1 }).first('entry_hash');
    expect(page.body).toContain(`Hash ${hash.slice(0, 12)}…`);
    expect(page.body).toContain(`<code class="hash__full">${hash}</code>`);
    expect(readable(page.body)).toMatch(/The log's 2 entries verify: none changed or removed since the signed checkpoint of \w+ \d+, \d{4}\./);
  });

  it('shows one entry with its hashes and how to verify it yourself, with links the API answers', async () => {
    const page = await portalClient(app).get('/en/municipalities/SHK/decisions/1');
    expect(page.status).toBe(200);
    const entry = await getService(app.strapi, 'decision-log').findOne('SHK', 1);
    expect(page.body).toContain(`<h1>Decision no. 1 of Shkodër</h1>`);
    expect(page.body).toContain(entry.previousHash);
    expect(page.body).toContain(`npm run verify-log -- decision-log-SHK.json --head ${entry.hash} --checkpoint checkpoint-SHK-1.json --key signing-key.json`);
    for (const link of [
      '/api/participation/municipalities/SHK/decision-log/export',
      '/api/participation/municipalities/SHK/decision-log/checkpoint?size=1',
      '/api/participation/decision-log/signing-key',
    ]) {
      expect(page.body).toContain(`href="${link}"`);
      expect((await app.http().get(link)).status).toBe(200);
    }
  });

  it('answers an unknown municipality or entry with a 404 page in the page’s language', async () => {
    const browser = portalClient(app);
    for (const path of ['/en/municipalities/NOPE/decisions', '/en/municipalities/NOPE/decisions/1', '/en/municipalities/SHK/decisions/99', '/en/municipalities/SHK/decisions/first']) {
      const page = await browser.get(path);
      expect([path, page.status]).toEqual([path, 404]);
      expect(page.body).toContain('<h1>Page not found</h1>');
    }
    expect((await browser.get('/en/municipalities/SHK/decisions?page=none')).status).toBe(400);
  });

  it('is linked from the municipality page', async () => {
    expect((await portalClient(app).get('/en/municipalities/SHK')).body).toContain('href="/en/municipalities/SHK/decisions"');
  });
});

describe('implementation of a funded proposal', () => {
  it('shows the funding, spending against it, progress in figures and the milestones with dates and status', async () => {
    const page = await portalClient(app).get(`/en/proposals/${proposalId}/implementation`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Carrying out: Youth centre repairs</h1>');
    expect(page.body).toContain(`${money('100000.10')} spent of ${money('250000.50')} (40%)`);
    expect(page.body).toContain(money('150000.40'));
    expect(page.body).toContain('<a href="/en/municipalities/SHK/decisions/1">Decision no. 1</a>');
    expect(page.body).toContain('40% done');
    expect(page.body).toContain('Design with the youth council');
    expect(page.body).toContain('Done · due April 1, 2026 · done on March 28, 2026');
    expect(page.body).toContain('Under way · due July 1, 2026');
  });

  it('is linked from the proposal page and the budget page', async () => {
    const proposal = await portalClient(app).get(`/en/proposals/${proposalId}`);
    expect(proposal.body).toContain('Decision and implementation');
    expect(proposal.body).toContain(`Funded with ${money('250000.50')} from budget line 0950-01 (decision no. 1)`);
    expect(proposal.body).toContain(`href="/en/proposals/${proposalId}/implementation"`);
    const budget = await portalClient(app).get('/en/municipalities/SHK/budget/2026');
    expect(budget.body).toContain('What participatory budgeting funded');
    expect(budget.body).toContain(`<a href="/en/proposals/${proposalId}/implementation">Youth centre repairs</a>`);
    expect(budget.body).toContain(`${money('250000.50')} committed, ${money('100000.10')} spent, 40% done`);
  });

  it('says when no decision funds a proposal, and 404 for an unknown one', async () => {
    const page = await portalClient(app).get(`/en/proposals/${unfundedId}/implementation`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('No decision funds this proposal at the moment.');
    expect((await portalClient(app).get(`/en/proposals/${unfundedId}`)).body).toContain('No decision funds this proposal yet.');
    expect((await portalClient(app).get('/en/proposals/nope/implementation')).status).toBe(404);
  });
});

describe('a log rewritten behind the triggers’ back', () => {
  beforeAll(() => dropAppendOnlyTriggers(app));

  /** A municipality of its own with two entries, so the rewrite touches no other test's log. */
  const tamperableLog = async () => {
    const { code, staff: municipalStaff } = await createOwnMunicipality(app.strapi, 'TMP');
    await createLine(code, '1040-01', 'Home care');
    await publish(code, APPROVE_HOME_CARE, municipalStaff);
    await publish(code, { ...APPROVE_HOME_CARE, amount: '950000', councilDecisionReference: 'VKB nr. 47' }, municipalStaff);
    const rows = () => app.strapi.db.connection(DECISION_LOG_TABLE).where({ municipality_code: code });
    const logPage = async () => readable((await portalClient(app).get(`/en/municipalities/${code}/decisions`)).body);
    expect(await logPage()).toContain("The log's 2 entries verify");
    return { code, rows, logPage };
  };

  it('says which entry was changed', async () => {
    const { rows, logPage } = await tamperableLog();
    const { decision_json: original } = await rows().where({ sequence: 1 }).first('decision_json');
    await rows().where({ sequence: 1 }).update({ decision_json: original.replace('"900000.00"', '"9000000.00"') });
    const page = await logPage();
    expect(page).toContain('<strong>Warning:</strong> The log of 2 entries does not verify. Entry 1 was changed after it was published.');
    expect(page).not.toContain('entries verify');
  });

  it('says the log was rewritten when every later hash was recomputed: the signed checkpoint disagrees', async () => {
    const { code, logPage } = await tamperableLog();
    const entries = await getService(app.strapi, 'decision-log').entriesOf(code);
    await rewriteEntry(app, code, entries, 1, (decision) => ({ ...decision, amount: '9000000.00' }));
    const page = await logPage();
    expect(page).toContain('The log of 2 entries does not verify.');
    expect(page).toMatch(/The log up to entry 2 is not the one the municipality signed on \w+ \d+, \d{4}: it has been rewritten\./);
    expect((await portalClient(app).get(`/en/municipalities/${code}/decisions/1`)).body).toContain('it has been rewritten');
  });
});
