import type { TestApp } from '../harness/app';
import { signInAsAdmin, signInAsAdminWith } from '../harness/admin';
import { createCommunity } from '../harness/community';
import { advanceRound, bootWithMunicipality, createProposal, createVotingRound } from '../harness/fixtures';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { ADMIN_ACTIONS } from '../../plugins/participation/server/src/constants/admin-actions';
import { AMOUNT_FIELD_UID } from '../../plugins/participation/server/src/constants/custom-fields';
import { getService } from '../../plugins/participation/server/src/utils/get-service';
import { moneyByMarkerAnswerSchema, programmeIndicatorsAnswerSchema } from '../../plugins/participation/shared/contracts/reports';

/** The administrator's screens' admin API: each route behind its RBAC action, bad input a 400 naming the field. */
let app: TestApp;
let staff: TestPerson;
let admin: { Authorization: string };
const base = '/participation';
const year = new Date().getUTCFullYear();

/** A budget line written straight through the Document Service, in minor units. */
const createBudgetLine = (municipalityCode: string, code: string, approvedMinor: string, markers: { genderMarker?: string; youthMarker?: string } = {}) =>
  app.strapi.documents('plugin::participation.budget-line').create({ data: { municipalityCode, fiscalYear: year, code, name: `Line ${code}`, approvedMinor, ...markers } as never });

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('KOR', 'Korçë'));
  await createMunicipality(app.strapi, 'TIR', 'Tirana');
  await createBudgetLine('KOR', '0950-01', '100000');
  admin = await signInAsAdmin(app);
});
afterAll(() => app?.close());

const roleOf = async (userId: number) => (await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: userId }, populate: ['role'] })).role.type;
const actorOf = async (userId: number) => getService(app.strapi, 'access').actorFor({ id: userId, role: { type: await roleOf(userId) } });

describe('RBAC: every admin route needs its own action', () => {
  const routes: Array<{ name: string; action: string; call: (headers: Record<string, string>) => Promise<{ status: number }> }> = [
    { name: 'list municipalities', action: ADMIN_ACTIONS.readMunicipalities, call: (h) => app.http().get(`${base}/municipalities`).set(h) },
    {
      name: 'create a municipality',
      action: ADMIN_ACTIONS.createMunicipalities,
      call: (h) => app.http().post(`${base}/municipalities`).set(h).send({ name: 'Berat', code: `BER-${Date.now()}`, country: 'AL', defaultLocale: 'sq', currency: 'ALL' }),
    },
    { name: 'read an overview', action: ADMIN_ACTIONS.readOverview, call: (h) => app.http().get(`${base}/municipalities/KOR/overview`).set(h) },
    { name: 'read money by marker', action: ADMIN_ACTIONS.readOverview, call: (h) => app.http().get(`${base}/municipalities/KOR/money-by-marker?fiscalYear=${year}`).set(h) },
    {
      name: 'read a municipality’s programme indicators',
      action: ADMIN_ACTIONS.readOverview,
      call: (h) => app.http().get(`${base}/municipalities/KOR/programme-indicators?fromYear=${year}&toYear=${year}`).set(h),
    },
    {
      name: 'read programme indicators across municipalities',
      action: ADMIN_ACTIONS.readProgrammeIndicators,
      call: (h) => app.http().get(`${base}/programme-indicators?municipalities=KOR,TIR&fromYear=${year}&toYear=${year}`).set(h),
    },
    { name: 'list role holders', action: ADMIN_ACTIONS.readMunicipalities, call: (h) => app.http().get(`${base}/role-holders`).set(h) },
    { name: 'search people', action: ADMIN_ACTIONS.assignRoles, call: (h) => app.http().get(`${base}/people?search=citizen`).set(h) },
    {
      name: 'assign a role',
      action: ADMIN_ACTIONS.assignRoles,
      call: async (h) => {
        const person = await createPerson(app.strapi, 'citizen');
        return app.http().post(`${base}/role-assignments`).set(h).send({ userId: person.id, role: 'moderator', municipalityCodes: ['KOR'] });
      },
    },
    {
      name: 'take a role away',
      action: ADMIN_ACTIONS.assignRoles,
      call: async (h) => {
        const person = await createPerson(app.strapi, 'moderator', ['KOR']);
        return app.http().delete(`${base}/role-assignments/${person.id}/KOR`).set(h);
      },
    },
    {
      name: 'import budget lines',
      action: ADMIN_ACTIONS.importBudgetLines,
      call: (h) => app.http().post(`${base}/municipalities/KOR/budget-lines/import?dryRun=true`).set(h).send({ csv: 'fiscal_year;code;name;approved\n2026;RBAC-1;Line;100\n' }),
    },
  ];
  const allActions = [...new Set(routes.map((route) => route.action))];

  it.each(routes)('$name: refused (403) to an admin holding every other action, answered to one holding $action', async ({ action, call }) => {
    const without = await signInAsAdminWith(app, allActions.filter((other) => other !== action));
    expect((await call(without)).status).toBe(403);
    const withIt = await signInAsAdminWith(app, [action]);
    expect([200, 201]).toContain((await call(withIt)).status);
  });

  it('refuses a signed-out caller and a users-permissions (portal) account', async () => {
    expect((await app.http().get(`${base}/municipalities`)).status).toBe(401);
    expect((await app.http().get(`${base}/municipalities`).set(staff.auth)).status).toBe(401);
  });
});

