import type { TestApp } from '../harness/app';
import { createMunicipality, type TestPerson } from '../harness/people';
import { bootWithMunicipality, createProposal, createRound } from '../harness/fixtures';
import type { BudgetLine, Municipality } from '../../plugins/participation/shared/contracts';

let app: TestApp;
let staff: TestPerson;
const base = '/api/participation/municipalities/SHK/budget-lines';

const CSV = [
  'fiscal_year;code;name;programme;functional_classification;approved;revised;committed;spent;gender_marker;youth_marker;sdg_targets',
  '2026;1040-01;Home care for elderly people;Social care plan 2024-2027;10.2;12 500 000,00;13 000 000,50;4 000 000,00;1 250 000,25;closes_gender_gaps;none;1.3 10.2',
  '2026;1040-02;Day centre for persons with disabilities;Social care plan 2024-2027;10.1;8 000 000,00;;;;;none;10.2',
  '2026;1070-01;Women economic empowerment grants;Social care plan 2024-2027;10.7;3 000 000,00;;;;women_and_girls_only;significant;5.a',
  '2026;0950-01;Youth centre programmes;Youth;09.5;2 400 000,00;;;;none;principal;4.4',
].join('\r\n');
/** The file with the day centre's revised amount raised. */
const CHANGED = CSV.replace('8 000 000,00;;;;;none', '8 000 000,00;8 100 000,00;;;;none');

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('SHK', 'Shkodër'));
  await createMunicipality(app.strapi, 'KOR', 'Korçë');
});
afterAll(() => app?.close());

const importCsv = (csv: string, query = '') =>
  app.http().post(`${base}/import?decimalSeparator=,${query}`).set(staff.auth).send({ csv });

