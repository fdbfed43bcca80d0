import { parse } from 'csv-parse/sync';
import type { TestApp } from '../harness/app';
import { bootApp } from '../harness/app';
import { createOwnMunicipality, createProposal, createRound } from '../harness/fixtures';
import type { TestPerson } from '../harness/people';
import { canonicalJson } from '../../plugins/participation/server/src/domain/decision-log/canonical-json';

/**
 * The money-by-marker report and the open-data exports, on a municipality of the file's own whose
 * figures are known: three 2026 lines (one per gender category used) and two funded proposals.
 */
let app: TestApp;
let code: string;
let staff: TestPerson;
let base: string;
const proposals: Record<string, string> = {};

const BUDGET_CSV = [
  'fiscal_year,code,name,approved,revised,committed,spent,gender_marker,youth_marker,sdg_targets',
  '2026,0950-01,Qendra rinore në Shkodër,2000000,2100000,500000,250000.50,closes_gender_gaps,principal,5.c;8.6',
  '2026,1040-01,Kujdes në shtëpi për gratë çdo javë,900000,900000,0,0,women_and_girls_only,none,5.4',
  '2026,0100-01,Đường đi bộ cho người khuyết tật,1100000,1000000,100000,0,none,none,',
  '2025,0950-01,Qendra rinore 2025,777,777,0,0,closes_gender_gaps,principal,',
].join('\n');

/** Reads an answer's body as it arrives, keeping the chunks. */
const chunked = (response: NodeJS.ReadableStream & { setEncoding?: unknown }, callback: (error: Error | null, body: { text: string; chunks: number }) => void) => {
  const parts: Buffer[] = [];
  response.on('data', (chunk: Buffer) => parts.push(chunk));
  response.on('end', () => callback(null, { text: Buffer.concat(parts).toString('utf8'), chunks: parts.length }));
};
/** A CSV export read back as a spreadsheet would: the BOM dropped, one record per row keyed by column. */
const parseCsv = (text: string): Array<Record<string, string>> => parse(text, { bom: true, columns: true });
const download = (path: string, headers: Record<string, string> = {}) => app.http().get(path).set(headers).buffer(true).parse(chunked as never);

beforeAll(async () => {
  app = await bootApp();
  ({ code, staff } = await createOwnMunicipality(app.strapi, 'OPN'));
  base = `/api/participation/municipalities/${code}`;
  const imported = await app.http().post(`${base}/budget-lines/import`).set(staff.auth).send({ csv: BUDGET_CSV });
  expect(imported.status).toBe(200);
  const round = await createRound(app.strapi, code, { fiscalYear: 2026 });
  proposals.youth = await createProposal(app.strapi, round, code, {
    title: 'Sân chơi cho thanh niên', proposalStatus: 'selected', budgetLineCodes: ['0950-01'], youthMarker: 'principal', requestedMinor: '40000000', costEstimateMinor: '30000000',
  });
  proposals.care = await createProposal(app.strapi, round, code, {
    title: 'Furgon për kujdesin në shtëpi', proposalStatus: 'selected', budgetLineCodes: ['1040-01'], genderMarker: 'women_and_girls_only', requestedMinor: '12000000',
  });
  // The count as published (services/round-count.ts writes it so): both selected, the gender share not met.
  await app.strapi.documents('plugin::participation.round').update({
    documentId: round,
    data: {
      result: {
        countedAt: '2026-02-20T10:00:00.000Z', rule: 'greedy_cost', tieBreaking: 'id', participation: { total: 3, byChannel: {} },
        districts: [{
          districtCode: '', budget: '500000.00', spent: '420000.00', ballots: 3, selected: [proposals.youth, proposals.care], selectionOrder: [], support: {}, trace: [], warnings: [],
          reservations: [{ marker: 'gender', share: '1/2', required: '250000', spent: '120000', met: false, reason: 'not-enough-marked-projects' }],
        }],
      },
    } as never,
  });
  for (const [from, to] of [[null, 'submitted'], ['submitted', 'selected']]) {
    await app.strapi.documents('plugin::participation.proposal-status-change').create({
      data: { proposalDocumentId: proposals.youth, fromStatus: from, toStatus: to, changedAt: to === 'submitted' ? '2026-02-01T10:00:00.000Z' : '2026-03-01T10:00:00.000Z' },
    });
  }
  const fund = async (proposal: string, amount: string, line: string) => {
    const answer = await app.http().post(`${base}/decisions`).set(staff.auth).send({
      data: { kind: 'fund', subject: { kind: 'proposal', documentId: proposal }, amount, budgetLine: { code: line, fiscalYear: 2026 }, councilDecisionReference: 'VKB nr. 7', decisionDate: '2026-03-12', rationale: 'Vendim i këshillit bashkiak.' },
    });
    expect(answer.status).toBe(201);
  };
  await fund(proposals.youth, '250000', '0950-01');
  await fund(proposals.care, '100000', '1040-01');
});
afterAll(() => app?.close());

