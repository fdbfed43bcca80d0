import type { TestApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { advanceRound, bootWithMunicipality, createRound, createVotingRound } from '../harness/fixtures';
import { portalClient, signedInPortalClient } from '../harness/portal-client';

/**
 * The CSO facilitator's ballot desk (issue #15 item 11): bad input comes back beside its field with
 * nothing cast, consent is required, an ineligible person is told why, and the desk is refused to the
 * wrong role and to a facilitator of another municipality.
 */
let app: TestApp;
let staff: TestPerson;
let facilitator: TestPerson;
let desk: ReturnType<typeof portalClient>;

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('DSK', 'Deskville'));
  await createMunicipality(app.strapi, 'DSO', 'Otherton');
  facilitator = await createPerson(app.strapi, 'cso-facilitator', ['DSK']);
  desk = await signedInPortalClient(app, facilitator);
});
afterAll(() => app?.close());

const deskPath = (roundId: string, code = 'DSK') => `/en/workspace/${code}/ballot-desk/${roundId}`;

const ballotsIn = async (roundId: string) =>
  Number((await app.strapi.db.connection('participation_ballots').where({ round_document_id: roundId }).count({ n: '*' }).first())?.n ?? 0);
const participationsIn = (roundId: string) => app.strapi.db.connection('participation_round_participations').where({ round_document_id: roundId }).select('channel', 'facilitator_id', 'voter_id', 'consent_method', 'consent_note');

/** A paper form for someone without an account, living in Deskville, who consented in writing. */
const paperForm = (fields: Record<string, string | string[]> = {}) => ({
  channel: 'paper',
  offlineReference: `FORM-${Math.random().toString(36).slice(2, 10)}`,
  residenceMunicipalityCode: 'DSK',
  birthDate: '1980-02-03',
  email: '',
  consent: 'given',
  consentMethod: 'signed-form',
  consentNote: '',
  ...fields,
});

/** The field errors a page shows beside its fields: `id` of each `…-error` message. */
const errorFields = (body: string) => [...body.matchAll(/<p class="error-message" id="([^"]+)-error"/g)].map((match) => match[1]).sort();

describe('the rounds in voting', () => {
  it('lists only the municipality’s rounds open for voting, each leading to its desk', async () => {
    const { roundId } = await createVotingRound(app.strapi, 'DSK', { kind: 'approval', countingRule: 'greedy_cost' }, { title: 'Voting in Deskville' });
    const draft = await createRound(app.strapi, 'DSK', { title: 'Still a draft' });
    const elsewhere = await createVotingRound(app.strapi, 'DSO', { kind: 'approval', countingRule: 'greedy_cost' }, { title: 'Voting in Otherton' });
    const page = await desk.get('/en/workspace/DSK/ballot-desk');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('no-store');
    expect(page.body).toContain(`href="${deskPath(roundId)}">Voting in Deskville</a>`);
    expect(page.body).not.toContain(draft);
    expect(page.body).not.toContain(elsewhere.roundId);
  });
});

