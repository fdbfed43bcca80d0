import type { TestApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { advanceRound, bootWithMunicipality, createProposal } from '../harness/fixtures';
import type { RoundPhase } from '../../plugins/participation/server/src/domain/rounds/phases';
import { parsePabulibText } from '../../plugins/participation/server/src/domain/pabulib/parse';
import { count } from '../../plugins/participation/server/src/domain/counting';
import type { CastAssistedBallot, CastBallot, Proposal, RoundParticipation } from '../../plugins/participation/shared/contracts';

/**
 * A youth round from draft to published results, through the API, as staff, citizens and a facilitator
 * meet it. Each test starts from a round of its own, brought to the step it tests by {@link youthRound}.
 */
let app: TestApp;
let staff: TestPerson;
let facilitator: TestPerson;
const youths: TestPerson[] = [];
let tooOld: TestPerson;
let outsider: TestPerson;

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

/** The four proposals of the story: who wrote each, what it asks for and what review estimates. */
const PROPOSALS = {
  skate: { author: 0, title: 'Skate park', requested: '500000', cost: '450000', extra: {} },
  coding: {
    author: 1, title: 'Girls coding club', requested: '300000', cost: '300000',
    extra: { genderMarker: 'closes_gender_gaps', genderImpactStatement: 'Closes the gap in digital skills between girls and boys.', budgetLineCodes: ['10420-05'] },
  },
  library: { author: 2, title: 'Library late opening', requested: '200000', cost: '200000', extra: {} },
  concert: { author: 3, title: 'Summer concert', requested: '400000', cost: undefined, extra: {} },
};
type ProposalKey = keyof typeof PROPOSALS;
const minor = (amount: string) => `${amount}00`;

/**
 * The youth round created by staff through the API, with the story's proposals in the statuses given
 * (written by the fixtures, costed and numbered as review and open-voting would leave them), then moved
 * to `phase`.
 */
const youthRound = async (phase: RoundPhase, statuses: Partial<Record<ProposalKey, string>> = {}) => {
  const created = await app.http().post(`${staffBase}/rounds`).set(staff.auth).send({ data: ROUND });
  expect(created.status).toBe(201);
  const roundId: string = created.body.data.documentId;
  const ids = {} as Record<ProposalKey, string>;
  let ballotNumber = 0;
  for (const [key, proposalStatus] of Object.entries(statuses) as Array<[ProposalKey, string]>) {
    const { author, title, requested, cost, extra } = PROPOSALS[key];
    const costed = cost && ['feasible', 'on_ballot'].includes(proposalStatus);
    ids[key] = await createProposal(app.strapi, roundId, 'SHK', {
      authorId: youths[author].id, title, description: `${title}: a proposal from young people of the city.`, requestedMinor: minor(requested), budgetLineCodes: ['09510-01'],
      ...extra, proposalStatus,
      ...(costed ? { costEstimateMinor: minor(cost) } : {}),
      ...(proposalStatus === 'on_ballot' ? { ballotNumber: ++ballotNumber } : {}),
    });
  }
  await advanceRound(app.strapi, roundId, phase);
  return { roundId, ids };
};
/** Voting is open on the skate park, the coding club and the library; the concert was found infeasible. */
const votingRound = () => youthRound('voting', { skate: 'on_ballot', coding: 'on_ballot', library: 'on_ballot', concert: 'infeasible' });

const transition = (roundId: string, action: string) => app.http().post(`${staffBase}/rounds/${roundId}/transitions`).set(staff.auth).send({ action });
const declare = (person: TestPerson, residenceMunicipalityCode: string, birthDate: string) =>
  app.http().put('/api/participation/me/profile').set(person.auth).send({ data: { residenceMunicipalityCode, birthDate } });
const vote = (roundId: string, person: TestPerson, projects: string[]) =>
  app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(person.auth).send({ choices: { projects } });
const PAPER_BALLOT = (projects: string[]) => ({
  channel: 'paper',
  participant: { offlineReference: 'Paper form 0042', residenceMunicipalityCode: 'SHK', birthDate: '2006-07-01' },
  choices: { projects },
});
const assisted = (roundId: string, body: object, person = facilitator) => app.http().post(`${staffBase}/rounds/${roundId}/assisted-ballots`).set(person.auth).send(body);

/**
 * The story's ballots, through the API: youth 0 votes for the skate park and then replaces that ballot,
 * three more young people vote online and the facilitator records a paper ballot. Their receipts.
 */
const castBallots = async (roundId: string, ids: Record<ProposalKey, string>) => {
  const receipt = async (response: { status: number; body: CastBallot.Response | CastAssistedBallot.Response }, status = 201) => {
    expect(response.status).toBe(status);
    return response.body.data.receiptCode;
  };
  return {
    replacedAway: await receipt(await vote(roundId, youths[0], [ids.skate])),
    youth0: await receipt(await vote(roundId, youths[0], [ids.skate, ids.library])),
    youth1: await receipt(await vote(roundId, youths[1], [ids.coding, ids.library])),
    youth2: await receipt(await vote(roundId, youths[2], [ids.coding])),
    youth3: await receipt(await vote(roundId, youths[3], [ids.coding])),
    paper: await receipt(await assisted(roundId, { ...PAPER_BALLOT([ids.coding]), consent: { given: true, method: 'verbal', note: 'Read aloud at the youth centre' } }), 202),
  };
};

/** A round whose results are published: voted on as {@link castBallots} does, closed, counted and published by staff. */
const publishedRound = async () => {
  const { roundId, ids } = await votingRound();
  const receipts = await castBallots(roundId, ids);
  expect((await transition(roundId, 'close-voting')).status).toBe(200);
  expect((await app.http().post(`${staffBase}/rounds/${roundId}/count`).set(staff.auth)).status).toBe(200);
  expect((await transition(roundId, 'publish-results')).status).toBe(200);
  return { roundId, ids, receipts };
};

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('SHK', 'Shkodër'));
  await createMunicipality(app.strapi, 'KOR', 'Korçë');
  const korStaff = await createPerson(app.strapi, 'municipal-staff', ['KOR']);
  facilitator = await createPerson(app.strapi, 'cso-facilitator', ['SHK']);
  for (let i = 0; i < 4; i += 1) youths.push(await createPerson(app.strapi, 'citizen'));
  tooOld = await createPerson(app.strapi, 'citizen');
  outsider = await createPerson(app.strapi, 'citizen');
  // Who they say they are does not change from test to test: young residents, one too old, one from Korçë.
  for (const person of youths) expect((await declare(person, 'SHK', '2008-03-15')).status).toBe(200);
  expect((await declare(tooOld, 'SHK', '1990-01-01')).status).toBe(200);
  expect((await declare(outsider, 'KOR', '2008-01-01')).status).toBe(200);
  const csv = 'fiscal_year,code,name,approved,revised,committed\n2026,09510-01,Youth centres,2000000,2000000,500000\n2026,10420-05,Women entrepreneurship,600000,600000,0\n';
  expect((await app.http().post(`${staffBase}/budget-lines/import`).set(staff.auth).send({ csv })).status).toBe(200);
  await app.http().post('/api/participation/municipalities/KOR/budget-lines/import').set(korStaff.auth).send({ csv: 'fiscal_year,code,name,approved\n2026,KOR-1,Korçë line,900000\n' });
});
afterAll(() => app?.close());

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
    const roundId = created.body.data.documentId;
    expect((await transition(roundId, 'start-review')).status).toBe(409);
    expect((await transition(roundId, 'open-proposals')).body.data.phase).toBe('proposals');
  });

  it('takes proposals tied to budget lines, refusing other municipalities\' lines and amounts beyond what is left', async () => {
    const { roundId } = await youthRound('proposals');
    const post = (person: TestPerson, body: object) => app.http().post(`/api/participation/rounds/${roundId}/proposals`).set(person.auth).send(body);
    const foreign = await post(youths[0], proposal('Skate park', '100000', { budgetLineCodes: ['KOR-1'] }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toBe('budgetLineCodes: KOR-1 is not a 2026 budget line of SHK');
    const tooMuch = await post(youths[0], proposal('Skate park', '1600000'));
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.message).toContain('requestedAmount: 1600000.00 is more than the 1500000.00 left');
    const noStatement = await post(youths[0], proposal('Girls coding club', '300000', { genderMarker: 'closes_gender_gaps' }));
    expect(noStatement.body.error.message).toContain('genderImpactStatement');

    for (const { author, title, requested, extra } of Object.values(PROPOSALS)) {
      const response = await post(youths[author], proposal(title, requested, extra));
      expect(response.status).toBe(201);
      expect(response.body.data).toMatchObject({ status: 'submitted', statusHistory: [{ from: null, to: 'submitted' }] });
      expect(response.body.data).not.toHaveProperty('authorId');
    }
  });

  it('lets authors edit their own proposal until review starts, and no one else', async () => {
    const { roundId, ids } = await youthRound('proposals', { skate: 'submitted' });
    const body = proposal('Skate park by the river', '500000');
    expect((await app.http().put(`/api/participation/proposals/${ids.skate}`).set(youths[1].auth).send(body)).status).toBe(403);
    const edited = await app.http().put(`/api/participation/proposals/${ids.skate}`).set(youths[0].auth).send(body);
    expect(edited.body.data.title).toBe('Skate park by the river');
    expect((await transition(roundId, 'start-review')).body.data.phase).toBe('review');
    expect((await app.http().put(`/api/participation/proposals/${ids.skate}`).set(youths[0].auth).send(body)).status).toBe(409);
  });

  it('is reviewed by staff: feasible with a cost estimate, infeasible with a published reason', async () => {
    const { roundId, ids } = await youthRound('review', { skate: 'under_review', coding: 'under_review', library: 'under_review', concert: 'under_review' });
    const review = (key: ProposalKey, body: object) => app.http().post(`${staffBase}/proposals/${ids[key]}/review`).set(staff.auth).send(body);
    expect((await review('skate', { action: 'mark-feasible', costEstimate: '450000' })).body.data).toMatchObject({ status: 'feasible', costEstimate: '450000.00' });
    expect((await review('coding', { action: 'mark-feasible', costEstimate: '300000' })).body.data.status).toBe('feasible');
    expect((await review('library', { action: 'mark-feasible', costEstimate: '200000' })).body.data.status).toBe('feasible');
    expect((await transition(roundId, 'open-voting')).status).toBe(409); // the concert is still under review
    const infeasible = await review('concert', { action: 'mark-infeasible', reason: 'The municipality already funds a summer concert.' });
    expect(infeasible.body.data).toMatchObject({ status: 'infeasible', infeasibleReason: 'The municipality already funds a summer concert.' });
    expect(infeasible.body.data.statusHistory.at(-1)).toMatchObject({ from: 'under_review', to: 'infeasible' });
    expect((await review('concert', { action: 'mark-feasible', costEstimate: '1' })).status).toBe(409);
  });

  it('opens voting, freezing the ballot rules', async () => {
    const { roundId, ids } = await youthRound('review', { skate: 'feasible', coding: 'feasible', library: 'feasible', concert: 'infeasible' });
    const opened = await transition(roundId, 'open-voting');
    expect(opened.body.data).toMatchObject({ phase: 'voting', rulesFrozenAt: expect.any(String) });
    const change = await app.http().put(`${staffBase}/rounds/${roundId}`).set(staff.auth).send({ data: ROUND });
    expect(change.status).toBe(409);
    const ballot = await app.http().get(`/api/participation/rounds/${roundId}/proposals?status=on_ballot`);
    expect(ballot.body.data.map((p: Proposal) => p.ballotNumber)).toEqual([1, 2, 3]);
    const coding = await app.http().get(`/api/participation/proposals/${ids.coding}`);
    expect(coding.body.data.statusHistory.map((step: Proposal['statusHistory'][number]) => [step.from, step.to])).toEqual([['feasible', 'on_ballot']]);
  });

  it('takes one secret ballot per eligible voter, checked against the rules', async () => {
    const { roundId, ids } = await votingRound();
    expect((await vote(roundId, tooOld, [ids.skate])).body.error).toMatchObject({ status: 403, message: expect.stringContaining('birthDate: voters must be at most 29') });
    expect((await vote(roundId, outsider, [ids.skate])).body.error.message).toContain('residence: only residents of SHK');
    expect((await vote(roundId, youths[0], [ids.skate, ids.coding, ids.library])).body.error.message).toBe('choices.projects: choose at most 2');
    expect((await vote(roundId, youths[0], [ids.concert])).body.error.message).toContain('is not on this ballot');
    const overBudget = await app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(youths[0].auth).send({ choices: { projects: [ids.skate] }, extra: 1 });
    expect(overBudget.status).toBe(400);

    const first = await vote(roundId, youths[0], [ids.skate]);
    expect(first.status).toBe(201);
    expect(first.body.data).toEqual({ receiptCode: expect.stringMatching(/^([A-Z2-9]{4}-){5}[A-Z2-9]{4}$/), replacedEarlierBallot: false });
    const replaced = await vote(roundId, youths[0], [ids.skate, ids.library]);
    expect(replaced.body.data.replacedEarlierBallot).toBe(true);
    expect(replaced.body.data.receiptCode).not.toBe(first.body.data.receiptCode);
  });

  it('holds exactly one ballot when one voter submits 50 ballots at once', async () => {
    const { roundId, ids } = await votingRound();
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => vote(roundId, youths[3], i % 2 ? [ids.skate] : [ids.coding])));
    expect(responses.every((response) => response.status === 201)).toBe(true);
    const ballots = await app.strapi.db.connection('participation_ballots').where({ round_document_id: roundId });
    const participations = await app.strapi.db.connection('participation_round_participations').where({ round_document_id: roundId });
    expect(ballots).toHaveLength(1);
    expect(participations).toHaveLength(1);
  });

  it('records an assisted ballot with consent, in the facilitator\'s name', async () => {
    const { roundId, ids } = await votingRound();
    const base = PAPER_BALLOT([ids.coding]);
    const noConsent = await assisted(roundId, { ...base, consent: { given: false, method: 'signed-form' } });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.error.message).toContain('consent.given');
    const recorded = await assisted(roundId, { ...base, consent: { given: true, method: 'verbal', note: 'Read aloud at the youth centre' } });
    expect(recorded.status).toBe(202);
    expect(recorded.body.data.receiptCode).toMatch(/^([A-Z2-9]{4}-){5}[A-Z2-9]{4}$/);
    expect((await assisted(roundId, base, staff)).status).toBe(403);
    const nobody = await assisted(roundId, { ...base, participant: { userId: 999999 }, consent: { given: true, method: 'signed-form' } });
    expect(nobody.body.error.message).toBe('participant.userId: no such participant');
  });

  it('shows running totals while voting, and staff who took part but never how', async () => {
    const { roundId, ids } = await votingRound();
    await castBallots(roundId, ids);
    const round = await app.http().get(`/api/participation/rounds/${roundId}`);
    expect(round.body.data.runningTotals).toEqual({ [ids.skate]: 1, [ids.coding]: 4, [ids.library]: 2 });
    const participation = await app.http().get(`${staffBase}/rounds/${roundId}/participation`).set(staff.auth);
    expect(participation.body.meta.byChannel).toEqual({ online: 4, assisted: 0, paper: 1 });
    expect(participation.body.data.find((row: RoundParticipation.Response['data'][number]) => row.channel === 'paper')).toMatchObject({ offline: true, facilitator: facilitator.username });
    expect(JSON.stringify(participation.body)).not.toMatch(/choices|receipt|projects/);
  });

  it('counts after voting closes and publishes the result with reservations and the rule\'s trace', async () => {
    const { roundId, ids } = await votingRound();
    await castBallots(roundId, ids);
    expect((await app.http().post(`${staffBase}/rounds/${roundId}/count`).set(staff.auth)).status).toBe(409);
    expect((await transition(roundId, 'close-voting')).body.data.phase).toBe('counting');
    // The round's settings were cached while it was voting: the database's guard refuses the late ballot.
    const ballotsBefore = await app.strapi.db.connection('participation_ballots').where({ round_document_id: roundId }).select('receipt_code', 'choices');
    const late = await vote(roundId, youths[0], [ids.skate]);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('Voting is not open: the round is in its counting phase');
    expect(await app.strapi.db.connection('participation_ballots').where({ round_document_id: roundId }).select('receipt_code', 'choices')).toEqual(ballotsBefore);
    expect((await transition(roundId, 'publish-results')).status).toBe(409);

    const counted = await app.http().post(`${staffBase}/rounds/${roundId}/count`).set(staff.auth);
    expect(counted.status).toBe(200);
    const [district] = counted.body.data.districts;
    expect(district).toMatchObject({
      ballots: 5,
      selected: expect.arrayContaining([ids.coding, ids.library, ids.skate]),
      reservations: [expect.objectContaining({ marker: 'gender', met: true })],
    });
    expect(district.trace.length).toBeGreaterThan(0);

    const published = await transition(roundId, 'publish-results');
    expect(published.body.data.result.districts[0].selected).toEqual(district.selected);
    const coding = await app.http().get(`/api/participation/proposals/${ids.coding}`);
    expect(coding.body.data.statusHistory.map((step: Proposal['statusHistory'][number]) => [step.from, step.to])).toEqual([['on_ballot', 'selected']]);
  });

  it('lets voters check their receipt in the published ballot set', async () => {
    const { roundId, receipts } = await publishedRound();
    const check = (code: string) => app.http().get(`/api/participation/rounds/${roundId}/receipts/${code}`);
    expect((await check(receipts.youth0)).body.data).toMatchObject({ inPublishedBallotSet: true, channel: 'online' });
    expect((await check(receipts.paper)).body.data).toMatchObject({ inPublishedBallotSet: true, channel: 'paper' });
    expect((await check(receipts.replacedAway)).body.data.inPublishedBallotSet).toBe(false);
  });

  it('publishes the anonymised ballots as a .pb file that recounts to the same result', async () => {
    const { roundId } = await publishedRound();
    const file = await app.http().get(`/api/participation/rounds/${roundId}/ballots.pb`);
    expect(file.status).toBe(200);
    expect(file.text).not.toMatch(/user:|offline:/);
    const parsed = parsePabulibText(file.text);
    const recount = count(parsed.election, { rule: 'greedy_cost', reservations: [{ marker: 'gender', share: '0.3' }] });
    const round = await app.http().get(`/api/participation/rounds/${roundId}`);
    expect([...recount.selected].sort()).toEqual([...round.body.data.result.districts[0].selected].sort());
  });
});
