import type { TestApp } from '../harness/app';
import type { TestPerson } from '../harness/people';
import { advanceRound, bootWithMunicipality, createOwnMunicipality, createRound } from '../harness/fixtures';

/**
 * Funded proposals are tracked to completion; budget lines show what participatory projects commit and
 * spend. Each test works in a municipality of its own ({@link fundedMunicipality}): its decision log
 * and its budget lines' sums start from nothing.
 */
let app: TestApp;
let korStaff: TestPerson;
let korceProposal: string;

const PROGRESS = {
  progressPercent: 40,
  spent: '100000.10',
  milestones: [
    { title: 'Design with the youth council', dueDate: '2026-04-01', doneDate: '2026-03-28', status: 'done' },
    { title: 'Repairs', dueDate: '2026-07-01', status: 'in_progress' },
  ],
};

const createProposal = async (municipalityCode: string, title: string, fields: object = {}) =>
  (
    await app.strapi.documents('plugin::participation.proposal').create({
      data: { roundDocumentId: 'round', municipalityCode, authorId: 1, title, description: `${title}, as proposed.`, requestedMinor: '100', budgetLineCodes: ['0950-01'], proposalStatus: 'selected', ...fields },
    })
  ).documentId as string;

/**
 * A municipality of the test's own with two budget lines (0950-01 youth centres, 1040-01 home care) and
 * three selected proposals, of which the council funded those named in `funding` from 0950-01.
 */
const fundedMunicipality = async (funding: Record<string, string> = { youthCentre: '250000', homeCare: '100000' }) => {
  const { code, staff } = await createOwnMunicipality(app.strapi, 'IMP');
  const base = `/api/participation/municipalities/${code}`;
  const imported = await app.http().post(`${base}/budget-lines/import`).set(staff.auth).send({ csv: 'fiscal_year,code,name,approved\n2026,0950-01,Youth centres,2000000\n2026,1040-01,Home care,900000\n' });
  expect(imported.status).toBe(200);
  const lines: Record<string, string> = {};
  for (const line of (await app.http().get(`/api/participation/budget-lines?municipality=${code}`)).body.data) lines[line.code] = line.documentId;
  const proposals: Record<string, string> = {
    youthCentre: await createProposal(code, 'Youth centre repairs'),
    homeCare: await createProposal(code, 'Home care van'),
    unfunded: await createProposal(code, 'Skate park'),
    korce: korceProposal,
  };
  const decide = (data: object) =>
    app.http().post(`${base}/decisions`).set(staff.auth).send({ data: { councilDecisionReference: 'VKB nr. 45', decisionDate: '2026-03-12', rationale: 'Council decision.', ...data } });
  const fund = (proposal: string, amount: string, lineCode = '0950-01') =>
    decide({ kind: 'fund', subject: { kind: 'proposal', documentId: proposals[proposal] }, amount, budgetLine: { code: lineCode, fiscalYear: 2026 } });
  for (const [proposal, amount] of Object.entries(funding)) expect((await fund(proposal, amount)).status).toBe(201);
  return {
    code, staff, base, lines, proposals, decide, fund,
    implementationOf: (proposal: string) => app.http().get(`/api/participation/proposals/${proposals[proposal]}/implementation`),
    update: (proposal: string, data: object, person = staff) => app.http().put(`${base}/proposals/${proposals[proposal]}/implementation`).set(person.auth).send({ data }),
    spendingOn: async (line: string) => (await app.http().get(`/api/participation/budget-lines/${lines[line]}/participatory-spending`)).body.data,
  };
};

beforeAll(async () => {
  ({ app, staff: korStaff } = await bootWithMunicipality('KOR', 'Korçë'));
  korceProposal = await createProposal('KOR', 'Korçë library');
});
afterAll(() => app?.close());

