import type { TestApp } from '../harness/app';
import { bootApp } from '../harness/app';
import { advanceRound, createProposal, createRound } from '../harness/fixtures';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { portalClient, signedInPortalClient } from '../harness/portal-client';
import { getService } from '../../plugins/participation/server/src/utils/get-service';

/**
 * Staff's review, decision and implementation screens in the workspace (#15 items 3, 6, 7), without
 * JavaScript: each form refuses bad input with a 400 naming the field beside it and writes nothing,
 * acts only after its confirm step, and each page is refused to other roles, to staff of another
 * municipality, and for a record of another municipality reached through this one's path (404).
 */
let app: TestApp;
let staff: TestPerson;
let otherStaff: TestPerson;
let moderator: TestPerson;
let citizen: TestPerson;
let roundInReview: string;
let roundInImplementation: string;
const ids: Record<string, string> = {};

const importLines = async (code: string, person: TestPerson) => {
  const answer = await app
    .http()
    .post(`/api/participation/municipalities/${code}/budget-lines/import`)
    .set(person.auth)
    .send({ csv: 'fiscal_year,code,name,approved\n2026,0950-01,Youth centres,2000000\n2026,1040-01,Home care,900000\n' });
  expect(answer.status).toBe(200);
};

const proposal = (roundId: string, code: string, title: string, fields: Record<string, unknown> = {}) =>
  createProposal(app.strapi, roundId, code, { title, requestedMinor: '5000000', budgetLineCodes: ['0950-01'], proposalStatus: 'under_review', ...fields });

const fund = (code: string, proposalId: string, amount = '50000') =>
  getService(app.strapi, 'decision-log').publish(
    code,
    { kind: 'fund', subject: { kind: 'proposal', documentId: proposalId }, amount: `${amount}00`, budgetLine: { code: '0950-01', fiscalYear: 2026 }, councilDecisionReference: 'VKB nr. 1', decisionDate: '2026-03-12', rationale: 'Funded.' },
    staff.id
  );

const statusOf = async (documentId: string) => (await getService(app.strapi, 'proposal').findOne(documentId)).status;
const logSize = async (code: string) => (await getService(app.strapi, 'decision-log').entriesOf(code)).length;

beforeAll(async () => {
  app = await bootApp();
  await createMunicipality(app.strapi, 'WRA', 'Review A');
  await createMunicipality(app.strapi, 'WRB', 'Review B');
  [staff, otherStaff, moderator, citizen] = await Promise.all([
    createPerson(app.strapi, 'municipal-staff', ['WRA']),
    createPerson(app.strapi, 'municipal-staff', ['WRB']),
    createPerson(app.strapi, 'moderator', ['WRA']),
    createPerson(app.strapi, 'citizen'),
  ]);
  await importLines('WRA', staff);
  await importLines('WRB', otherStaff);
  roundInReview = await createRound(app.strapi, 'WRA', { title: 'Review round', phase: 'review' });
  // Proposals join a round before voting opens (a database guard): this one is moved on once they have.
  roundInImplementation = await createRound(app.strapi, 'WRA', { title: 'Built round' });
  const otherRound = await createRound(app.strapi, 'WRB', { title: 'Other round', phase: 'review' });
  ids.library = await proposal(roundInReview, 'WRA', 'Library roof');
  ids.park = await proposal(roundInReview, 'WRA', 'Skate park');
  ids.bench = await proposal(roundInReview, 'WRA', 'Benches');
  ids.built = await proposal(roundInImplementation, 'WRA', 'Youth centre', { proposalStatus: 'in_implementation' });
  ids.halfBuilt = await proposal(roundInImplementation, 'WRA', 'Home care van', { proposalStatus: 'in_implementation' });
  ids.other = await proposal(otherRound, 'WRB', 'Other town square');
  ids.otherBuilt = await proposal(otherRound, 'WRB', 'Other town hall', { proposalStatus: 'in_implementation' });
  await advanceRound(app.strapi, roundInImplementation, 'implementation');
  await fund('WRA', ids.built);
  await fund('WRA', ids.halfBuilt);
  await fund('WRB', ids.otherBuilt);
});
afterAll(async () => {
  await app?.close();
});

const pages = () => [
  '/workspace/WRA/review',
  `/workspace/WRA/review/${ids.library}`,
  '/workspace/WRA/decisions',
  '/workspace/WRA/decisions/new',
  '/workspace/WRA/implementation',
  `/workspace/WRA/implementation/${ids.built}`,
];

