import type { TestApp } from '../harness/app';
import { bootWithMunicipality, createProposal, createRound } from '../harness/fixtures';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { portalClient, signedInPortalClient } from '../harness/portal-client';
import { getService } from '../../plugins/participation/server/src/utils/get-service';
import type { BudgetLineValues } from '../../plugins/participation/server/src/domain/budget-lines/budget-line-input';

/**
 * The staff workspace's budget lines and residence verification (issue #15, items 8 and 9) through the
 * portal's own forms, as a browser without JavaScript sends them: who may open each page, bad input
 * answered 400 beside its field (or its CSV line and column) with nothing written, and what each form
 * changes. The CSV travels as a real multipart upload or pasted into the textarea.
 */
let app: TestApp;
let staff: TestPerson;
let korLineId: string;
type Client = ReturnType<typeof portalClient>;

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('SHK', 'Shkodër'));
  await createMunicipality(app.strapi, 'KOR', 'Korçë');
  const lines = getService(app.strapi, 'budget-line');
  const base: Omit<BudgetLineValues, 'fiscalYear' | 'code' | 'name' | 'approvedMinor' | 'revisedMinor'> = {
    programme: null, functionalClassification: null, committedMinor: '0', spentMinor: '0', genderMarker: 'none', youthMarker: 'none', sdgTargets: [],
  };
  await lines.create('SHK', { ...base, fiscalYear: 2026, code: 'ROADS', name: 'Roads', approvedMinor: '100000', revisedMinor: '100000' });
  korLineId = (await lines.create('KOR', { ...base, fiscalYear: 2026, code: 'PARKS', name: 'Parks', approvedMinor: '5000', revisedMinor: '5000' })).documentId;
});
afterAll(() => app?.close());

const shkLines = async (fiscalYear = 2026) =>
  (await getService(app.strapi, 'budget-line').find({ municipalityCode: 'SHK', fiscalYear }, { page: 1, pageSize: 100 })).data;
const lineCoded = async (code: string, fiscalYear = 2026) => (await shkLines(fiscalYear)).find((line) => line.code === code);

/** The error summary's links: the fields a page with errors names. */
const namedFields = (body: string) => [...body.matchAll(/<div class="error-summary"[\s\S]*?<\/div>/g)].flatMap(([summary]) => [...summary.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]));

/**
 * A `multipart/form-data` POST as a browser sends the import form: the session's cookies and the CSRF
 * token of the page just loaded, the CSV as a file and/or as the textarea's text.
 */
const postMultipart = async (client: Client, path: string, fields: Record<string, string>, file?: { name: string; text: string }) => {
  const page = await client.get(path.replace(/\/apply$/, ''));
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const body = new FormData();
  body.append('csrf', csrf);
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('file', file ? new Blob([file.text], { type: 'text/csv' }) : new Blob([], { type: 'application/octet-stream' }), file?.name ?? '');
  const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await fetch(`${app.baseUrl}${path}`, { method: 'POST', body, redirect: 'manual', headers: { cookie, 'accept-language': 'en' } });
  return { status: response.status, body: await response.text(), location: response.headers.get('location') };
};

