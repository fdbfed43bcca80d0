import { parse } from 'csv-parse/sync';
import type { TestApp } from '../harness/app';
import { bootApp } from '../harness/app';
import { advanceRound, createOwnMunicipality, createProposal, createRound } from '../harness/fixtures';
import type { TestPerson } from '../harness/people';

/**
 * The open-data exports of what happened after the vote (issue #16 item 4): round results with support
 * and spent, implementation progress, consultation summaries and the commitments register, on a
 * municipality of the file's own with known records.
 */
let app: TestApp;
let code: string;
let staff: TestPerson;
let base: string;
let roundId: string;
let draftRoundId: string;
const proposals: Record<string, string> = {};
let consultationId: string;
let commitmentId: string;
const participation = () => app.strapi.plugin('participation');

/** Reads an answer's body whole, as text, whatever its type. */
const asText = (response: NodeJS.ReadableStream, callback: (error: Error | null, body: string) => void) => {
  const parts: Buffer[] = [];
  response.on('data', (chunk: Buffer) => parts.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(parts).toString('utf8')));
};
const download = (path: string, headers: Record<string, string> = {}) => app.http().get(`${base}/open-data/${path}`).set(headers).buffer(true).parse(asText as never);
const csvOf = async (path: string) => {
  const response = await download(path);
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect((response.body as string).charCodeAt(0)).toBe(0xfeff);
  return parse(response.body as string, { bom: true, columns: true }) as Array<Record<string, string>>;
};
const jsonOf = async (path: string) => {
  const response = await download(path);
  expect(response.status).toBe(200);
  return JSON.parse(response.body as string).data as Array<Record<string, unknown>>;
};