describe('municipalities', () => {
  it('creates a municipality, which every list then shows', async () => {
    const created = await app.http().post(`${base}/municipalities`).set(admin).send({ name: 'Shkodër', code: 'SHK', country: 'AL', defaultLocale: 'sq', currency: 'ALL', population: 135612 });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ code: 'SHK', name: 'Shkodër', population: 135612 });
    expect((await app.http().get('/api/participation/municipalities/SHK')).body.data.name).toBe('Shkodër');
  });

  it.each([
    [{ code: 'kor 2' }, 'code'],
    [{ name: '' }, 'name'],
    [{ name: '<b>Berat</b>' }, 'name'],
    [{ country: 'Albania' }, 'country'],
    [{ currency: 'lek' }, 'currency'],
    [{ population: -1 }, 'population'],
    [{ mayor: 'Someone' }, 'mayor'],
  ])('refuses %j with a 400 naming %s, and creates nothing', async (change, field) => {
    const body = { name: 'Berat', code: 'BRT', country: 'AL', defaultLocale: 'sq', currency: 'ALL', ...change };
    const refused = await app.http().post(`${base}/municipalities`).set(admin).send(body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'))).toContain(field);
    expect(await app.strapi.db.query('plugin::participation.municipality').count({ where: { code: body.code } })).toBe(0);
  });

  it('refuses a code that is taken with a 409 naming it', async () => {
    const refused = await app.http().post(`${base}/municipalities`).set(admin).send({ name: 'Korça again', code: 'KOR', country: 'AL', defaultLocale: 'sq', currency: 'ALL' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/^code: .*KOR/);
  });
});