describe('who may open the budget lines and the verification list', () => {
  const budgetPages = (lineId: string) => [
    '/en/workspace/SHK/budget-lines',
    '/en/workspace/SHK/budget-lines/new',
    `/en/workspace/SHK/budget-lines/${lineId}/edit`,
    `/en/workspace/SHK/budget-lines/${lineId}/delete`,
    '/en/workspace/SHK/budget-lines/import',
  ];

  it('lets SHK staff in, refuses staff of another municipality, moderators, facilitators and citizens, and sends visitors to sign in', async () => {
    const roads = (await lineCoded('ROADS'))!;
    const own = await signedInPortalClient(app, staff);
    for (const path of [...budgetPages(roads.documentId), '/en/workspace/SHK/participants']) expect([path, (await own.get(path)).status]).toEqual([path, 200]);

    const refused = {
      otherStaff: await signedInPortalClient(app, await createPerson(app.strapi, 'municipal-staff', ['KOR'])),
      moderator: await signedInPortalClient(app, await createPerson(app.strapi, 'moderator', ['SHK'])),
      facilitator: await signedInPortalClient(app, await createPerson(app.strapi, 'cso-facilitator', ['SHK'])),
      citizen: await signedInPortalClient(app, await createPerson(app.strapi, 'citizen')),
    };
    for (const [who, client] of Object.entries(refused)) {
      for (const path of budgetPages(roads.documentId)) expect([who, path, (await client.get(path)).status]).toEqual([who, path, 403]);
      // The forms are refused as well, before anything is read from them.
      expect([who, (await client.post('/en/workspace/SHK/budget-lines/new', { fiscalYear: '2026', code: 'X', name: 'X', approved: '1' })).status]).toEqual([who, 403]);
      expect([who, (await client.post(`/en/workspace/SHK/budget-lines/${roads.documentId}/delete`, {})).status]).toEqual([who, 403]);
    }
    // Facilitators verify residence too (participant.verify); the others may not.
    expect((await refused.facilitator.get('/en/workspace/SHK/participants')).status).toBe(200);
    for (const who of ['otherStaff', 'moderator', 'citizen'] as const) expect([who, (await refused[who].get('/en/workspace/SHK/participants')).status]).toEqual([who, 403]);
    expect(await lineCoded('X')).toBeUndefined();
    expect(await lineCoded('ROADS')).toBeDefined();

    const visitor = portalClient(app);
    const signIn = await visitor.get('/en/workspace/SHK/budget-lines');
    expect(signIn.status).toBe(303);
    expect(signIn.location).toBe('/en/sign-in?returnTo=%2Fworkspace%2FSHK%2Fbudget-lines');
  });

  it('does not reach a line of another municipality through this one', async () => {
    const own = await signedInPortalClient(app, staff);
    expect((await own.get(`/en/workspace/SHK/budget-lines/${korLineId}/edit`)).status).toBe(404);
    expect((await own.get(`/en/workspace/SHK/budget-lines/${korLineId}/delete`)).status).toBe(404);
    expect((await own.post(`/en/workspace/SHK/budget-lines/${korLineId}/edit`, { fiscalYear: '2026', code: 'PARKS', name: 'Taken', approved: '1' })).status).toBe(404);
    expect((await own.post(`/en/workspace/SHK/budget-lines/${korLineId}/delete`, {})).status).toBe(404);
    expect((await getService(app.strapi, 'budget-line').findOne(korLineId)).name).toBe('Parks');
  });
});