beforeAll(async () => {
  app = await bootApp();
  ({ code, staff } = await createOwnMunicipality(app.strapi, 'EXP'));
  base = `/api/participation/municipalities/${code}`;
  const imported = await app.http().post(`${base}/budget-lines/import`).set(staff.auth).send({
    csv: ['fiscal_year,code,name,approved,revised,committed,spent,gender_marker,youth_marker,sdg_targets', '2026,0950-01,Qendra rinore,2000000,2000000,0,0,none,principal,'].join('\n'),
  });
  expect(imported.status).toBe(200);

  roundId = await createRound(app.strapi, code, { fiscalYear: 2026, title: 'Buxheti me pjesëmarrje 2026' });
  proposals.park = await createProposal(app.strapi, roundId, code, { title: 'Công viên cho trẻ em', proposalStatus: 'selected', budgetLineCodes: ['0950-01'], requestedMinor: '3000000', districtCode: 'N' });
  proposals.bench = await createProposal(app.strapi, roundId, code, { title: 'Stola në shëtitore', proposalStatus: 'not_selected', budgetLineCodes: ['0950-01'], requestedMinor: '900000', districtCode: 'N' });
  await app.strapi.documents('plugin::participation.round').update({
    documentId: roundId,
    data: {
      result: {
        countedAt: '2026-04-02T09:00:00.000Z', rule: 'greedy_cost', tieBreaking: 'id', participation: { total: 41, byChannel: { online: 41 } },
        districts: [{
          districtCode: 'N', budget: '40000.00', spent: '30000.00', ballots: 41, selected: [proposals.park], selectionOrder: [proposals.park],
          support: { [proposals.park]: { votes: 30 }, [proposals.bench]: { votes: 11 } }, reservations: [], trace: [], warnings: [],
        }],
      },
    } as never,
  });
  await advanceRound(app.strapi, roundId, 'results');
  // A round counted but not announced: its result is not exported yet.
  draftRoundId = await createRound(app.strapi, code, { fiscalYear: 2026, title: 'Counting' });
  await app.strapi.db.connection('participation_rounds').where({ document_id: draftRoundId }).update({ result: JSON.stringify({ countedAt: '2026-04-02T09:00:00.000Z', rule: 'greedy_cost', tieBreaking: 'id', participation: { total: 0, byChannel: {} }, districts: [{ districtCode: '', budget: '1.00', spent: '0.00', ballots: 0, selected: [], selectionOrder: [], support: { hidden: { votes: 1 } }, reservations: [], trace: [], warnings: [] }] }) });
  await advanceRound(app.strapi, draftRoundId, 'counting');

  const funded = await app.http().post(`${base}/decisions`).set(staff.auth).send({
    data: { kind: 'fund', subject: { kind: 'proposal', documentId: proposals.park }, amount: '28000', budgetLine: { code: '0950-01', fiscalYear: 2026 }, councilDecisionReference: 'VKB nr. 9', decisionDate: '2026-04-10', rationale: 'Financohet.' },
  });
  expect(funded.status).toBe(201);
  const progress = await app.http().put(`${base}/proposals/${proposals.park}/implementation`).set(staff.auth).send({
    data: { progressPercent: 40, spent: '12000.50', milestones: [{ title: 'Projektimi', dueDate: '2026-05-01', doneDate: '2026-04-28', status: 'done' }, { title: 'Ndërtimi', dueDate: '2026-09-01', doneDate: null, status: 'in_progress' }] },
  });
  expect(progress.status).toBe(200);

  const consultation = await participation().service('consultation').create(code, { topic: 'Hapësirat publike për të rinjtë', questions: [{ id: 'q', text: 'Çfarë mungon?' }], targetGroups: ['youth'], opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' }, 0);
  consultationId = consultation.documentId;
  await participation().service('consultation').transition(code, consultationId, 'open');
  await participation().service('consultation').transition(code, consultationId, 'close');
  await participation().service('consultation').publishSummary(code, consultationId, { themes: [{ title: 'Ndriçimi', description: 'Rrugë të errëta.' }, { title: 'Sporti', description: 'Fusha.' }], proposalDocumentIds: [proposals.park], commitmentDocumentIds: [] });
  // A draft consultation has no summary: not exported.
  await participation().service('consultation').create(code, { topic: 'Draft', questions: [{ id: 'q', text: 'Q?' }], targetGroups: [], opensAt: '2026-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' }, 0);

  const commitment = await app.strapi.db.query('plugin::participation.commitment').create({
    data: { groupDocumentId: 'group-1', meetingDocumentId: 'meeting-1', municipalityCode: code, kind: 'commitment', text: 'Ndriçim në rrugën e shkollës', owner: 'Bashkia', dueDate: '2026-10-01', status: 'done' },
  });
  commitmentId = commitment.documentId;
  for (const [from, to, at] of [[null, 'open', '2026-05-01T10:00:00.000Z'], ['open', 'done', '2026-09-20T10:00:00.000Z']]) {
    await app.strapi.db.query('plugin::participation.commitment-status-change').create({ data: { commitmentDocumentId: commitmentId, fromStatus: from, toStatus: to, changedAt: at } });
  }
});
afterAll(() => app?.close());

describe('round results export', () => {
  it('lists each proposal of each published result with its support, and the district’s budget and spent', async () => {
    const rows = await csvOf('round-results.csv');
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.proposal_document_id === proposals.park)).toEqual({
      round_document_id: roundId, round_title: 'Buxheti me pjesëmarrje 2026', municipality_code: code, fiscal_year: '2026', counted_at: '2026-04-02T09:00:00.000Z',
      counting_rule: 'greedy_cost', district_code: 'N', district_budget: '40000.00', district_spent: '30000.00', district_ballots: '41',
      proposal_document_id: proposals.park, proposal_title: 'Công viên cho trẻ em', votes: '30', points: '', selected: 'true', selection_rank: '1',
    });
    expect(rows.find((row) => row.proposal_document_id === proposals.bench)).toMatchObject({ votes: '11', selected: 'false', selection_rank: '' });
    // The counting round's result is not public yet.
    expect(rows.some((row) => row.round_document_id === draftRoundId)).toBe(false);
    const json = await jsonOf('round-results.json');
    expect(json.find((line) => line.proposalDocumentId === proposals.park)).toMatchObject({ votes: 30, points: null, selected: true, districtSpent: '30000.00' });
  });
});