describe('who holds which role where', () => {
  it('makes a new person moderator of Korçë, which their access then reflects, and takes it away again', async () => {
    const person = await createPerson(app.strapi, 'citizen');
    const found = await app.http().get(`${base}/people`).query({ search: person.username }).set(admin);
    expect(found.body.data).toEqual([expect.objectContaining({ id: person.id, roleType: 'authenticated' })]);

    const assigned = await app.http().post(`${base}/role-assignments`).set(admin).send({ userId: person.id, role: 'moderator', municipalityCodes: ['KOR', 'TIR'] });
    expect(assigned.status).toBe(200);
    expect(assigned.body.data).toMatchObject({ id: person.id, role: 'moderator', municipalities: [{ code: 'KOR', name: 'Korçë' }, { code: 'TIR', name: 'Tirana' }] });
    expect(await actorOf(person.id)).toMatchObject({ role: 'moderator', municipalityCodes: expect.arrayContaining(['KOR', 'TIR']) });
    // The moderation queue of Korçë answers them now.
    expect((await app.http().get('/api/participation/municipalities/KOR/moderation/queue').set(person.auth)).status).not.toBe(403);

    const holders = await app.http().get(`${base}/role-holders?municipality=KOR`).set(admin);
    expect(holders.body.data.map((holder: { id: number }) => holder.id)).toEqual(expect.arrayContaining([person.id, staff.id]));

    const once = await app.http().delete(`${base}/role-assignments/${person.id}/TIR`).set(admin);
    expect(once.body.data).toMatchObject({ role: 'moderator', municipalities: [{ code: 'KOR' }] });
    const last = await app.http().delete(`${base}/role-assignments/${person.id}/KOR`).set(admin);
    expect(last.status).toBe(200);
    expect(last.body.data).toBeNull();
    expect(await roleOf(person.id)).toBe('authenticated');
    expect((await app.http().delete(`${base}/role-assignments/${person.id}/KOR`).set(admin)).status).toBe(404);
  });

  it('assigning again keeps what the person holds, without duplicates', async () => {
    const person = await createPerson(app.strapi, 'cso-facilitator', ['KOR']);
    const again = await app.http().post(`${base}/role-assignments`).set(admin).send({ userId: person.id, role: 'cso-facilitator', municipalityCodes: ['KOR', 'TIR', 'TIR'] });
    expect(again.body.data.municipalities.map((m: { code: string }) => m.code)).toEqual(['KOR', 'TIR']);
  });

  it('refuses a second role for someone who holds another (409), changing nothing', async () => {
    const refused = await app.http().post(`${base}/role-assignments`).set(admin).send({ userId: staff.id, role: 'moderator', municipalityCodes: ['TIR'] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/municipal-staff in KOR/);
    expect(await roleOf(staff.id)).toBe('municipal-staff');
    expect((await actorOf(staff.id))!.municipalityCodes).toEqual(['KOR']);
  });

  it.each([
    [{ role: 'mayor' }, 'role'],
    [{ municipalityCodes: [] }, 'municipalityCodes'],
    [{ municipalityCodes: ['NOPE'] }, 'municipalityCodes.0'],
    [{ userId: 99999999 }, 'userId'],
    [{ userId: 'someone' }, 'userId'],
  ])('refuses %j with a 400 naming %s', async (change, field) => {
    const person = await createPerson(app.strapi, 'citizen');
    const refused = await app.http().post(`${base}/role-assignments`).set(admin).send({ userId: person.id, role: 'moderator', municipalityCodes: ['KOR'], ...change });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'))).toContain(field);
    expect(await roleOf(person.id)).toBe('authenticated');
  });

  it('refuses a search too short to mean anything, naming the parameter', async () => {
    const refused = await app.http().get(`${base}/people?search=a`).set(admin);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/search/);
  });
});

describe('the overview of a municipality', () => {
  it('counts rounds by phase, turnout by channel, proposals by status, forum activity, consultations, meetings and decisions, with small groups suppressed', async () => {
    await createMunicipality(app.strapi, 'ELB', 'Elbasan');
    await createCommunity(app.strapi, 'ELB');
    const { roundId } = await createVotingRound(app.strapi, 'ELB', { kind: 'approval', maxProjects: 3, countingRule: 'greedy_cost' }, { totalBudgetMinor: '100000' });
    const ids = (await app.strapi.db.query('plugin::participation.proposal').findMany({ where: { roundDocumentId: roundId }, select: ['documentId'] })).map((row: { documentId: string }) => row.documentId);
    await createProposal(app.strapi, roundId, 'ELB', { proposalStatus: 'infeasible', infeasibleReason: 'Not the municipality’s land.' });
    for (let i = 0; i < 2; i += 1) {
      const voter = await createPerson(app.strapi, 'citizen');
      expect((await app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(voter.auth).send({ choices: { projects: [ids[0]] } })).status).toBe(201);
    }

    const overview = await app.http().get(`${base}/municipalities/ELB/overview`).set(admin);
    expect(overview.status).toBe(200);
    const data = overview.body.data;
    expect(data.municipality.code).toBe('ELB');
    expect(data.rounds.byPhase).toEqual({ proposals: 1, voting: 1 });
    expect(data.rounds.list.find((round: { documentId: string }) => round.documentId === roundId).turnout).toEqual({ total: 2, byChannel: { online: 2, assisted: 0, paper: 0 } });
    expect(data.proposals.byStatus).toMatchObject({ on_ballot: 3, infeasible: 1 });
    expect(data.consultations.open).toHaveLength(1);
    expect(data.meetings.upcoming.map((meeting: { title: string }) => meeting.title)).toEqual(['Social care plan: first reading', 'Site visit to the day centre']);
    expect(data.decisions).toEqual({ published: 0, lastPublishedAt: null });
    // Two people attended the held meeting: fewer than k, so the count is suppressed, never 2.
    expect(data.statistics).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'meeting', title: 'Working session on home care', total: 'suppressed' })]));
    expect(JSON.stringify(data)).not.toMatch(/receipt|voterKey|choices/);
  });

  it('answers an unknown municipality with a 404', async () => {
    expect((await app.http().get(`${base}/municipalities/NOPE/overview`).set(admin)).status).toBe(404);
  });
});