describe('adding, changing and deleting a line', () => {
  it('answers bad input with 400, each field named beside it and in the summary, values kept, nothing written', async () => {
    const own = await signedInPortalClient(app, staff);
    await own.get('/en/workspace/SHK/budget-lines/new');
    const answer = await own.post('/en/workspace/SHK/budget-lines/new', {
      fiscalYear: '20x6', code: 'BAD CODE', name: '', approved: '-5', revised: '1,5,5', genderMarker: 'purple', youthMarker: 'none', sdgTargets: '99.9',
    });
    expect(answer.status).toBe(400);
    expect(namedFields(answer.body).sort()).toEqual(['approved', 'code', 'fiscalYear', 'genderMarker', 'name', 'revised', 'sdgTargets'].sort());
    expect(answer.body).toContain('Enter the fiscal year as four digits');
    expect(answer.body).toContain('value="BAD CODE"');
    expect(answer.body).toContain('aria-invalid="true"');
    expect(await lineCoded('BAD CODE')).toBeUndefined();
  });

  it('adds a line, refuses its code again in the same year, changes it, and deletes it after the check', async () => {
    const own = await signedInPortalClient(app, staff);
    await own.get('/en/workspace/SHK/budget-lines/new');
    const created = await own.post('/en/workspace/SHK/budget-lines/new', {
      fiscalYear: '2026', code: 'PARK-1', name: 'Park benches', programme: '', functionalClassification: '', approved: '1250000.50', revised: '', committed: '', spent: '',
      genderMarker: 'closes_gender_gaps', youthMarker: 'significant', sdgTargets: '11.7 5.c',
    });
    expect(created.status).toBe(303);
    expect(created.location).toBe('/en/workspace/SHK/budget-lines?year=2026&done=created');
    const line = (await lineCoded('PARK-1'))!;
    expect(line).toMatchObject({ name: 'Park benches', amounts: { approved: '1250000.50', revised: '1250000.50', committed: '0.00' }, genderMarker: 'closes_gender_gaps', sdgTargets: ['11.7', '5.c'] });
    const list = await own.get(created.location!);
    expect(list.body).toContain('The budget line was added.');
    expect(list.body).toContain('Park benches');

    await own.get('/en/workspace/SHK/budget-lines/new');
    const twice = await own.post('/en/workspace/SHK/budget-lines/new', { fiscalYear: '2026', code: 'PARK-1', name: 'Again', approved: '1' });
    expect(twice.status).toBe(400);
    expect(namedFields(twice.body)).toEqual(['code']);
    expect(twice.body).toContain('Another budget line of this fiscal year has this code');
    expect((await shkLines()).filter((entry) => entry.code === 'PARK-1')).toHaveLength(1);

    const edit = await own.get(`/en/workspace/SHK/budget-lines/${line.documentId}/edit`);
    expect(edit.body).toContain('value="1250000.50"');
    const badEdit = await own.post(`/en/workspace/SHK/budget-lines/${line.documentId}/edit`, { fiscalYear: '2026', code: 'PARK-1', name: 'Park benches', approved: 'lots' });
    expect(badEdit.status).toBe(400);
    expect(namedFields(badEdit.body)).toEqual(['approved']);
    expect((await lineCoded('PARK-1'))!.amounts.approved).toBe('1250000.50');
    const saved = await own.post(`/en/workspace/SHK/budget-lines/${line.documentId}/edit`, { fiscalYear: '2026', code: 'PARK-1', name: 'Park benches and bins', approved: '1300000', spent: '10' });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/en/workspace/SHK/budget-lines?year=2026&done=saved');
    expect(await lineCoded('PARK-1')).toMatchObject({ name: 'Park benches and bins', amounts: { approved: '1300000.00', spent: '10.00' } });

    const check = await own.get(`/en/workspace/SHK/budget-lines/${line.documentId}/delete`);
    expect(check.status).toBe(200);
    expect(check.body).toContain('Deleting a budget line cannot be undone.');
    expect(await lineCoded('PARK-1')).toBeDefined();
    const deleted = await own.post(`/en/workspace/SHK/budget-lines/${line.documentId}/delete`, {});
    expect(deleted.status).toBe(303);
    expect(deleted.location).toBe('/en/workspace/SHK/budget-lines?year=2026&done=deleted');
    expect(await lineCoded('PARK-1')).toBeUndefined();
  });

  it('keeps a line that a proposal refers to, saying why (409), and keeps its code', async () => {
    const lines = getService(app.strapi, 'budget-line');
    const line = await lines.create('SHK', {
      fiscalYear: 2026, code: 'REF-1', name: 'Referred', programme: null, functionalClassification: null, approvedMinor: '100', revisedMinor: '100', committedMinor: '0', spentMinor: '0', genderMarker: 'none', youthMarker: 'none', sdgTargets: [],
    });
    await createProposal(app.strapi, await createRound(app.strapi, 'SHK'), 'SHK', { budgetLineCodes: ['REF-1'] });
    const own = await signedInPortalClient(app, staff);
    await own.get(`/en/workspace/SHK/budget-lines/${line.documentId}/delete`);
    const refused = await own.post(`/en/workspace/SHK/budget-lines/${line.documentId}/delete`, {});
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('This line cannot be deleted');
    const renamed = await own.post(`/en/workspace/SHK/budget-lines/${line.documentId}/edit`, { fiscalYear: '2026', code: 'REF-2', name: 'Referred', approved: '1' });
    expect(renamed.status).toBe(409);
    expect(namedFields(renamed.body)).toEqual(['code']);
    expect(await lineCoded('REF-1')).toMatchObject({ name: 'Referred', amounts: { approved: '1.00' } });
    expect(await lineCoded('REF-2')).toBeUndefined();
  });
});