describe('access to the review, decision and implementation screens', () => {
  it('lets the municipality’s staff in, and refuses a moderator, a citizen and staff of another municipality', async () => {
    const [own, other, moderating, resident] = await Promise.all([staff, otherStaff, moderator, citizen].map((person) => signedInPortalClient(app, person)));
    for (const path of pages()) {
      const answer = await own.get(`/en${path}`);
      expect([path, answer.status]).toEqual([path, 200]);
      expect(answer.headers.get('cache-control')).toContain('no-store');
      for (const refused of [other, moderating, resident]) expect([path, (await refused.get(`/en${path}`)).status]).toEqual([path, 403]);
    }
    const visitor = portalClient(app);
    expect((await visitor.get('/en/workspace/WRA/review')).status).toBe(303);
  });

  it('refuses the acts to staff of another municipality, and writes nothing', async () => {
    const other = await signedInPortalClient(app, otherStaff);
    await other.get('/en/workspace/WRB/review');
    const review = await other.post(`/en/workspace/WRA/review/${ids.bench}/confirm`, { action: 'mark-feasible', costEstimate: '100' });
    expect(review.status).toBe(403);
    expect(await statusOf(ids.bench)).toBe('under_review');
    const decision = await other.post('/en/workspace/WRA/decisions/publish', {
      kind: 'approve', subject: `proposal:${ids.bench}`, amount: '10', councilDecisionReference: 'X', decisionDate: '2026-03-12', rationale: 'No.',
    });
    expect(decision.status).toBe(403);
    const implementation = await other.post(`/en/workspace/WRA/implementation/${ids.built}`, { progressPercent: '50', spent: '1', milestoneRows: '0' });
    expect(implementation.status).toBe(403);
    expect(await logSize('WRA')).toBe(2);
    expect((await getService(app.strapi, 'implementation').findForProposal(ids.built)).updatedAt).toBeNull();
  });

  it('answers 404 for a record of another municipality reached through this one’s path, and changes nothing', async () => {
    const own = await signedInPortalClient(app, staff);
    expect((await own.get(`/en/workspace/WRA/review/${ids.other}`)).status).toBe(404);
    expect((await own.get(`/en/workspace/WRA/implementation/${ids.otherBuilt}`)).status).toBe(404);
    expect((await own.get('/en/workspace/WRA/review/nosuchproposal')).status).toBe(404);
    await own.get('/en/workspace/WRA/review');
    expect((await own.post(`/en/workspace/WRA/review/${ids.other}/confirm`, { action: 'mark-feasible', costEstimate: '100' })).status).toBe(404);
    expect((await own.post(`/en/workspace/WRA/implementation/${ids.otherBuilt}`, { progressPercent: '50', spent: '1', milestoneRows: '0' })).status).toBe(404);
    expect(await statusOf(ids.other)).toBe('under_review');
    expect((await getService(app.strapi, 'implementation').findForProposal(ids.otherBuilt)).updatedAt).toBeNull();
    // A decision naming another municipality's proposal is refused beside the subject, nothing logged.
    await own.get('/en/workspace/WRA/decisions/new');
    const forged = await own.post('/en/workspace/WRA/decisions/publish', {
      kind: 'approve', subject: `proposal:${ids.other}`, amount: '10', councilDecisionReference: 'VKB 2', decisionDate: '2026-03-12', rationale: 'Approved.',
    });
    expect(forged.status).toBe(400);
    expect(forged.body).toContain('id="subject-error"');
    expect(await logSize('WRA')).toBe(2);
  });
});