describe('implementation progress export', () => {
  it('lists funded projects with funding, spending, progress and milestones', async () => {
    const rows = await csvOf('implementation.csv');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      proposal_document_id: proposals.park, round_document_id: roundId, title: 'Công viên cho trẻ em', funded_amount: '28000.00', budget_line_code: '0950-01',
      budget_line_fiscal_year: '2026', funding_decision_sequence: '1', spent: '12000.50', progress_percent: '40',
      milestones: 'done:2026-05-01:Projektimi;in_progress:2026-09-01:Ndërtimi',
    });
    const [json] = await jsonOf('implementation.json');
    expect(json).toMatchObject({ funded: '28000.00', budgetLine: { code: '0950-01', fiscalYear: 2026 }, milestones: [{ title: 'Projektimi', doneDate: '2026-04-28' }, { status: 'in_progress' }] });
  });
});

describe('consultation summaries export', () => {
  it('lists summarised consultations with their suppressed figures and themes', async () => {
    const rows = await csvOf('consultation-summaries.csv');
    expect(rows).toHaveLength(1);
    // Nobody gave input: a population below k publishes nothing.
    expect(rows[0]).toMatchObject({
      document_id: consultationId, topic: 'Hapësirat publike për të rinjtë', target_groups: 'youth', participants: 'suppressed', inputs_online: 'suppressed',
      inputs_focus_group: 'suppressed', themes: 'Ndriçimi;Sporti', proposal_document_ids: proposals.park, commitment_document_ids: '',
    });
    expect(JSON.parse(rows[0].themes_json)).toEqual([{ title: 'Ndriçimi', description: 'Rrugë të errëta.' }, { title: 'Sporti', description: 'Fusha.' }]);
    const [json] = await jsonOf('consultation-summaries.json');
    expect(json).toMatchObject({ documentId: consultationId, summary: { themes: [{ title: 'Ndriçimi' }, { title: 'Sporti' }], participation: { total: 'suppressed' } } });
  });
});

describe('commitments register export', () => {
  it('lists commitments with their status history', async () => {
    const rows = await csvOf('commitments.csv');
    expect(rows).toEqual([
      {
        document_id: commitmentId, municipality_code: code, group_document_id: 'group-1', meeting_document_id: 'meeting-1', kind: 'commitment',
        text: 'Ndriçim në rrugën e shkollës', owner: 'Bashkia', due_date: '2026-10-01', status: 'done', status_note: '', proposal_document_id: '',
        status_history: 'open@2026-05-01T10:00:00.000Z;done@2026-09-20T10:00:00.000Z',
      },
    ]);
    const [json] = await jsonOf('commitments.json');
    expect(json).toMatchObject({ documentId: commitmentId, history: [{ from: null, to: 'open' }, { from: 'open', to: 'done', at: '2026-09-20T10:00:00.000Z' }] });
  });

  it('answers 304 for the current version and a new ETag after a change to the history', async () => {
    const first = await download('commitments.csv');
    const etag = first.headers.etag as string;
    expect((await app.http().get(`${base}/open-data/commitments.csv`).set('If-None-Match', etag)).status).toBe(304);
    await app.strapi.db.query('plugin::participation.commitment-status-change').create({ data: { commitmentDocumentId: commitmentId, fromStatus: 'done', toStatus: 'done', changedAt: new Date() } });
    expect((await app.http().get(`${base}/open-data/commitments.csv`).set('If-None-Match', etag)).status).toBe(200);
  });
});

describe('every new export', () => {
  it.each(['round-results', 'implementation', 'consultation-summaries', 'commitments'])('%s: an unknown municipality is a 400 naming it, and an empty one a header or an empty list', async (dataset) => {
    const unknown = await app.http().get(`/api/participation/municipalities/NOPE/open-data/${dataset}.csv`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0].path).toEqual(['municipalityCode']);
    const { code: empty } = await createOwnMunicipality(app.strapi, 'NIL');
    const csv = await app.http().get(`/api/participation/municipalities/${empty}/open-data/${dataset}.csv`).buffer(true).parse(asText as never);
    expect(parse(csv.body as string, { bom: true, columns: true })).toEqual([]);
    expect((csv.body as string).split('\n')[0].length).toBeGreaterThan(10);
    const json = await app.http().get(`/api/participation/municipalities/${empty}/open-data/${dataset}.json`).buffer(true).parse(asText as never);
    expect(JSON.parse(json.body as string)).toEqual({ data: [] });
  });
});