describe('money by marker', () => {
  it("gives a year's amounts and funding by gender category and youth marker, with exact shares", async () => {
    const response = await app.http().get(`${base}/money-by-marker?fiscalYear=2026`);
    expect(response.status).toBe(200);
    const report = response.body.data;
    expect(report.totals).toEqual({ lines: 3, approved: '4000000.00', revised: '4000000.00', committed: '600000.00', spent: '250000.50', participatorySelected: '420000.00', participatoryFunded: '350000.00' });
    expect(report.byGender.map((group: { marker: string }) => group.marker)).toEqual(['none', 'closes_gender_gaps', 'gender_equality_main_objective', 'women_and_girls_only']);
    expect(report.byGender[1]).toEqual({
      marker: 'closes_gender_gaps',
      lines: 1,
      amounts: { approved: '2000000.00', revised: '2100000.00', committed: '500000.00', spent: '250000.50' },
      shares: { approved: '50.00', revised: '52.50', committed: '83.33', spent: '100.00' },
      // Participatory projects count under their own markers: neither is marked as closing gender gaps.
      participatory: { selectedProjects: 0, selected: '0.00', selectedShare: '0.00', fundedProjects: 0, funded: '0.00', fundedShare: '0.00' },
    });
    expect(report.byGender[3]).toMatchObject({
      marker: 'women_and_girls_only', shares: { approved: '22.50' },
      participatory: { selectedProjects: 1, selected: '120000.00', selectedShare: '28.57', fundedProjects: 1, funded: '100000.00', fundedShare: '28.57' },
    });
    expect(report.byGender[2]).toMatchObject({ lines: 0, shares: { approved: '0.00' }, participatory: { fundedProjects: 0, fundedShare: '0.00' } });
    expect(report.byYouth[2].participatory).toEqual({ selectedProjects: 1, selected: '300000.00', selectedShare: '71.43', fundedProjects: 1, funded: '250000.00', fundedShare: '71.43' });
    expect(report.reservedShares).toEqual([
      { roundDocumentId: expect.any(String), roundTitle: expect.any(String), districtCode: '', marker: 'gender', share: '1/2', required: '250000', spent: '120000', met: false },
    ]);
    expect(report.byYouth.map((group: { marker: string; amounts: { approved: string } }) => [group.marker, group.amounts.approved])).toEqual([
      ['none', '2000000.00'],
      ['significant', '0.00'],
      ['principal', '2000000.00'],
    ]);
  });

  it('is the same report as CSV, with a BOM', async () => {
    const response = await download(`${base}/money-by-marker.csv?fiscalYear=2026`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.body.text.startsWith('\ufefffiscal_year,dimension,marker,lines,')).toBe(true);
    const rows = parseCsv(response.body.text);
    expect(rows).toHaveLength(7);
    expect(rows.find((row: Record<string, string>) => row.dimension === 'youth' && row.marker === 'principal')).toMatchObject({
      approved: '2000000.00', approved_share_percent: '50.00', participatory_selected: '300000.00', participatory_funded: '250000.00', participatory_funded_share_percent: '71.43',
    });
  });

  it('names the field when the municipality or the year is wrong', async () => {
    const unknown = await app.http().get('/api/participation/municipalities/NOPE/money-by-marker?fiscalYear=2026');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0].path).toEqual(['municipalityCode']);
    const noLines = await app.http().get(`${base}/money-by-marker.csv?fiscalYear=2031`);
    expect(noLines.status).toBe(404);
    expect(noLines.body.error.message).toMatch(/^fiscalYear: /);
    for (const year of ['1999', 'twenty', '']) {
      const bad = await app.http().get(`${base}/money-by-marker?fiscalYear=${year}`);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body.error)).toContain('fiscalYear');
    }
  });
});