describe('entering ballots', () => {
  it('records a paper ballot in the facilitator’s name and comes back empty with the receipt, once; the next form the same way', async () => {
    const { roundId, projects } = await createVotingRound(app.strapi, 'DSK', { kind: 'approval', countingRule: 'greedy_cost', maxProjects: 2 });
    const empty = await desk.get(deskPath(roundId));
    expect(empty.status).toBe(200);
    expect(empty.body).toContain('name="offlineReference"');
    expect(empty.body).not.toContain('class="receipt-code"');

    const codes: string[] = [];
    for (const choice of [[projects[0]], [projects[1], projects[2]]]) {
      const answer = await desk.post(deskPath(roundId), paperForm({ projects: choice, consentNote: 'Signed at the market' }));
      expect(answer.status).toBe(303);
      expect(answer.location).toBe(deskPath(roundId));
      const next = await desk.get(answer.location!);
      const code = /class="receipt-code">([^<]+)</.exec(next.body)?.[1];
      expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){5}$/);
      codes.push(code!);
      // Empty again: no reference, no choice, no consent carried over to the next person.
      expect(next.body).not.toMatch(/name="offlineReference" type="text" value="[^"]/);
      expect(next.body).not.toMatch(/checked="" value="given"|value="given" checked=""/);
      for (const id of projects) expect(next.body).not.toMatch(new RegExp(`checked="" value="${id}"`));
      // The receipt is shown once only.
      expect((await desk.get(deskPath(roundId))).body).not.toContain(code);
    }
    expect(new Set(codes).size).toBe(2);
    expect(await ballotsIn(roundId)).toBe(2);
    const recorded = await participationsIn(roundId);
    expect(recorded).toHaveLength(2);
    for (const row of recorded) {
      expect(row).toMatchObject({ channel: 'paper', facilitator_id: facilitator.id, voter_id: null, consent_method: 'signed-form', consent_note: 'Signed at the market' });
    }
  });

  it('finds a person by their account’s e-mail, and records an assisted ballot for them', async () => {
    const { roundId, projects } = await createVotingRound(app.strapi, 'DSK', { kind: 'choose-1', countingRule: 'greedy_card' });
    const voter = await createPerson(app.strapi, 'citizen');
    await desk.get(deskPath(roundId));
    const answer = await desk.post(deskPath(roundId), paperForm({ channel: 'assisted', offlineReference: '', residenceMunicipalityCode: '', birthDate: '', email: voter.email.toUpperCase(), consentMethod: 'verbal', projects: [projects[1]] }));
    expect(answer.status).toBe(303);
    const next = await desk.get(answer.location!);
    expect(next.body).toContain('Assisted ballot recorded');
    // The stack's habits stay: the next person is assisted too, with verbal consent.
    expect(next.body).toMatch(/checked="" value="assisted"|value="assisted" checked=""/);
    expect(await participationsIn(roundId)).toEqual([expect.objectContaining({ channel: 'assisted', facilitator_id: facilitator.id, voter_id: voter.id, consent_method: 'verbal' })]);

    const unknown = await desk.post(deskPath(roundId), paperForm({ offlineReference: '', residenceMunicipalityCode: '', email: 'nobody@example.test', projects: [projects[0]] }));
    expect(unknown.status).toBe(400);
    expect(errorFields(unknown.body)).toEqual(['email']);
    expect(unknown.body).toContain('There is no account with this e-mail address');
    expect(await ballotsIn(roundId)).toBe(1);
  });

  it('takes every ballot kind through the shared ballot form: points and positions', async () => {
    const cumulative = await createVotingRound(app.strapi, 'DSK', { kind: 'cumulative', countingRule: 'greedy_points', totalPoints: 5 });
    await desk.get(deskPath(cumulative.roundId));
    expect((await desk.post(deskPath(cumulative.roundId), paperForm({ [`points-${cumulative.projects[0]}`]: '3', [`points-${cumulative.projects[2]}`]: '2' }))).status).toBe(303);
    await desk.get(deskPath(cumulative.roundId));
    const tooMany = await desk.post(deskPath(cumulative.roundId), paperForm({ [`points-${cumulative.projects[0]}`]: '6' }));
    expect(tooMany.status).toBe(400);
    expect(errorFields(tooMany.body)).toEqual(['choices']);
    expect(tooMany.body).toMatch(new RegExp(`name="points-${cumulative.projects[0]}"[^>]*value="6"`));

    const ranking = await createVotingRound(app.strapi, 'DSK', { kind: 'ordinal', countingRule: 'greedy_borda' });
    await desk.get(deskPath(ranking.roundId));
    expect((await desk.post(deskPath(ranking.roundId), paperForm({ [`rank-${ranking.projects[2]}`]: '1', [`rank-${ranking.projects[0]}`]: '2' }))).status).toBe(303);
    expect(await ballotsIn(cumulative.roundId)).toBe(1);
    expect(await ballotsIn(ranking.roundId)).toBe(1);
  });
});