describe('implementation of a funded proposal', () => {
  it('starts from its funding decision, with nothing spent yet', async () => {
    const { code, proposals, implementationOf } = await fundedMunicipality();
    const response = await implementationOf('youthCentre');
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      proposalDocumentId: proposals.youthCentre,
      municipalityCode: code,
      funding: { amount: '250000.00', budgetLine: { code: '0950-01', fiscalYear: 2026 }, decisionEntry: 1 },
      spent: '0.00',
      progressPercent: 0,
      milestones: [],
      updatedAt: null,
    });
  });

  it('staff of the municipality record milestones, progress and spending; anyone reads them', async () => {
    const { update, implementationOf } = await fundedMunicipality();
    const response = await update('youthCentre', PROGRESS);
    expect(response.status).toBe(200);
    const expected = {
      spent: '100000.10',
      progressPercent: 40,
      milestones: [
        { title: 'Design with the youth council', dueDate: '2026-04-01', doneDate: '2026-03-28', status: 'done' },
        { title: 'Repairs', dueDate: '2026-07-01', doneDate: null, status: 'in_progress' },
      ],
      updatedAt: expect.any(String),
    };
    expect(response.body.data).toMatchObject(expected);
    expect((await implementationOf('youthCentre')).body.data).toMatchObject(expected);
    expect(JSON.stringify(response.body)).not.toMatch(/recordedById|email/);
  });

  it.each([
    ['spending above the funded amount', { ...PROGRESS, spent: '250000.01' }, 'data.spent'],
    ['a done milestone without its date', { ...PROGRESS, milestones: [{ title: 'Design', dueDate: '2026-04-01', status: 'done' }] }, 'data.milestones.0.doneDate'],
    ['a done date on an open milestone', { ...PROGRESS, milestones: [{ title: 'Design', dueDate: '2026-04-01', doneDate: '2026-04-02', status: 'planned' }] }, 'data.milestones.0.doneDate'],
    ['progress above 100 %', { ...PROGRESS, progressPercent: 101 }, 'data.progressPercent'],
    ['a negative amount', { ...PROGRESS, spent: '-1' }, 'data.spent'],
    ['an unknown field', { ...PROGRESS, budgetLineCode: '1040-01' }, 'data.budgetLineCode'],
    ['a missing field', { progressPercent: 10, spent: '1' }, 'data.milestones'],
  ])('refuses %s with a 400 naming the field, and changes nothing', async (_case, data, field) => {
    const { update, implementationOf } = await fundedMunicipality();
    expect((await update('youthCentre', PROGRESS)).status).toBe(200);
    const before = (await implementationOf('youthCentre')).body.data;
    const response = await update('youthCentre', data);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(`${field}:`);
    expect((await implementationOf('youthCentre')).body.data).toEqual(before);
  });

  it('is a 409 for a proposal without funding, a 404 across municipalities, a 403 for other staff', async () => {
    const { update } = await fundedMunicipality();
    expect((await update('unfunded', PROGRESS)).status).toBe(409);
    expect((await update('korce', PROGRESS)).status).toBe(404);
    expect((await update('youthCentre', PROGRESS, korStaff)).status).toBe(403);
    expect((await app.http().get('/api/participation/proposals/nope/implementation')).status).toBe(404);
  });
});

describe('participatory spending on a budget line', () => {
  it('sums what funded projects commit to the line and what they spent', async () => {
    const { code, lines, proposals, update, spendingOn } = await fundedMunicipality();
    await update('youthCentre', PROGRESS);
    await update('homeCare', { progressPercent: 5, spent: '20000', milestones: [] });
    expect(await spendingOn('0950-01')).toEqual({
      budgetLine: { documentId: lines['0950-01'], municipalityCode: code, code: '0950-01', fiscalYear: 2026 },
      committed: '350000.00',
      spent: '120000.10',
      projects: expect.arrayContaining([
        { proposalDocumentId: proposals.youthCentre, title: 'Youth centre repairs', language: null, committed: '250000.00', spent: '100000.10', progressPercent: 40 },
        { proposalDocumentId: proposals.homeCare, title: 'Home care van', language: null, committed: '100000.00', spent: '20000.00', progressPercent: 5 },
      ]),
    });
    expect(await spendingOn('1040-01')).toMatchObject({ committed: '0.00', spent: '0.00', projects: [] });
  });

  it('follows the decision log: an amendment moves a project to another line', async () => {
    const { proposals, decide, update, spendingOn } = await fundedMunicipality();
    await update('youthCentre', PROGRESS);
    await update('homeCare', { progressPercent: 5, spent: '20000', milestones: [] });
    await decide({ kind: 'amend', subject: { kind: 'proposal', documentId: proposals.homeCare }, amount: '120000', budgetLine: { code: '1040-01', fiscalYear: 2026 } });
    expect(await spendingOn('0950-01')).toMatchObject({ committed: '250000.00', spent: '100000.10' });
    expect(await spendingOn('1040-01')).toMatchObject({ committed: '120000.00', spent: '20000.00' });
  });

  it('a deferral withdraws the funding, and correcting the deferral restores it', async () => {
    const { proposals, decide, implementationOf, spendingOn } = await fundedMunicipality({ youthCentre: '250000' });
    const deferral = await decide({ kind: 'defer', subject: { kind: 'proposal', documentId: proposals.youthCentre } });
    expect((await implementationOf('youthCentre')).body.data.funding).toBeNull();
    expect(await spendingOn('0950-01')).toMatchObject({ committed: '0.00', projects: [] });

    await decide({ kind: 'approve', subject: { kind: 'proposal', documentId: proposals.youthCentre }, amount: '250000', correctsEntry: deferral.body.data.sequence, rationale: 'The deferral was entered in error.' });
    expect((await implementationOf('youthCentre')).body.data.funding).toMatchObject({ amount: '250000.00', decisionEntry: 1 });
    expect(await spendingOn('0950-01')).toMatchObject({ committed: '250000.00' });
  });

  it('a correction of a fund entry keeps the proposal funded unless it rejects or defers', async () => {
    const { code, proposals, decide, fund, implementationOf, spendingOn } = await fundedMunicipality();
    proposals.corrected = await createProposal(code, 'Library shelves');
    const funded = await fund('corrected', '50000', '1040-01');
    const amended = await decide({ kind: 'amend', subject: { kind: 'proposal', documentId: proposals.corrected }, amount: '45000', correctsEntry: funded.body.data.sequence, rationale: 'The amount was 45 000.' });
    expect(amended.status).toBe(201);
    expect((await implementationOf('corrected')).body.data.funding).toEqual({ amount: '45000.00', budgetLine: { code: '1040-01', fiscalYear: 2026 }, decisionEntry: amended.body.data.sequence });
    // Correcting the correction again: still the line named by the original fund entry.
    const approved = await decide({ kind: 'approve', subject: { kind: 'proposal', documentId: proposals.corrected }, amount: '46000', correctsEntry: amended.body.data.sequence });
    expect((await implementationOf('corrected')).body.data.funding).toMatchObject({ amount: '46000.00', budgetLine: { code: '1040-01' }, decisionEntry: approved.body.data.sequence });
    expect(await spendingOn('1040-01')).toMatchObject({ committed: '46000.00' });

    await decide({ kind: 'reject', subject: { kind: 'proposal', documentId: proposals.corrected }, correctsEntry: approved.body.data.sequence });
    expect((await implementationOf('corrected')).body.data.funding).toBeNull();
  });

  it('leaves the budget line’s own response as it was, and is a 404 for an unknown line', async () => {
    const { lines } = await fundedMunicipality();
    const line = await app.http().get(`/api/participation/budget-lines/${lines['0950-01']}`);
    expect(Object.keys(line.body.data.amounts)).toEqual(['approved', 'revised', 'committed', 'spent']);
    expect((await app.http().get('/api/participation/budget-lines/nope/participatory-spending')).status).toBe(404);
  });
});