describe('open-data exports', () => {
  it('exports budget lines as CSV that parses back with its accents, and as JSON', async () => {
    const csv = await download(`${base}/open-data/budget-lines.csv`);
    expect(csv.status).toBe(200);
    expect(csv.body.text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.body.text);
    expect(rows.map((row: Record<string, string>) => row.name)).toEqual([
      'Qendra rinore në Shkodër', 'Kujdes në shtëpi për gratë çdo javë', 'Đường đi bộ cho người khuyết tật', 'Qendra rinore 2025',
    ]);
    expect(rows[0]).toMatchObject({ municipality_code: code, fiscal_year: '2026', code: '0950-01', spent: '250000.50', gender_marker: 'closes_gender_gaps', sdg_targets: '5.c;8.6' });
    const json = await download(`${base}/open-data/budget-lines.json`);
    expect(JSON.parse(json.body.text).data[2]).toMatchObject({ name: 'Đường đi bộ cho người khuyết tật', amounts: { approved: '1100000.00' } });
  });

  it('exports proposals with their status history, never their author', async () => {
    const json = JSON.parse((await download(`${base}/open-data/proposals.json`)).body.text).data;
    const youth = json.find((proposal: { documentId: string }) => proposal.documentId === proposals.youth);
    expect(youth).toMatchObject({ title: 'Sân chơi cho thanh niên', status: 'selected', statusHistory: [{ from: null, to: 'submitted', at: '2026-02-01T10:00:00.000Z' }, { from: 'submitted', to: 'selected' }] });
    expect(youth).not.toHaveProperty('authorId');
    const rows = parseCsv((await download(`${base}/open-data/proposals.csv`)).body.text);
    expect(rows.find((row: Record<string, string>) => row.document_id === proposals.youth)?.status_history).toBe('submitted@2026-02-01T10:00:00.000Z;selected@2026-03-01T10:00:00.000Z');
  });

  it('exports the decision log with its hashes, chained', async () => {
    const rows = parseCsv((await download(`${base}/open-data/decisions.csv`)).body.text);
    expect(rows.map((row: Record<string, string>) => row.sequence)).toEqual(['1', '2']);
    expect(rows[1].previous_hash).toBe(rows[0].hash);
    expect(JSON.parse(rows[0].decision_json)).toMatchObject({ rationale: 'Vendim i këshillit bashkiak.', amount: '250000.00' });
    const json = JSON.parse((await download(`${base}/open-data/decisions.json`)).body.text).data;
    expect(json.map((entry: { hash: string }) => entry.hash)).toEqual(rows.map((row: Record<string, string>) => row.hash));
    // The CSV carries each decision as the canonical JSON it was hashed as, the JSON export as an object.
    expect(rows.map((row: Record<string, string>) => row.decision_json)).toEqual(json.map((entry: { decision: unknown }) => canonicalJson(entry.decision)));
  });

  it('answers 304 to a caller holding the current version, and a new ETag once the data change', async () => {
    const first = await download(`${base}/open-data/budget-lines.csv`);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await app.http().get(`${base}/open-data/budget-lines.csv`).set('If-None-Match', etag)).status).toBe(304);
    // The JSON export of the same data is another representation: another ETag.
    expect((await download(`${base}/open-data/budget-lines.json`)).headers.etag).not.toBe(etag);
    const added = await app.http().post(`${base}/budget-lines`).set(staff.auth).send({ data: { fiscalYear: 2027, code: '9999-01', name: 'Rezervë', approved: '1' } });
    expect(added.status).toBe(201);
    const after = await app.http().get(`${base}/open-data/budget-lines.csv`).set('If-None-Match', etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });

  it('names the municipality when it is unknown', async () => {
    const response = await app.http().get('/api/participation/municipalities/NOPE/open-data/proposals.csv');
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['municipalityCode']);
  });

  it('streams a table of 5,000 lines in pages, as several chunks', async () => {
    const { code: large } = await createOwnMunicipality(app.strapi, 'BIG');
    const lines = Array.from({ length: 5000 }, (_, index) => ({ fiscalYear: 2026, code: `L-${String(index).padStart(4, '0')}`, name: `Dòng ngân sách ${index}`, municipalityCode: large, approvedMinor: String(index * 100) }));
    const metadata = app.strapi.db.metadata.get('plugin::participation.budget-line');
    const column = (attribute: string) => (metadata.attributes[attribute] as { columnName: string }).columnName;
    const now = new Date();
    // Written straight to the table: 5,000 creates through the Document Service would take most of a minute.
    const rows = lines.map((line, index) => ({
      [column('documentId')]: `bigline${String(index).padStart(17, '0')}`,
      ...Object.fromEntries(Object.entries(line).map(([attribute, value]) => [column(attribute), value])),
      [column('revisedMinor')]: '0', [column('committedMinor')]: '0', [column('spentMinor')]: '0',
      [column('genderMarker')]: 'none', [column('youthMarker')]: 'none', [column('sdgTargets')]: '[]',
      [column('createdAt')]: now, [column('updatedAt')]: now,
    }));
    for (let start = 0; start < rows.length; start += 200) await app.strapi.db.connection(metadata.tableName).insert(rows.slice(start, start + 200));

    const response = await download(`/api/participation/municipalities/${large}/open-data/budget-lines.csv`);
    expect(response.status).toBe(200);
    // Streamed: no length known in advance, the body sent in chunks as the pages are read.
    expect(response.headers['content-length']).toBeUndefined();
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(response.body.chunks).toBeGreaterThan(5);
    const parsed = parseCsv(response.body.text);
    expect(parsed).toHaveLength(5000);
    expect(parsed[4999]).toMatchObject({ code: 'L-4999', name: 'Dòng ngân sách 4999', approved: '4999.00' });
  });
});