describe('the CSV import', () => {
  const HEADER = 'fiscal_year;code;name;approved;revised;gender_marker';

  it('shows a dry run of a file with the old and new value of every changed field, then applies it', async () => {
    const own = await signedInPortalClient(app, staff);
    const csv = [HEADER, '2026;ROADS;Roads and bridges;1000,00;1 200,50;closes_gender_gaps', '2026;LIGHTS;Street lights;"2 000,00";;none', ''].join('\n');
    const dry = await postMultipart(own, '/en/workspace/SHK/budget-lines/import', { csv: '', decimalSeparator: '' }, { name: 'budget.csv', text: csv });
    expect(dry.status).toBe(200);
    expect(dry.body).toContain('Check the changes before importing');
    // One row per changed field of ROADS, old beside new; LIGHTS is new.
    const rows = [...dry.body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([row]) => row.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|'));
    expect(rows.some((row) => row.includes('ROADS|2026|Name|Roads|Roads and bridges|'))).toBe(true);
    // Amounts in the municipality's currency (a whole amount without ".00"), markers in words.
    expect(rows.some((row) => /ROADS\|2026\|Revised\|[^|]*1,000\|[^|]*1,200\.50\|/.test(row))).toBe(true);
    expect(rows.some((row) => row.includes('ROADS|2026|Gender marker|Not targeted|Closes gender gaps|'))).toBe(true);
    expect(rows.some((row) => row.includes('LIGHTS|2026|New line|'))).toBe(true);
    // A dry run writes nothing.
    expect((await lineCoded('ROADS'))!.name).toBe('Roads');
    expect(await lineCoded('LIGHTS')).toBeUndefined();

    // The check step carries the CSV on; applying it writes both lines at once.
    const hidden = (name: string) =>
      new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(dry.body)?.[1]
        ?.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
    expect(hidden('csv')).toBe(csv);
    expect(hidden('decimalSeparator')).toBe(',');
    const applied = await postMultipart(own, '/en/workspace/SHK/budget-lines/import/apply', { csv: hidden('csv')!, decimalSeparator: hidden('decimalSeparator')! });
    expect(applied.status).toBe(303);
    expect(applied.location).toBe('/en/workspace/SHK/budget-lines?year=2026&done=imported');
    expect(await lineCoded('ROADS')).toMatchObject({ name: 'Roads and bridges', amounts: { approved: '1000.00', revised: '1200.50' }, genderMarker: 'closes_gender_gaps' });
    expect(await lineCoded('LIGHTS')).toMatchObject({ amounts: { approved: '2000.00', revised: '2000.00' } });

    // The same CSV again has nothing to do: no apply button.
    const again = await postMultipart(own, '/en/workspace/SHK/budget-lines/import', { csv, decimalSeparator: '' });
    expect(again.status).toBe(200);
    expect(again.body).toContain('Nothing to import');
    expect(again.body).not.toContain('/import/apply');
  });

  it('answers a bad CSV with 400 naming each line and column, the CSV kept, and applies none of it', async () => {
    const own = await signedInPortalClient(app, staff);
    const csv = [HEADER, '2027;GOOD-1;Fine;100;;none', '2027;BAD 2;Broken code;100;;none', '2027;GOOD-3;Negative;-4;;none', '2027;GOOD-4;Marker;1;;purple'].join('\n');
    const dry = await postMultipart(own, '/en/workspace/SHK/budget-lines/import', { csv, decimalSeparator: '' });
    expect(dry.status).toBe(400);
    expect(namedFields(dry.body)).toEqual(['csv']);
    const problems = [...dry.body.matchAll(/<tr><th scope="row">(\d+)<\/th><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map(([, line, column, message]) => [Number(line), column, message]);
    expect(problems).toEqual([
      [3, 'code', expect.stringContaining('letters, digits')],
      [4, 'approved', expect.stringContaining('not negative')],
      [5, 'gender_marker', 'Choose a gender marker'],
    ]);
    expect(dry.body).toContain('BAD 2;Broken code');
    // Applying it anyway (a stale or forged check step) writes nothing, not even the good line.
    const applied = await postMultipart(own, '/en/workspace/SHK/budget-lines/import/apply', { csv, decimalSeparator: '' });
    expect(applied.status).toBe(400);
    expect(await shkLines(2027)).toEqual([]);
  });

  it('names the header, the file and the form fields when those are wrong', async () => {
    const own = await signedInPortalClient(app, staff);
    const header = await postMultipart(own, '/en/workspace/SHK/budget-lines/import', { csv: 'fiscal_year;code;colour\n2026;A;red', decimalSeparator: '' });
    expect(header.status).toBe(400);
    expect(header.body).toContain('The first row must name each column once');
    const notCsv = await postMultipart(own, '/en/workspace/SHK/budget-lines/import', { csv: 'fiscal_year;code;name;approved\n2026;"A;B;1', decimalSeparator: '' });
    expect(notCsv.status).toBe(400);
    expect(notCsv.body).toContain('The file could not be read');

    const nothing = await postMultipart(own, '/en/workspace/SHK/budget-lines/import', { csv: '  ', decimalSeparator: '' });
    expect([nothing.status, namedFields(nothing.body)]).toEqual([400, ['csv']]);
    const both = await postMultipart(own, '/en/workspace/SHK/budget-lines/import', { csv: 'x', decimalSeparator: '' }, { name: 'b.csv', text: 'y' });
    expect([both.status, namedFields(both.body)]).toEqual([400, ['file']]);
    const separator = await postMultipart(own, '/en/workspace/SHK/budget-lines/import', { csv: `${HEADER}\n2026;Z;Z;1;;none`, decimalSeparator: ';' });
    expect([separator.status, namedFields(separator.body)]).toEqual([400, ['decimalSeparator']]);
    const huge = await postMultipart(own, '/en/workspace/SHK/budget-lines/import', { csv: '', decimalSeparator: '' }, { name: 'big.csv', text: `${HEADER}\n${'2026;BIG;Big;1;;none\n'.repeat(300_000)}` });
    expect([huge.status, namedFields(huge.body)]).toEqual([400, ['file']]);
    expect(huge.body).toContain('too large');
    expect(await lineCoded('Z')).toBeUndefined();
    expect(await lineCoded('BIG')).toBeUndefined();
  });

  it('takes the CSV pasted into the form, and a forged or missing CSRF token is refused', async () => {
    const own = await signedInPortalClient(app, staff);
    const csv = `${HEADER}\n2028;PASTED;Pasted line;10;;none`;
    const dry = await postMultipart(own, '/en/workspace/SHK/budget-lines/import', { csv, decimalSeparator: '' });
    expect(dry.status).toBe(200);
    expect(dry.body).toContain('Lines to add');
    const cookie = [...own.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const body = new FormData();
    body.append('csrf', 'forged');
    body.append('csv', csv);
    const forged = await fetch(`${app.baseUrl}/en/workspace/SHK/budget-lines/import/apply`, { method: 'POST', body, redirect: 'manual', headers: { cookie } });
    expect(forged.status).toBe(403);
    expect(await lineCoded('PASTED', 2028)).toBeUndefined();
    expect((await postMultipart(own, '/en/workspace/SHK/budget-lines/import/apply', { csv, decimalSeparator: '' })).status).toBe(303);
    expect(await lineCoded('PASTED', 2028)).toBeDefined();
  });
});

describe('verifying residence', () => {
  let waiting: TestPerson;
  let elsewhere: TestPerson;

  beforeAll(async () => {
    const profiles = getService(app.strapi, 'participant-profile');
    waiting = await createPerson(app.strapi, 'citizen');
    elsewhere = await createPerson(app.strapi, 'citizen');
    await profiles.declare(waiting.id, { residenceMunicipalityCode: 'SHK', birthDate: '1990-04-02' });
    await profiles.declare(elsewhere.id, { residenceMunicipalityCode: 'KOR', birthDate: null });
  });

  it('lists who declared residence here and waits, verifies after the check, and takes it back', async () => {
    const facilitator = await signedInPortalClient(app, await createPerson(app.strapi, 'cso-facilitator', ['SHK']));
    const list = await facilitator.get('/en/workspace/SHK/participants');
    expect(list.body).toContain(waiting.username);
    expect(list.body).not.toContain(elsewhere.username);
    expect((await facilitator.get(`/en/workspace/SHK/participants?q=${encodeURIComponent(waiting.email.slice(0, 12))}`)).body).toContain(waiting.username);
    expect((await facilitator.get('/en/workspace/SHK/participants?q=nobody%25')).body).not.toContain(waiting.username);

    const check = await facilitator.get(`/en/workspace/SHK/participants/${waiting.id}/verify`);
    expect(check.status).toBe(200);
    expect(check.body).toContain('Only verify after checking in person');
    expect((await getService(app.strapi, 'participant-profile').voterFacts(waiting.id, 'SHK')).verified).toBe(false);
    const verified = await facilitator.post(`/en/workspace/SHK/participants/${waiting.id}/verify`, {});
    expect(verified.status).toBe(303);
    expect(verified.location).toBe('/en/workspace/SHK/participants?done=verified');
    expect((await getService(app.strapi, 'participant-profile').voterFacts(waiting.id, 'SHK')).verified).toBe(true);
    expect((await facilitator.get('/en/workspace/SHK/participants')).body).not.toContain(waiting.username);
    expect((await facilitator.get('/en/workspace/SHK/participants?list=verified')).body).toContain(waiting.username);
    // Verified already: nothing to verify twice.
    expect((await facilitator.get(`/en/workspace/SHK/participants/${waiting.id}/verify`)).status).toBe(404);

    await facilitator.get(`/en/workspace/SHK/participants/${waiting.id}/revoke`);
    const revoked = await facilitator.post(`/en/workspace/SHK/participants/${waiting.id}/revoke`, {});
    expect(revoked.status).toBe(303);
    expect(revoked.location).toBe('/en/workspace/SHK/participants?list=verified&done=revoked');
    expect((await getService(app.strapi, 'participant-profile').voterFacts(waiting.id, 'SHK')).verified).toBe(false);
    expect((await facilitator.get(`/en/workspace/SHK/participants/${waiting.id}/revoke`)).status).toBe(404);
  });

  it('does not reach people of another municipality, nor unknown or malformed ids', async () => {
    const own = await signedInPortalClient(app, staff);
    await own.get('/en/workspace/SHK/participants');
    for (const path of [`/en/workspace/SHK/participants/${elsewhere.id}/verify`, '/en/workspace/SHK/participants/999999/verify', '/en/workspace/SHK/participants/abc/verify', '/en/workspace/SHK/participants/-1/revoke']) {
      expect([path, (await own.get(path)).status]).toEqual([path, 404]);
    }
    expect((await own.post(`/en/workspace/SHK/participants/${elsewhere.id}/verify`, {})).status).toBe(404);
    expect((await getService(app.strapi, 'participant-profile').find(elsewhere.id)).verifiedIn).toEqual([]);
    // Staff of KOR see their own resident, not SHK's.
    const korStaff = await signedInPortalClient(app, await createPerson(app.strapi, 'municipal-staff', ['KOR']));
    expect((await korStaff.get('/en/workspace/KOR/participants')).body).toContain(elsewhere.username);
    expect((await korStaff.get(`/en/workspace/KOR/participants/${waiting.id}/verify`)).status).toBe(404);
    expect((await korStaff.get(`/en/workspace/SHK/participants/${waiting.id}/verify`)).status).toBe(403);
  });
});