describe('bad input', () => {
  it('comes back with every error beside its field, the values kept and nothing cast', async () => {
    const { roundId, projects } = await createVotingRound(app.strapi, 'DSK', { kind: 'approval', countingRule: 'greedy_cost', maxCost: '25000' });
    await desk.get(deskPath(roundId));

    const everything = await desk.post(deskPath(roundId), { channel: 'fax', offlineReference: 'AB', residenceMunicipalityCode: 'NOWHERE', birthDate: '2999-01-01', consentMethod: 'telepathy', consentNote: '', projects: [projects[1], projects[2]] });
    expect(everything.status).toBe(400);
    expect(errorFields(everything.body)).toEqual(['birthDate', 'channel', 'consent', 'consentMethod', 'offlineReference', 'residenceMunicipalityCode']);
    expect(everything.body).toContain('href="#offlineReference"');
    expect(everything.body).toMatch(/name="offlineReference"[^>]*value="AB"/);
    for (const id of [projects[1], projects[2]]) expect(everything.body).toMatch(new RegExp(`checked="" value="${id}"`));

    const overBudget = await desk.post(deskPath(roundId), paperForm({ projects: [projects[1], projects[2]] }));
    expect(overBudget.status).toBe(400);
    expect(errorFields(overBudget.body)).toEqual(['choices']);
    expect(overBudget.body).toContain('The proposals you chose cost more than this ballot allows');

    const both = await desk.post(deskPath(roundId), paperForm({ email: 'someone@example.test', projects: [projects[0]] }));
    expect(both.status).toBe(400);
    expect(errorFields(both.body)).toEqual(['email']);

    const nobody = await desk.post(deskPath(roundId), paperForm({ offlineReference: '', projects: [projects[0]] }));
    expect(nobody.status).toBe(400);
    expect(errorFields(nobody.body)).toEqual(['offlineReference']);
    expect(nobody.body).toContain('Enter the person&#x27;s reference, or the e-mail address of their account');

    const none = await desk.post(deskPath(roundId), paperForm());
    expect(none.status).toBe(400);
    expect(errorFields(none.body)).toEqual(['choices']);

    expect(await ballotsIn(roundId)).toBe(0);
    expect(await participationsIn(roundId)).toEqual([]);
  });

  it('records nothing for a person without their consent', async () => {
    const { roundId, projects } = await createVotingRound(app.strapi, 'DSK', { kind: 'approval', countingRule: 'greedy_cost' });
    await desk.get(deskPath(roundId));
    const { consent: _omitted, ...withoutConsent } = paperForm({ projects: [projects[0]] });
    const refused = await desk.post(deskPath(roundId), withoutConsent);
    expect(refused.status).toBe(400);
    expect(errorFields(refused.body)).toEqual(['consent']);
    expect(refused.body).toContain('Tick the box to say the person agreed');
    const wrongValue = await desk.post(deskPath(roundId), paperForm({ consent: 'maybe', projects: [projects[0]] }));
    expect(errorFields(wrongValue.body)).toEqual(['consent']);
    expect(await ballotsIn(roundId)).toBe(0);
  });

  it('refuses a form without the CSRF token', async () => {
    const { roundId, projects } = await createVotingRound(app.strapi, 'DSK', { kind: 'approval', countingRule: 'greedy_cost' });
    const refused = await desk.post(deskPath(roundId), paperForm({ csrf: 'forged', projects: [projects[0]] }));
    expect(refused.status).toBe(403);
    expect(await ballotsIn(roundId)).toBe(0);
  });

  it('says so when the round is not voting, and answers 404 for a round id that is not one', async () => {
    const draft = await createRound(app.strapi, 'DSK');
    expect((await desk.get(deskPath(draft))).status).toBe(409);
    expect((await desk.get(deskPath('nosuchroundatall00000000'))).status).toBe(404);
  });
});

describe('a round that stops voting while its desk is in use', () => {
  it('says so on the page and on the next form, and casts nothing more', async () => {
    const { roundId, projects } = await createVotingRound(app.strapi, 'DSK', { kind: 'approval', countingRule: 'greedy_cost' });
    const first = await desk.post(deskPath(roundId), paperForm({ projects: [projects[0]] }));
    expect(first.status).toBe(303);
    expect((await desk.get(first.location!)).status).toBe(200);
    await advanceRound(app.strapi, roundId, 'counting');
    const page = await desk.get(deskPath(roundId));
    expect(page.status).toBe(409);
    expect(page.body).toContain('It is now at this stage: Votes being counted.');
    const late = await desk.post(deskPath(roundId), paperForm({ projects: [projects[1]] }));
    expect(late.status).toBe(409);
    expect(late.body).toContain('It is now at this stage: Votes being counted.');
    expect(await ballotsIn(roundId)).toBe(1);
  });
});