describe('the review queue', () => {
  it('lists proposals under review with their budget lines and what those have left', async () => {
    const own = await signedInPortalClient(app, staff);
    const queue = await own.get('/en/workspace/WRA/review');
    expect(queue.body).toContain('Review round');
    expect(queue.body).toContain('Library roof');
    expect(queue.body).not.toContain('Other town square');
    // 2,000,000 revised, nothing committed on the line by the budget itself.
    expect(queue.body).toMatch(/0950-01 Youth centres: ALL\s?2,000,000(\.00)? left/);
    // Being carried out: completion offered only at 100 %.
    expect(queue.body).toContain(`href="/en/workspace/WRA/implementation/${ids.built}"`);
  });

  it('refuses bad answers beside their fields with the values kept, and writes nothing', async () => {
    const own = await signedInPortalClient(app, staff);
    await own.get(`/en/workspace/WRA/review/${ids.library}`);
    const none = await own.post(`/en/workspace/WRA/review/${ids.library}`, { costEstimate: '', reason: '', note: '' });
    expect(none.status).toBe(400);
    expect(none.body).toContain('class="error-summary"');
    expect(none.body).toContain('id="action-error"');

    const shortReason = await own.post(`/en/workspace/WRA/review/${ids.library}`, { action: 'mark-infeasible', reason: 'Too dear' });
    expect(shortReason.status).toBe(400);
    expect(shortReason.body).toContain('id="reason-error"');
    expect(shortReason.body).toContain('>Too dear</textarea>');

    const badCost = await own.post(`/en/workspace/WRA/review/${ids.library}`, { action: 'mark-feasible', costEstimate: 'a lot' });
    expect(badCost.status).toBe(400);
    expect(badCost.body).toContain('id="costEstimate-error"');
    expect(badCost.body).toContain('value="a lot"');

    // Straight to the act with a bad value: the same refusal, nothing written.
    const forged = await own.post(`/en/workspace/WRA/review/${ids.library}/confirm`, { action: 'mark-feasible', costEstimate: '-5' });
    expect(forged.status).toBe(400);
    expect(forged.body).toContain('id="costEstimate-error"');
    // Completion is not offered while a proposal is under review.
    expect((await own.post(`/en/workspace/WRA/review/${ids.library}/confirm`, { action: 'mark-completed' })).status).toBe(400);
    expect(await statusOf(ids.library)).toBe('under_review');
  });

  it('marks feasible with a cost estimate only after the confirm step', async () => {
    const own = await signedInPortalClient(app, staff);
    await own.get(`/en/workspace/WRA/review/${ids.library}`);
    const check = await own.post(`/en/workspace/WRA/review/${ids.library}`, { action: 'mark-feasible', costEstimate: '45000.50', note: 'Roof survey done.' });
    expect(check.status).toBe(200);
    expect(check.body).toContain('class="check-answers"');
    expect(check.body).toContain('This cannot be undone');
    expect(await statusOf(ids.library)).toBe('under_review');
    // The way back opens the form as it was left.
    const back = /href="([^"]*answers=1[^"]*)"/.exec(check.body)![1].replaceAll('&amp;', '&');
    const again = await own.get(back);
    expect(again.body).toContain('value="45000.50"');
    expect(again.body).toContain('>Roof survey done.</textarea>');
    const done = await own.post(`/en/workspace/WRA/review/${ids.library}/confirm`, { action: 'mark-feasible', costEstimate: '45000.50', note: 'Roof survey done.' });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/en/workspace/WRA/review?done=mark-feasible');
    const reviewed = await getService(app.strapi, 'proposal').findOne(ids.library);
    expect(reviewed).toMatchObject({ status: 'feasible', costEstimate: '45000.50' });
    expect(reviewed.statusHistory.at(-1)).toMatchObject({ to: 'feasible', note: 'Roof survey done.' });
    expect((await own.get('/en/workspace/WRA/review?done=mark-feasible')).body).toContain('The proposal is marked feasible.');
  });

  it('marks infeasible with the published reason', async () => {
    const own = await signedInPortalClient(app, staff);
    await own.get(`/en/workspace/WRA/review/${ids.park}`);
    const reason = 'The site is a protected wetland and cannot be built on.';
    expect((await own.post(`/en/workspace/WRA/review/${ids.park}`, { action: 'mark-infeasible', reason })).status).toBe(200);
    expect((await own.post(`/en/workspace/WRA/review/${ids.park}/confirm`, { action: 'mark-infeasible', reason })).status).toBe(303);
    expect(await getService(app.strapi, 'proposal').findOne(ids.park)).toMatchObject({ status: 'infeasible', infeasibleReason: reason });
  });

  it('marks a proposal completed once its implementation is at 100 %, and not before', async () => {
    const own = await signedInPortalClient(app, staff);
    const notYet = await own.get(`/en/workspace/WRA/review/${ids.halfBuilt}`);
    expect(notYet.body).toContain('record 100 % progress');
    await own.get(`/en/workspace/WRA/implementation/${ids.built}`);
    expect((await own.post(`/en/workspace/WRA/implementation/${ids.built}`, { progressPercent: '100', spent: '50000', milestoneRows: '0' })).status).toBe(303);
    await own.get(`/en/workspace/WRA/review/${ids.built}`);
    expect((await own.post(`/en/workspace/WRA/review/${ids.built}`, { action: 'mark-completed', note: 'Opened on 1 June.' })).status).toBe(200);
    expect((await own.post(`/en/workspace/WRA/review/${ids.built}/confirm`, { action: 'mark-completed', note: 'Opened on 1 June.' })).status).toBe(303);
    expect(await statusOf(ids.built)).toBe('completed');
  });
});