describe('CSV import', () => {
  it('a dry run reports the changes and writes nothing', async () => {
    const response = await importCsv(CSV, '&dryRun=true');
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ dryRun: true, valid: true, rows: 4, created: 4, updated: 0, unchanged: 0, problems: [] });
    const list = await app.http().get('/api/participation/budget-lines?municipality=SHK');
    expect(list.body.meta.pagination.total).toBe(0);
  });

  it('imports every row with exact amounts, then a second import of the same file changes nothing', async () => {
    const first = await importCsv(CSV);
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ created: 4, updated: 0, unchanged: 0 });

    const again = await importCsv(CSV);
    expect(again.body.data).toMatchObject({ created: 0, updated: 0, unchanged: 4, changes: [] });

    const list = await app.http().get('/api/participation/budget-lines?municipality=SHK&fiscalYear=2026');
    expect(list.status).toBe(200);
    expect(list.body.meta.pagination.total).toBe(4);
    const homeCare = list.body.data.find((line: BudgetLine) => line.code === '1040-01');
    expect(homeCare).toEqual({
      documentId: expect.any(String),
      municipalityCode: 'SHK',
      fiscalYear: 2026,
      code: '1040-01',
      name: 'Home care for elderly people',
      programme: 'Social care plan 2024-2027',
      functionalClassification: '10.2',
      amounts: { approved: '12500000.00', revised: '13000000.50', committed: '4000000.00', spent: '1250000.25' },
      genderMarker: 'closes_gender_gaps',
      youthMarker: 'none',
      sdgTargets: ['1.3', '10.2'],
    });
    // Revised defaults to approved; committed and spent to zero.
    const dayCentre = list.body.data.find((line: BudgetLine) => line.code === '1040-02');
    expect(dayCentre.amounts).toEqual({ approved: '8000000.00', revised: '8000000.00', committed: '0.00', spent: '0.00' });
    expect(list.body.meta.totals).toEqual({ approved: '25900000.00', revised: '26400000.50', committed: '4000000.00', spent: '1250000.25' });
  });

  it('a changed row updates only that line and says which fields changed', async () => {
    expect((await importCsv(CSV)).status).toBe(200);
    const response = await importCsv(CHANGED);
    expect(response.body.data).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    expect(response.body.data.changes).toEqual([{ line: 3, code: '1040-02', fiscalYear: 2026, action: 'update', fields: ['revisedMinor'], diff: [{ field: 'revisedMinor', old: '8000000.00', new: '8100000.00' }] }]);
  });

  it('a file with bad rows is refused whole, every problem named by line and column', async () => {
    const bad = [
      'fiscal_year;code;name;approved;gender_marker',
      '2026;NEW-1;A new line;100,00;none',
      '2026;NEW-2;Negative;-5,00;none',
      '2026;NEW-3;Not a number;abc;none',
      '20x6;NEW-4;Bad year;1,00;none',
      '2026;NEW-1;Duplicate code;1,00;none',
      '2026;NEW-5;Bad marker;1,00;sometimes',
    ].join('\n');
    const dry = await importCsv(bad, '&dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body.data.valid).toBe(false);
    expect(dry.body.data.problems).toEqual([
      { line: 3, field: 'approved', message: 'must not be negative' },
      { line: 4, field: 'approved', message: '"abc" is not a number' },
      { line: 5, field: 'fiscal_year', message: 'must be a year' },
      { line: 6, field: 'code', message: 'repeats code NEW-1 for 2026 (line 2)' },
      { line: 7, field: 'gender_marker', message: expect.stringContaining('must be one of none, closes_gender_gaps') },
    ]);

    const real = await importCsv(bad);
    expect(real.status).toBe(400);
    expect(real.body.error.message).toMatch(/line 3, approved: must not be negative/);
    expect(real.body.error.details.problems).toHaveLength(5);
    const list = await app.http().get('/api/participation/budget-lines?municipality=SHK');
    expect(list.body.data.map((line: BudgetLine) => line.code)).not.toContain('NEW-1');
  });

  it('names unknown and missing columns, and malformed CSV', async () => {
    const unknownColumn = await importCsv('fiscal_year;code;name;approved;colour\n2026;A;B;1;red', '&dryRun=true');
    expect(unknownColumn.body.data.problems).toEqual([{ line: 1, field: 'colour', message: 'is not a known budget-line column' }]);

    const missing = await importCsv('fiscal_year;code;name\n2026;A;B', '&dryRun=true');
    expect(missing.body.data.problems).toEqual([{ line: 1, field: 'approved', message: 'column is missing' }]);

    const malformed = await importCsv('fiscal_year;code;name;approved\n2026;"A;B;1', '&dryRun=true');
    expect(malformed.body.data.problems[0]).toMatchObject({ field: 'file', message: expect.stringMatching(/not valid CSV/) });
  });

  it('accepts a multipart upload as well as JSON', async () => {
    // One line differs from the file: its revised amount.
    expect((await importCsv(CHANGED)).status).toBe(200);
    const response = await app
      .http()
      .post(`${base}/import?dryRun=true&decimalSeparator=,`)
      .set(staff.auth)
      .attach('file', Buffer.from(CSV, 'utf8'), { filename: 'budget.csv', contentType: 'text/csv' });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ valid: true, unchanged: 3, updated: 1 });
  });

  it('rejects unknown query and body keys, naming them', async () => {
    const query = await app.http().post(`${base}/import?dryrun=true`).set(staff.auth).send({ csv: CSV });
    expect(query.status).toBe(400);
    expect(query.body.error.message).toBe('Invalid query: dryrun: unknown query parameter dryrun');
    const body = await app.http().post(`${base}/import`).set(staff.auth).send({ csv: CSV, municipality: 'KOR' });
    expect(body.status).toBe(400);
    expect(body.body.error.message).toBe('Invalid body: municipality: unknown field municipality');
  });

  it('answers an unknown municipality with a 400 naming it', async () => {
    const response = await app.http().post('/api/participation/municipalities/NOPE/budget-lines/import').set(staff.auth).send({ csv: CSV });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('municipalityCode: unknown municipality "NOPE"');
  });
});