describe('completion', () => {
  const knex = () => app.strapi.db.connection;

  /** A proposal in implementation, funded with 1000: on the ballot before voting opened (none joins it afterwards). */
  const playgroundInImplementation = async () => {
    const municipality = await fundedMunicipality({});
    const roundDocumentId = await createRound(app.strapi, municipality.code, { phase: 'review' });
    municipality.proposals.playground = await createProposal(municipality.code, 'Playground', { roundDocumentId, proposalStatus: 'in_implementation' });
    await advanceRound(app.strapi, roundDocumentId, 'implementation');
    expect((await municipality.fund('playground', '1000')).status).toBe(201);
    return {
      ...municipality,
      review: () => app.http().post(`${municipality.base}/proposals/${municipality.proposals.playground}/review`).set(municipality.staff.auth).send({ action: 'mark-completed' }),
      statusOf: async () => (await app.http().get(`/api/participation/proposals/${municipality.proposals.playground}`)).body.data.status,
    };
  };

  it('refuses mark-completed below 100 % progress (409), in the database too', async () => {
    const { proposals, review, update, statusOf } = await playgroundInImplementation();
    const before = await review();
    expect(before.status).toBe(409);
    expect(before.body.error.message).toMatch(/0 %/);
    expect((await update('playground', { progressPercent: 60, spent: '500', milestones: [] })).status).toBe(200);
    const partial = await review();
    expect(partial.status).toBe(409);
    expect(partial.body.error.message).toMatch(/60 %/);
    await expect(knex()('participation_proposals').where({ document_id: proposals.playground }).update({ proposal_status: 'completed' })).rejects.toMatchObject({
      message: expect.stringMatching(/participation_proposals_completed_at_full_progress/),
    });
    expect(await statusOf()).toBe('in_implementation');
  });

  it('completes at 100 %, after which progress stays at 100 %', async () => {
    const { proposals, review, update, implementationOf } = await playgroundInImplementation();
    expect((await update('playground', { progressPercent: 100, spent: '900', milestones: [] })).status).toBe(200);
    const completed = await review();
    expect(completed.status).toBe(200);
    expect(completed.body.data.status).toBe('completed');
    const back = await update('playground', { progressPercent: 90, spent: '900', milestones: [] });
    expect(back.status).toBe(409);
    await expect(knex()('participation_project_implementations').where({ proposal_document_id: proposals.playground }).update({ progress_percent: 90 })).rejects.toMatchObject({
      message: expect.stringMatching(/participation_project_implementations_completed_progress_kept/),
    });
    expect((await implementationOf('playground')).body.data.progressPercent).toBe(100);
  });
});