describe('publishing a decision', () => {
  const valid = () => ({
    kind: 'fund', subject: `proposal:${ids.library}`, amount: '45000.50', budgetLine: '2026:0950-01', councilDecisionReference: 'VKB nr. 77', decisionDate: '2026-04-02', rationale: 'Residents chose it.',
  });

  it('refuses bad answers beside their fields with the values kept, and logs nothing', async () => {
    const own = await signedInPortalClient(app, staff);
    const before = await logSize('WRA');
    await own.get('/en/workspace/WRA/decisions/new');
    const empty = await own.post('/en/workspace/WRA/decisions/new', {});
    expect(empty.status).toBe(400);
    for (const field of ['kind', 'subject', 'councilDecisionReference', 'decisionDate', 'rationale']) expect([field, empty.body.includes(`id="${field}-error"`)]).toEqual([field, true]);

    const noAmount = await own.post('/en/workspace/WRA/decisions/new', { ...valid(), amount: '', budgetLine: '', decisionDate: '2026-02-30' });
    expect(noAmount.status).toBe(400);
    for (const field of ['amount', 'budgetLine', 'decisionDate']) expect([field, noAmount.body.includes(`id="${field}-error"`)]).toEqual([field, true]);
    expect(noAmount.body).toContain('value="VKB nr. 77"');
    expect(noAmount.body).toContain('value="2026-02-30"');

    const published = await own.post('/en/workspace/WRA/decisions/publish', { ...valid(), subject: 'proposal:' });
    expect(published.status).toBe(400);
    expect(published.body).toContain('id="subject-error"');
    const farCorrection = await own.post('/en/workspace/WRA/decisions/publish', { ...valid(), correctsEntry: '99' });
    expect(farCorrection.status).toBe(400);
    expect(farCorrection.body).toContain('id="correctsEntry-error"');
    expect(await logSize('WRA')).toBe(before);
    // The API's own answer to a date that is no date at all: a 400 naming it, as the form's.
    const api = await app.http().post('/api/participation/municipalities/WRA/decisions').set(staff.auth)
      .send({ data: { kind: 'approve', subject: { kind: 'proposal', documentId: ids.bench }, amount: '1', councilDecisionReference: 'X', decisionDate: 'next spring', rationale: 'Why.' } });
    expect(api.status).toBe(400);
    expect(await logSize('WRA')).toBe(before);
  });

  it('shows the answers back, then publishes into the log, and a correction of it', async () => {
    const own = await signedInPortalClient(app, staff);
    const before = await logSize('WRA');
    await own.get('/en/workspace/WRA/decisions/new');
    const check = await own.post('/en/workspace/WRA/decisions/new', valid());
    expect(check.status).toBe(200);
    expect(check.body).toContain('class="check-answers"');
    expect(check.body).toContain('append-only');
    expect(check.body).toContain('Proposal “Library roof”');
    expect(await logSize('WRA')).toBe(before);
    const done = await own.post('/en/workspace/WRA/decisions/publish', valid());
    expect(done.status).toBe(303);
    expect(done.location).toBe('/en/workspace/WRA/decisions?done=published');
    const entries = await getService(app.strapi, 'decision-log').entriesOf('WRA');
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)!.decision).toMatchObject({ kind: 'fund', amount: '45000.50', councilDecisionReference: 'VKB nr. 77', subject: { kind: 'proposal', documentId: ids.library } });

    const log = await own.get('/en/workspace/WRA/decisions?done=published');
    expect(log.body).toContain('The decision is published in the log.');
    expect(log.body).toContain('entries verify');
    const sequence = entries.at(-1)!.sequence;
    const correction = await own.get(`/en/workspace/WRA/decisions/new?corrects=${sequence}`);
    expect(correction.body).toMatch(new RegExp(`name="correctsEntry"[^>]*value="${sequence}"`));
    expect(correction.body).toContain('value="VKB nr. 77"');
    expect((await own.post('/en/workspace/WRA/decisions/publish', { ...valid(), amount: '44000', correctsEntry: String(sequence) })).status).toBe(303);
    expect((await getService(app.strapi, 'decision-log').entriesOf('WRA')).at(-1)!.decision).toMatchObject({ amount: '44000.00', correctsEntry: sequence });
    expect((await own.get('/en/workspace/WRA/decisions/new?corrects=abc')).status).toBe(400);
    expect((await own.get('/en/workspace/WRA/decisions/new?corrects=999')).status).toBe(404);
  });
});