describe('single budget lines', () => {
  const valid = { fiscalYear: 2027, code: '1040-01', name: 'Home care', approved: '1000.10', genderMarker: 'gender_equality_main_objective' };

  it('creates, reads, updates and deletes a line', async () => {
    const created = await app.http().post(base).set(staff.auth).send({ data: valid });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ code: '1040-01', fiscalYear: 2027, amounts: { approved: '1000.10', revised: '1000.10' } });
    const id = created.body.data.documentId;

    const read = await app.http().get(`/api/participation/budget-lines/${id}`);
    expect(read.body.data.genderMarker).toBe('gender_equality_main_objective');

    const updated = await app.http().put(`${base}/${id}`).set(staff.auth).send({ data: { ...valid, spent: 250.5 } });
    expect(updated.status).toBe(200);
    expect(updated.body.data.amounts.spent).toBe('250.50');

    expect((await app.http().delete(`${base}/${id}`).set(staff.auth)).status).toBe(204);
    expect((await app.http().get(`/api/participation/budget-lines/${id}`)).status).toBe(404);
  });

  it.each([
    [{ ...valid, approved: '-1' }, 'approved: must not be negative'],
    [{ ...valid, approved: 'twelve' }, 'approved: "twelve" is not a number'],
    [{ ...valid, approved: '1.234' }, 'approved: has more than two decimal places'],
    [{ ...valid, fiscalYear: 1999 }, 'fiscalYear'],
    [{ ...valid, code: '' }, 'code: is required'],
    [{ ...valid, youthMarker: 'maybe' }, 'youthMarker: must be one of none, significant, principal'],
    [{ ...valid, sdgTargets: ['18.1'] }, 'sdgTargets'],
    [{ ...valid, colour: 'red' }, 'colour: unknown field colour'],
  ])('refuses %j with a 400 naming the field', async (data, message) => {
    const response = await app.http().post(base).set(staff.auth).send({ data });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(message);
  });

  it('refuses a duplicate code in the same municipality and year, nothing written', async () => {
    const data = { ...valid, code: 'DUP-1' };
    expect((await app.http().post(base).set(staff.auth).send({ data })).status).toBe(201);
    const duplicate = await app.http().post(base).set(staff.auth).send({ data: { ...data, name: 'Other' } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toBe('code: DUP-1 already exists for 2027');
    const list = await app.http().get('/api/participation/budget-lines?municipality=SHK&fiscalYear=2027');
    expect(list.body.data.filter((line: BudgetLine) => line.code === 'DUP-1')).toHaveLength(1);
  });

  it('holds one line per code under concurrent creates (the database constraint)', async () => {
    const data = { ...valid, code: 'RACE-1' };
    const responses = await Promise.all(Array.from({ length: 8 }, () => app.http().post(base).set(staff.auth).send({ data })));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.every((r) => r.status === 201 || r.status === 400)).toBe(true);
  });

  it('cannot reach a line of another municipality through its own path', async () => {
    const other = await app.strapi.plugin('participation').service('budget-line').create('KOR', {
      fiscalYear: 2026, code: 'K-1', name: 'Korçë line', programme: null, functionalClassification: null,
      approvedMinor: '100', revisedMinor: '100', committedMinor: '0', spentMinor: '0', genderMarker: 'none', youthMarker: 'none', sdgTargets: [],
    });
    const response = await app.http().delete(`${base}/${other.documentId}`).set(staff.auth);
    expect(response.status).toBe(404);
  });
});