describe('the reports on the overview and the programme screen', () => {
  const reports = () => getService(app.strapi, 'reports');
  const fieldsOf = (body: { error: { details: { errors: Array<{ path: string[] }> } } }) => body.error.details.errors.map((error) => error.path.join('.'));

  beforeAll(async () => {
    // Fier: three tenths of its budget for women and girls, and a round reserving a share for gender equality,
    // closed with two voters (fewer than k: every count of them is suppressed).
    await createMunicipality(app.strapi, 'FIE', 'Fier');
    await createBudgetLine('FIE', '1040-01', '300000', { genderMarker: 'women_and_girls_only', youthMarker: 'principal' });
    await createBudgetLine('FIE', '0100-01', '700000');
    const { roundId, projects } = await createVotingRound(app.strapi, 'FIE', { kind: 'approval', countingRule: 'greedy_cost' }, { fiscalYear: year, reservations: [{ marker: 'gender', share: '0.3' }] });
    for (let i = 0; i < 2; i += 1) {
      const voter = await createPerson(app.strapi, 'citizen');
      expect((await app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(voter.auth).send({ choices: { projects: [projects[0]] } })).status).toBe(201);
    }
    await advanceRound(app.strapi, roundId, 'counting');
  });

  it('answers the money by marker of a budget year as the reports service computes it for the portal', async () => {
    const answer = await app.http().get(`${base}/municipalities/FIE/money-by-marker?fiscalYear=${year}`).set(admin);
    expect(answer.status).toBe(200);
    expect(moneyByMarkerAnswerSchema.parse(answer.body).data).toEqual(await reports().moneyByMarker('FIE', year));
    expect(answer.body.data.byGender.find((group: { marker: string }) => group.marker === 'women_and_girls_only')).toMatchObject({ amounts: { approved: '3000.00' }, shares: { approved: '30.00' } });
    expect((await app.http().get(`${base}/municipalities/FIE/overview`).set(admin)).body.data.budgetYears).toEqual([year]);
  });

  it('answers a municipality’s programme indicators with the counts of small groups suppressed, not 0', async () => {
    const answer = await app.http().get(`${base}/municipalities/FIE/programme-indicators?fromYear=${year}&toYear=${year}`).set(admin);
    expect(answer.status).toBe(200);
    const sheet = programmeIndicatorsAnswerSchema.parse(answer.body).data;
    expect(sheet).toEqual(await reports().programmeIndicators(['FIE'], year, year));
    expect(sheet).toMatchObject({ municipalityCodes: ['FIE'], genderResponsiveRounds: { municipalities: ['FIE'], rounds: 1 } });
    // Two voters: every count of them is below k, so the sum says how many cells it could not add.
    expect(sheet.genderResponsiveRounds.women.suppressedCells).toBeGreaterThan(0);
    expect(sheet.personsWithDisabilities.suppressedCells).toBeGreaterThan(0);
  });

  it('answers the programme indicators of several municipalities over a span of years', async () => {
    const answer = await app.http().get(`${base}/programme-indicators?municipalities=KOR,FIE&fromYear=${year - 1}&toYear=${year}`).set(admin);
    expect(answer.status).toBe(200);
    expect(programmeIndicatorsAnswerSchema.parse(answer.body).data).toEqual(await reports().programmeIndicators(['FIE', 'KOR'], year - 1, year));
    expect(answer.body.data.municipalityCodes).toEqual(['FIE', 'KOR']);
  });

  it.each([
    ['money-by-marker without its year', '/municipalities/FIE/money-by-marker', 400, 'fiscalYear'],
    ['money-by-marker of a year without budget lines', `/municipalities/FIE/money-by-marker?fiscalYear=${year + 3}`, 404, 'fiscalYear'],
    ['money-by-marker of an unknown municipality', `/municipalities/NOPE/money-by-marker?fiscalYear=${year}`, 400, 'municipalityCode'],
    ['indicators with a span running backwards', `/municipalities/FIE/programme-indicators?fromYear=${year}&toYear=${year - 1}`, 400, 'toYear'],
    ['indicators with a question they do not take', `/municipalities/FIE/programme-indicators?fromYear=${year}&toYear=${year}&municipalities=KOR`, 400, 'municipalities'],
    ['indicators of an unknown municipality', `/programme-indicators?municipalities=KOR,NOPE&fromYear=${year}&toYear=${year}`, 400, 'municipalities'],
    ['indicators of no municipality', `/programme-indicators?municipalities=&fromYear=${year}&toYear=${year}`, 400, 'municipalities'],
    ['indicators of a year out of range', `/programme-indicators?municipalities=KOR&fromYear=1999&toYear=${year}`, 400, 'fromYear'],
  ])('refuses %s (%s) with a %i naming %s', async (_case, path, status, field) => {
    const refused = await app.http().get(`${base}${path}`).set(admin);
    expect(refused.status).toBe(status);
    expect(fieldsOf(refused.body)).toContain(field);
  });
});