describe('eligibility', () => {
  it('tells the facilitator why a person may not vote, beside the field that decides it, and casts nothing', async () => {
    const { roundId, projects } = await createVotingRound(
      app.strapi,
      'DSK',
      { kind: 'approval', countingRule: 'greedy_cost' },
      { eligibility: { residentsOnly: true, verifiedParticipantsOnly: false, minAge: 16, ageOnDate: '2026-06-01' } }
    );
    await desk.get(deskPath(roundId));
    const elsewhere = await desk.post(deskPath(roundId), paperForm({ residenceMunicipalityCode: 'DSO', projects: [projects[0]] }));
    expect(elsewhere.status).toBe(403);
    expect(errorFields(elsewhere.body)).toEqual(['residenceMunicipalityCode']);
    expect(elsewhere.body).toContain('it is only for people who live in the municipality, and they state they live elsewhere');

    const tooYoung = await desk.post(deskPath(roundId), paperForm({ birthDate: '2015-01-01', projects: [projects[0]] }));
    expect(tooYoung.status).toBe(403);
    expect(errorFields(tooYoung.body)).toEqual(['birthDate']);
    const noBirthDate = await desk.post(deskPath(roundId), paperForm({ birthDate: '', projects: [projects[0]] }));
    expect(errorFields(noBirthDate.body)).toEqual(['birthDate']);

    // An account holder's residence is their profile's: this citizen has none.
    const citizen = await createPerson(app.strapi, 'citizen');
    const account = await desk.post(deskPath(roundId), paperForm({ offlineReference: '', residenceMunicipalityCode: '', birthDate: '', email: citizen.email, projects: [projects[0]] }));
    expect(account.status).toBe(403);
    expect(errorFields(account.body)).toEqual(['email']);
    expect(account.body).toContain('their account&#x27;s profile does not say they do');

    expect(await ballotsIn(roundId)).toBe(0);
    expect((await desk.post(deskPath(roundId), paperForm({ projects: [projects[0]] }))).status).toBe(303);
  });
  it('tells the facilitator when a reference took part in another district of a one-district round', async () => {
    const { roundId, projects } = await createVotingRound(
      app.strapi,
      'DSK',
      { kind: 'approval', countingRule: 'greedy_cost' },
      {
        districtsPerVoter: 'one',
        districts: [
          { code: 'N', name: 'North', budget: '50000' },
          { code: 'S', name: 'South', budget: '50000' },
        ],
      }
    );
    await desk.get(deskPath(roundId));
    // Projects go to the districts in turn: the first and third to North, the second to South.
    expect((await desk.post(deskPath(roundId), paperForm({ offlineReference: 'SHEET-0042', districtCode: 'N', projects: [projects[0]] }))).status).toBe(303);
    await desk.get(deskPath(roundId));
    const south = await desk.post(deskPath(roundId), paperForm({ offlineReference: 'SHEET-0042', districtCode: 'S', projects: [projects[1]] }));
    expect(south.status).toBe(409);
    expect(errorFields(south.body)).toEqual(['offlineReference']);
    expect(south.body).toContain('This reference has already taken part in another district of this round');
    expect(await ballotsIn(roundId)).toBe(1);
  });
});

describe('access', () => {
  it('is refused to staff, moderators and citizens, to a facilitator of another municipality, and sends a visitor to sign in', async () => {
    const { roundId, projects } = await createVotingRound(app.strapi, 'DSK', { kind: 'approval', countingRule: 'greedy_cost' });
    const refusedTo = [
      await signedInPortalClient(app, staff),
      await signedInPortalClient(app, await createPerson(app.strapi, 'moderator', ['DSK'])),
      await signedInPortalClient(app, await createPerson(app.strapi, 'citizen')),
      await signedInPortalClient(app, await createPerson(app.strapi, 'cso-facilitator', ['DSO'])),
    ];
    for (const person of refusedTo) {
      expect((await person.get('/en/workspace/DSK/ballot-desk')).status).toBe(403);
      expect((await person.get(deskPath(roundId))).status).toBe(403);
      await person.get('/en/workspace');
      expect((await person.post(deskPath(roundId), paperForm({ projects: [projects[0]] }))).status).toBe(403);
    }
    const visitor = await portalClient(app).get(deskPath(roundId));
    expect(visitor.status).toBe(303);
    expect(visitor.location).toContain('/en/sign-in?returnTo=');
    expect(await ballotsIn(roundId)).toBe(0);
  });

  it('does not reach another municipality’s round through this municipality’s desk', async () => {
    const other = await createVotingRound(app.strapi, 'DSO', { kind: 'approval', countingRule: 'greedy_cost' });
    expect((await desk.get(deskPath(other.roundId))).status).toBe(404);
    await desk.get('/en/workspace/DSK/ballot-desk');
    expect((await desk.post(deskPath(other.roundId), paperForm({ projects: [other.projects[0]] }))).status).toBe(404);
    expect(await ballotsIn(other.roundId)).toBe(0);
  });
});