describe('a line that proposals or decisions refer to', () => {
  const lineInput = (code: string, fiscalYear = 2028) => ({ fiscalYear, code, name: `Line ${code}`, approved: '5000.00' });
  const createLine = async (code: string, fiscalYear = 2028) => {
    const response = await app.http().post(base).set(staff.auth).send({ data: lineInput(code, fiscalYear) });
    expect(response.status).toBe(201);
    return response.body.data.documentId as string;
  };
  const decide = (data: object) =>
    app.http().post('/api/participation/municipalities/SHK/decisions').set(staff.auth).send({
      data: { councilDecisionReference: 'VKB nr. 7', decisionDate: '2028-02-01', rationale: 'Decided.', ...data },
    });
  const stillThere = async (documentId: string) => (await app.http().get(`/api/participation/budget-lines/${documentId}`)).status === 200;
  const lineRow = (documentId: string) => app.strapi.db.connection('participation_budget_lines').where({ document_id: documentId });
  const adminAuth = async () => {
    await app.strapi.service('admin::role').createRolesIfNoneExist();
    const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
    const credentials = { email: `admin-${Date.now()}@example.test`, password: 'Admin-Password-2028' };
    await app.strapi.service('admin::user').create({ ...credentials, firstname: 'Test', lastname: 'Admin', isActive: true, registrationToken: null, roles: [superAdmin.id] });
    const login = await app.http().post('/admin/login').send(credentials);
    expect(login.status).toBe(200);
    return { Authorization: `Bearer ${login.body.data.token}` };
  };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.named = await createLine('REF-P');
    ids.charged = await createLine('REF-D');
    ids.subject = await createLine('REF-S');
    ids.sameCodeOtherYear = await createLine('REF-P', 2029);
    ids.free = await createLine('REF-FREE');
    const round = await createRound(app.strapi, 'SHK', { fiscalYear: 2028 });
    ids.proposal = await createProposal(app.strapi, round, 'SHK', { budgetLineCodes: ['REF-P'] });
    const fund = await decide({ kind: 'fund', subject: { kind: 'proposal', documentId: ids.proposal }, amount: '100.00', budgetLine: { code: 'REF-D', fiscalYear: 2028 } });
    expect(fund.status).toBe(201);
    const onLine = await decide({ kind: 'approve', subject: { kind: 'budget-line', code: 'REF-S', fiscalYear: 2028 }, amount: '10.00', budgetLine: { code: 'REF-D', fiscalYear: 2028 } });
    expect(onLine.status).toBe(201);
    ids.entries = `${fund.body.data.sequence}, ${onLine.body.data.sequence}`;
  });

  it.each([
    ['a proposal names', 'named', 'Budget line REF-P of 2028 cannot be deleted: 1 proposal refer to it'],
    ['decisions charge amounts to', 'charged', 'cannot be deleted: decision-log entries'],
    ['a decision is about', 'subject', 'cannot be deleted: decision-log entry'],
  ])('is not deleted when %s it: 409 saying what refers to it', async (_case, key, message) => {
    const response = await app.http().delete(`${base}/${ids[key]}`).set(staff.auth);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain(message);
    expect(await stillThere(ids[key])).toBe(true);
  });

  it('names the proposals and entries in the details', async () => {
    const named = await app.http().delete(`${base}/${ids.named}`).set(staff.auth);
    expect(named.body.error.details).toEqual({ proposals: [ids.proposal], decisionEntries: [] });
    const charged = await app.http().delete(`${base}/${ids.charged}`).set(staff.auth);
    expect(charged.body.error.message).toBe(`Budget line REF-D of 2028 cannot be deleted: decision-log entries ${ids.entries} refer to it`);
  });

  it('keeps its code and year, while its name and amounts may change', async () => {
    const renamed = await app.http().put(`${base}/${ids.named}`).set(staff.auth).send({ data: { ...lineInput('REF-P2') } });
    expect(renamed.status).toBe(409);
    expect(renamed.body.error.message).toBe('Budget line REF-P of 2028 cannot change its municipality, year or code: 1 proposal refer to it');
    const moved = await app.http().put(`${base}/${ids.subject}`).set(staff.auth).send({ data: { ...lineInput('REF-S', 2029) } });
    expect(moved.status).toBe(409);
    const edited = await app.http().put(`${base}/${ids.named}`).set(staff.auth).send({ data: { ...lineInput('REF-P'), name: 'Renamed line', approved: '6000.00' } });
    expect(edited.status).toBe(200);
    expect(edited.body.data).toMatchObject({ code: 'REF-P', name: 'Renamed line', amounts: { approved: '6000.00' } });
  });

  it('a line nothing refers to is deleted, even when a line of another year with the same code is referred to', async () => {
    expect((await app.http().delete(`${base}/${ids.sameCodeOtherYear}`).set(staff.auth)).status).toBe(204);
    const free = await app.http().put(`${base}/${ids.free}`).set(staff.auth).send({ data: lineInput('REF-FREE2') });
    expect(free.status).toBe(200);
    expect((await app.http().delete(`${base}/${ids.free}`).set(staff.auth)).status).toBe(204);
  });

  it('the database itself refuses deleting or re-keying it in plain SQL', async () => {
    for (const key of ['named', 'charged', 'subject']) {
      await expect(lineRow(ids[key]).delete()).rejects.toMatchObject({ message: expect.stringContaining('participation_budget_lines_referenced') });
      await expect(lineRow(ids[key]).update({ code: 'OTHER' })).rejects.toMatchObject({ message: expect.stringContaining('participation_budget_lines_referenced') });
      await expect(lineRow(ids[key]).update({ municipality_code: 'KOR' })).rejects.toMatchObject({ message: expect.stringContaining('participation_budget_lines_referenced') });
    }
    expect(await lineRow(ids.named).update({ name: 'Renamed in SQL' })).toBe(1);
  });

  it('the Content Manager gets the same 409 for a delete, a bulk delete and a change of code', async () => {
    const auth = await adminAuth();
    const contentManager = '/content-manager/collection-types/plugin::participation.budget-line';
    const deleted = await app.http().delete(`${contentManager}/${ids.charged}`).set(auth);
    expect(deleted.status).toBe(409);
    expect(deleted.body.error.message).toBe(`Budget line REF-D of 2028 cannot be deleted: decision-log entries ${ids.entries} refer to it`);
    const bulk = await app.http().post(`${contentManager}/actions/bulkDelete`).set(auth).send({ documentIds: [ids.named] });
    expect(bulk.status).toBe(409);
    expect(bulk.body.error.message).toBe(`Budget line ${ids.named} cannot be deleted: proposals or decisions refer to it`);
    const recoded = await app.http().put(`${contentManager}/${ids.subject}`).set(auth).send({ code: 'REF-S2' });
    expect(recoded.status).toBe(409);
    expect(recoded.body.error.message).toContain('cannot change its municipality, year or code');
    for (const key of ['named', 'charged', 'subject']) expect(await stillThere(ids[key])).toBe(true);
  });
});