describe('implementation', () => {
  it('lists funded proposals under the budget line that pays for them', async () => {
    const own = await signedInPortalClient(app, staff);
    const page = await own.get('/en/workspace/WRA/implementation');
    expect(page.body).toContain('0950-01 Youth centres (2026)');
    expect(page.body).toContain(`href="/en/workspace/WRA/implementation/${ids.halfBuilt}"`);
    expect(page.body).not.toContain('Other town hall');
  });

  it('refuses bad progress, spending and milestones beside their fields, and saves nothing', async () => {
    const own = await signedInPortalClient(app, staff);
    await own.get(`/en/workspace/WRA/implementation/${ids.halfBuilt}`);
    const bad = await own.post(`/en/workspace/WRA/implementation/${ids.halfBuilt}`, {
      progressPercent: 'half', spent: 'lots', milestoneRows: '2',
      'milestone-0-title': 'Buy the van', 'milestone-0-dueDate': '2026-13-01', 'milestone-0-status': 'planned',
      'milestone-1-title': '', 'milestone-1-dueDate': '', 'milestone-1-status': 'done', 'milestone-1-doneDate': '2026-05-01',
    });
    expect(bad.status).toBe(400);
    for (const field of ['progressPercent', 'spent', 'milestone-0-dueDate', 'milestone-1-title']) expect([field, bad.body.includes(`id="${field}-error"`)]).toEqual([field, true]);
    expect(bad.body).toContain('value="Buy the van"');
    // More spent than funded: the service's refusal, beside the field.
    const overspent = await own.post(`/en/workspace/WRA/implementation/${ids.halfBuilt}`, { progressPercent: '10', spent: '50000.01', milestoneRows: '0' });
    expect(overspent.status).toBe(400);
    expect(overspent.body).toContain('id="spent-error"');
    expect((await getService(app.strapi, 'implementation').findForProposal(ids.halfBuilt)).updatedAt).toBeNull();
  });

  it('adds, changes and removes milestones, with progress and spending', async () => {
    const own = await signedInPortalClient(app, staff);
    await own.get(`/en/workspace/WRA/implementation/${ids.halfBuilt}`);
    const saved = await own.post(`/en/workspace/WRA/implementation/${ids.halfBuilt}`, {
      progressPercent: '40', spent: '20000.10', milestoneRows: '1', 'milestone-0-title': 'Buy the van', 'milestone-0-dueDate': '2026-07-01', 'milestone-0-status': 'in_progress',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/en/workspace/WRA/implementation/${ids.halfBuilt}?done=saved`);
    const service = getService(app.strapi, 'implementation');
    expect(await service.findForProposal(ids.halfBuilt)).toMatchObject({ progressPercent: 40, spent: '20000.10', milestones: [{ title: 'Buy the van', dueDate: '2026-07-01', status: 'in_progress', doneDate: null }] });
    const form = await own.get(`/en/workspace/WRA/implementation/${ids.halfBuilt}?done=saved`);
    expect(form.body).toContain('The implementation is saved.');
    expect(form.body).toContain('name="milestoneRows" value="2"');
    const changed = await own.post(`/en/workspace/WRA/implementation/${ids.halfBuilt}`, {
      progressPercent: '60', spent: '30000', milestoneRows: '2',
      'milestone-0-title': 'Buy the van', 'milestone-0-dueDate': '2026-07-01', 'milestone-0-status': 'done', 'milestone-0-doneDate': '2026-06-20', 'milestone-0-remove': 'yes',
      'milestone-1-title': 'First rounds', 'milestone-1-dueDate': '2026-08-01', 'milestone-1-status': 'planned',
    });
    expect(changed.status).toBe(303);
    expect((await service.findForProposal(ids.halfBuilt)).milestones).toEqual([{ title: 'First rounds', dueDate: '2026-08-01', status: 'planned', doneDate: null }]);
  });
});
