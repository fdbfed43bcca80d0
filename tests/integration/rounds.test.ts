import { bootApp, type TestApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { parsePabulibText } from '../../plugins/participation/server/src/domain/pabulib/parse';
import { count } from '../../plugins/participation/server/src/domain/counting';

/** A youth round from draft to published results, through the API, as staff, citizens and a facilitator meet it. */
let app: TestApp;
let staff: TestPerson;
let facilitator: TestPerson;
const youths: TestPerson[] = [];
let tooOld: TestPerson;
let outsider: TestPerson;
let roundId: string;
const proposalIds: Record<string, string> = {};
const receipts: Record<string, string> = {};

const staffBase = '/api/participation/municipalities/SHK';

const ROUND = {
  fiscalYear: 2026,
  title: 'Youth budget 2026',
  description: 'Young people of Shkodër decide how to spend 1,000,000 lek.',
  totalBudget: '1000000',
  ballotRules: { kind: 'approval', maxProjects: 2, maxCost: '900000', countingRule: 'greedy_cost', tieBreaking: 'id' },
  reservations: [{ marker: 'gender', share: '0.3' }],
  eligibility: { residentsOnly: true, minAge: 14, maxAge: 29, ageOnDate: '2026-05-01' },
  showRunningTotals: true,
};

const proposal = (title: string, requestedAmount: string, extra: object = {}) => ({
  data: {
    title,
    description: `${title}: a proposal from young people of the city.`,
    requestedAmount,
    budgetLineCodes: ['09510-01'],
    targetGroups: ['youth'],
    ...extra,
  },
});

const transition = (action: string) => app.http().post(`${staffBase}/rounds/${roundId}/transitions`).set(staff.auth).send({ action });
const declare = (person: TestPerson, residenceMunicipalityCode: string, birthDate: string) =>
  app.http().put('/api/participation/me/profile').set(person.auth).send({ data: { residenceMunicipalityCode, birthDate } });
const vote = (person: TestPerson, projects: string[]) =>
  app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(person.auth).send({ choices: { projects } });

beforeAll(async () => {
  app = await bootApp();
  await createMunicipality(app.strapi, 'SHK', 'Shkodër');
  await createMunicipality(app.strapi, 'KOR', 'Korçë');
  staff = await createPerson(app.strapi, 'municipal-staff', ['SHK']);
  const korStaff = await createPerson(app.strapi, 'municipal-staff', ['KOR']);
  facilitator = await createPerson(app.strapi, 'cso-facilitator', ['SHK']);
  for (let i = 0; i < 4; i += 1) youths.push(await createPerson(app.strapi, 'citizen'));
  tooOld = await createPerson(app.strapi, 'citizen');
  outsider = await createPerson(app.strapi, 'citizen');
  const csv = 'fiscal_year,code,name,approved,revised,committed\n2026,09510-01,Youth centres,2000000,2000000,500000\n2026,10420-05,Women entrepreneurship,600000,600000,0\n';
  await app.http().post(`${staffBase}/budget-lines/import`).set(staff.auth).send({ csv });
  await app.http().post('/api/participation/municipalities/KOR/budget-lines/import').set(korStaff.auth).send({ csv: 'fiscal_year,code,name,approved\n2026,KOR-1,Korçë line,900000\n' });
});
afterAll(async () => {
  await app?.close();
});

describe('a youth round', () => {
  it('is created as a draft by staff and refuses bad settings, naming the field', async () => {
    const bad = await app.http().post(`${staffBase}/rounds`).set(staff.auth).send({ data: { ...ROUND, ballotRules: { ...ROUND.ballotRules, countingRule: 'mes_borda' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('ballotRules.countingRule');
    const noDate = await app.http().post(`${staffBase}/rounds`).set(staff.auth).send({ data: { ...ROUND, eligibility: { minAge: 14 } } });
    expect(noDate.body.error.message).toContain('eligibility.ageOnDate');

    const created = await app.http().post(`${staffBase}/rounds`).set(staff.auth).send({ data: ROUND });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ phase: 'draft', totalBudget: '1000000.00', ballotRules: { maxCost: '900000.00' } });
    roundId = created.body.data.documentId;
    expect((await transition('start-review')).status).toBe(409);
    expect((await transition('open-proposals')).body.data.phase).toBe('proposals');
  });

  it('takes proposals tied to budget lines, refusing other municipalities\' lines and amounts beyond what is left', async () => {
    const post = (person: TestPerson, body: object) => app.http().post(`/api/participation/rounds/${roundId}/proposals`).set(person.auth).send(body);
    const foreign = await post(youths[0], proposal('Skate park', '100000', { budgetLineCodes: ['KOR-1'] }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toBe('budgetLineCodes: KOR-1 is not a 2026 budget line of SHK');
    const tooMuch = await post(youths[0], proposal('Skate park', '1600000'));
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.message).toContain('requestedAmount: 1600000.00 is more than the 1500000.00 left');
    const noStatement = await post(youths[0], proposal('Girls coding club', '300000', { genderMarker: 'closes_gender_gaps' }));
    expect(noStatement.body.error.message).toContain('genderImpactStatement');

    const submissions: Array<[string, TestPerson, object]> = [
      ['skate', youths[0], proposal('Skate park', '500000')],
      ['coding', youths[1], proposal('Girls coding club', '300000', { genderMarker: 'closes_gender_gaps', genderImpactStatement: 'Closes the gap in digital skills between girls and boys.', budgetLineCodes: ['10420-05'] })],
      ['library', youths[2], proposal('Library late opening', '200000')],
      ['concert', youths[3], proposal('Summer concert', '400000')],
    ];
    for (const [key, person, body] of submissions) {
      const response = await post(person, body);
      expect(response.status).toBe(201);
      expect(response.body.data).toMatchObject({ status: 'submitted', statusHistory: [{ from: null, to: 'submitted' }] });
      expect(response.body.data).not.toHaveProperty('authorId');
      proposalIds[key] = response.body.data.documentId;
    }
  });

  it('lets authors edit their own proposal until review starts, and no one else', async () => {
    const body = proposal('Skate park by the river', '500000');
    expect((await app.http().put(`/api/participation/proposals/${proposalIds.skate}`).set(youths[1].auth).send(body)).status).toBe(403);
    const edited = await app.http().put(`/api/participation/proposals/${proposalIds.skate}`).set(youths[0].auth).send(body);
    expect(edited.body.data.title).toBe('Skate park by the river');
    expect((await transition('start-review')).body.data.phase).toBe('review');
    expect((await app.http().put(`/api/participation/proposals/${proposalIds.skate}`).set(youths[0].auth).send(body)).status).toBe(409);
  });

  it('is reviewed by staff: feasible with a cost estimate, infeasible with a published reason', async () => {
    const review = (key: string, body: object) => app.http().post(`${staffBase}/proposals/${proposalIds[key]}/review`).set(staff.auth).send(body);
    expect((await review('skate', { action: 'mark-feasible', costEstimate: '450000' })).body.data).toMatchObject({ status: 'feasible', costEstimate: '450000.00' });
    expect((await review('coding', { action: 'mark-feasible', costEstimate: '300000' })).body.data.status).toBe('feasible');
    expect((await review('library', { action: 'mark-feasible', costEstimate: '200000' })).body.data.status).toBe('feasible');
    expect((await transition('open-voting')).status).toBe(409); // the concert is still under review
    const infeasible = await review('concert', { action: 'mark-infeasible', reason: 'The municipality already funds a summer concert.' });
    expect(infeasible.body.data).toMatchObject({ status: 'infeasible', infeasibleReason: 'The municipality already funds a summer concert.' });
    expect((await review('concert', { action: 'mark-feasible', costEstimate: '1' })).status).toBe(409);
  });

  it('opens voting, freezing the ballot rules', async () => {
    const opened = await transition('open-voting');
    expect(opened.body.data).toMatchObject({ phase: 'voting', rulesFrozenAt: expect.any(String) });
    const change = await app.http().put(`${staffBase}/rounds/${roundId}`).set(staff.auth).send({ data: ROUND });
    expect(change.status).toBe(409);
    const ballot = await app.http().get(`/api/participation/rounds/${roundId}/proposals?status=on_ballot`);
    expect(ballot.body.data.map((p: any) => p.ballotNumber)).toEqual([1, 2, 3]);
  });

  it('takes one secret ballot per eligible voter, checked against the rules', async () => {
    for (const person of youths) expect((await declare(person, 'SHK', '2008-03-15')).status).toBe(200);
    await declare(tooOld, 'SHK', '1990-01-01');
    await declare(outsider, 'KOR', '2008-01-01');

    expect((await vote(tooOld, [proposalIds.skate])).body.error).toMatchObject({ status: 403, message: expect.stringContaining('birthDate: voters must be at most 29') });
    expect((await vote(outsider, [proposalIds.skate])).body.error.message).toContain('residence: only residents of SHK');
    expect((await vote(youths[0], [proposalIds.skate, proposalIds.coding, proposalIds.library])).body.error.message).toBe('choices.projects: choose at most 2');
    expect((await vote(youths[0], [proposalIds.concert])).body.error.message).toContain('is not on this ballot');
    const overBudget = await app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(youths[0].auth).send({ choices: { projects: [proposalIds.skate] }, extra: 1 });
    expect(overBudget.status).toBe(400);

    const first = await vote(youths[0], [proposalIds.skate]);
    expect(first.status).toBe(201);
    expect(first.body.data).toEqual({ receiptCode: expect.stringMatching(/^([A-Z2-9]{4}-){5}[A-Z2-9]{4}$/), replacedEarlierBallot: false });
    const replaced = await vote(youths[0], [proposalIds.skate, proposalIds.library]);
    expect(replaced.body.data.replacedEarlierBallot).toBe(true);
    receipts.replacedAway = first.body.data.receiptCode;
    receipts.youth0 = replaced.body.data.receiptCode;
    receipts.youth1 = (await vote(youths[1], [proposalIds.coding, proposalIds.library])).body.data.receiptCode;
    receipts.youth2 = (await vote(youths[2], [proposalIds.coding])).body.data.receiptCode;
  });

  it('holds exactly one ballot when one voter submits 50 ballots at once', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => vote(youths[3], i % 2 ? [proposalIds.skate] : [proposalIds.coding])));
    expect(responses.every((response) => response.status === 201)).toBe(true);
    const ballots = await app.strapi.db.connection('participation_ballots').where({ round_document_id: roundId });
    const participations = await app.strapi.db.connection('participation_round_participations').where({ round_document_id: roundId });
    expect(ballots).toHaveLength(4);
    expect(participations).toHaveLength(4);
    const final = await vote(youths[3], [proposalIds.coding]);
    receipts.youth3 = final.body.data.receiptCode;
  });

  it('records an assisted ballot with consent, in the facilitator\'s name', async () => {
    const assisted = (body: object) => app.http().post(`${staffBase}/rounds/${roundId}/assisted-ballots`).set(facilitator.auth).send(body);
    const base = {
      channel: 'paper',
      participant: { offlineReference: 'Paper form 0042', residenceMunicipalityCode: 'SHK', birthDate: '2006-07-01' },
      choices: { projects: [proposalIds.coding] },
    };
    const noConsent = await assisted({ ...base, consent: { given: false, method: 'signed-form' } });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.error.message).toContain('consent.given');
    const recorded = await assisted({ ...base, consent: { given: true, method: 'verbal', note: 'Read aloud at the youth centre' } });
    expect(recorded.status).toBe(202);
    receipts.paper = recorded.body.data.receiptCode;
    expect((await app.http().post(`${staffBase}/rounds/${roundId}/assisted-ballots`).set(staff.auth).send(base)).status).toBe(403);
    const nobody = await assisted({ ...base, participant: { userId: 999999 }, consent: { given: true, method: 'signed-form' } });
    expect(nobody.body.error.message).toBe('participant.userId: no such participant');
  });

  it('shows running totals while voting, and staff who took part but never how', async () => {
    const round = await app.http().get(`/api/participation/rounds/${roundId}`);
    expect(round.body.data.runningTotals).toEqual({ [proposalIds.skate]: 1, [proposalIds.coding]: 4, [proposalIds.library]: 2 });
    const participation = await app.http().get(`${staffBase}/rounds/${roundId}/participation`).set(staff.auth);
    expect(participation.body.meta.byChannel).toEqual({ online: 4, assisted: 0, paper: 1 });
    expect(participation.body.data.find((row: any) => row.channel === 'paper')).toMatchObject({ offline: true, facilitator: facilitator.username });
    expect(JSON.stringify(participation.body)).not.toMatch(/choices|receipt|projects/);
  });

  it('counts after voting closes and publishes the result with reservations and the rule\'s trace', async () => {
    expect((await app.http().post(`${staffBase}/rounds/${roundId}/count`).set(staff.auth)).status).toBe(409);
    expect((await transition('close-voting')).body.data.phase).toBe('counting');
    // The round's settings were cached while it was voting: the database's guard refuses the late ballot.
    const ballotsBefore = await app.strapi.db.connection('participation_ballots').where({ round_document_id: roundId }).select('receipt_code', 'choices');
    const late = await vote(youths[0], [proposalIds.skate]);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('Voting is not open: the round is in its counting phase');
    expect(await app.strapi.db.connection('participation_ballots').where({ round_document_id: roundId }).select('receipt_code', 'choices')).toEqual(ballotsBefore);
    expect((await transition('publish-results')).status).toBe(409);

    const counted = await app.http().post(`${staffBase}/rounds/${roundId}/count`).set(staff.auth);
    expect(counted.status).toBe(200);
    const [district] = counted.body.data.districts;
    expect(district).toMatchObject({
      ballots: 5,
      selected: expect.arrayContaining([proposalIds.coding, proposalIds.library, proposalIds.skate]),
      reservations: [expect.objectContaining({ marker: 'gender', met: true })],
    });
    expect(district.trace.length).toBeGreaterThan(0);

    const published = await transition('publish-results');
    expect(published.body.data.result.districts[0].selected).toEqual(district.selected);
    const coding = await app.http().get(`/api/participation/proposals/${proposalIds.coding}`);
    expect(coding.body.data.statusHistory.map((step: any) => step.to)).toEqual(['submitted', 'under_review', 'feasible', 'on_ballot', 'selected']);
  });

  it('lets voters check their receipt in the published ballot set', async () => {
    const check = (code: string) => app.http().get(`/api/participation/rounds/${roundId}/receipts/${code}`);
    expect((await check(receipts.youth0)).body.data).toMatchObject({ inPublishedBallotSet: true, channel: 'online' });
    expect((await check(receipts.paper)).body.data).toMatchObject({ inPublishedBallotSet: true, channel: 'paper' });
    expect((await check(receipts.replacedAway)).body.data.inPublishedBallotSet).toBe(false);
  });

  it('publishes the anonymised ballots as a .pb file that recounts to the same result', async () => {
    const file = await app.http().get(`/api/participation/rounds/${roundId}/ballots.pb`);
    expect(file.status).toBe(200);
    expect(file.text).not.toMatch(/user:|offline:/);
    const parsed = parsePabulibText(file.text);
    const recount = count(parsed.election, { rule: 'greedy_cost', reservations: [{ marker: 'gender', share: '0.3' }] });
    const round = await app.http().get(`/api/participation/rounds/${roundId}`);
    expect([...recount.selected].sort()).toEqual([...round.body.data.result.districts[0].selected].sort());
  });
});