describe('public reads', () => {
  beforeAll(async () => {
    expect((await importCsv(CSV)).status).toBe(200);
  });

  it('filter by municipality, year and markers', async () => {
    const women = await app.http().get('/api/participation/budget-lines?municipality=SHK&fiscalYear=2026&genderMarker=women_and_girls_only');
    expect(women.body.data.map((line: BudgetLine) => line.code)).toEqual(['1070-01']);
    const youth = await app.http().get('/api/participation/budget-lines?youthMarker=significant,principal&sort=-approved');
    expect(youth.body.data.map((line: BudgetLine) => line.code)).toEqual(['1070-01', '0950-01']);
    const municipalities = await app.http().get('/api/participation/municipalities?country=AL');
    expect(municipalities.body.data.map((m: Municipality) => m.code)).toEqual(['KOR', 'SHK']);
  });

  it.each([
    ['/api/participation/budget-lines?municipality=NOPE', 400, 'municipality: unknown municipality "NOPE"'],
    ['/api/participation/budget-lines?fiscalYear=abc', 400, 'fiscalYear'],
    ['/api/participation/budget-lines?genderMarker=pink', 400, 'genderMarker'],
    ['/api/participation/budget-lines?pageSize=1000', 400, 'pageSize'],
    ['/api/participation/municipalities/NOPE', 404, 'Municipality not found'],
  ])('%s → %i', async (path, status, message) => {
    const response = await app.http().get(path);
    expect(response.status).toBe(status);
    expect(response.body.error.message).toContain(message);
  });
});