describe('the Content Manager for the plugin’s content types', () => {
  const configurationOf = async (uid: string) => {
    const answer = await app.http().get(`/content-manager/content-types/${uid}/configuration`).set(admin);
    expect(answer.status).toBe(200);
    return answer.body.data.contentType;
  };

  it('names rounds and proposals by their titles', async () => {
    expect((await configurationOf('plugin::participation.round')).settings.mainField).toBe('title');
    expect((await configurationOf('plugin::participation.proposal')).settings.mainField).toBe('title');
  });

  it('shows the fields only the plugin changes read-only, and leaves raw results out of the form', async () => {
    const round = await configurationOf('plugin::participation.round');
    expect(round.metadatas.phase.edit.editable).toBe(false);
    expect(round.metadatas.ballotRules.edit.editable).toBe(false);
    expect(round.layouts.edit.flat().map((field: { name: string }) => field.name)).not.toContain('result');
    expect(round.metadatas.totalBudgetMinor.edit.label).toBe('Total budget');
    const proposal = await configurationOf('plugin::participation.proposal');
    expect(proposal.metadatas.proposalStatus.edit.editable).toBe(false);
  });

  it('shows every money attribute through the amount field, over the biginteger column it always had', async () => {
    expect(app.strapi.get('custom-fields').get(AMOUNT_FIELD_UID)).toMatchObject({ type: 'biginteger' });
    const amounts = Object.entries(app.strapi.contentTypes)
      .filter(([uid]) => uid.startsWith('plugin::participation.'))
      .flatMap(([uid, contentType]) =>
        Object.entries(contentType.attributes as Record<string, { type: string; customField?: string }>)
          .filter(([name]) => name.endsWith('Minor'))
          .map(([name, attribute]) => ({ uid, name, attribute }))
      );
    expect(amounts.map(({ name }) => name).sort()).toEqual(
      ['approvedMinor', 'committedMinor', 'costEstimateMinor', 'requestedMinor', 'revisedMinor', 'spentMinor', 'spentMinor', 'totalBudgetMinor'].sort()
    );
    for (const { uid, name, attribute } of amounts) {
      expect(attribute).toMatchObject({ type: 'biginteger', customField: AMOUNT_FIELD_UID });
      const model = app.strapi.db.metadata.get(uid);
      const columnName = (model.attributes[name] as { columnName?: string }).columnName ?? name;
      const column = await app.strapi.db.connection(model.tableName).columnInfo(columnName);
      expect([uid, name, String(column.type).toLowerCase()]).toEqual([uid, name, 'bigint']);
    }
  });
});
