import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { advanceRound, bootWithMunicipality, createRound, createVotingRound } from '../harness/fixtures';
import { portalClient } from '../harness/portal-client';
import { getService } from '../../plugins/participation/server/src/utils/get-service';

let app: TestApp;

beforeAll(async () => {
  ({ app } = await bootWithMunicipality('BLT', 'Ballotville'));
});
afterAll(() => app?.close());

const votingRound = (ballotRules: Record<string, unknown>, fields: Record<string, unknown> = {}) => createVotingRound(app.strapi, 'BLT', ballotRules, fields);

const signedIn = async (person: TestPerson) => {
  const browser = portalClient(app);
  await browser.get('/en/sign-in');
  await browser.post('/en/sign-in', { identifier: person.email, password: person.password, returnTo: '/' });
  return browser;
};

const ballotsIn = async (roundId: string) => app.strapi.db.connection('participation_ballots').where({ round_document_id: roundId }).count({ n: '*' }).first();
const countOf = async (roundId: string) => Number((await ballotsIn(roundId))?.n ?? 0);

/** Choose, review, confirm: the receipt page's code. */
const vote = async (browser: ReturnType<typeof portalClient>, roundId: string, fields: Record<string, string | string[]>) => {
  expect((await browser.get(`/en/rounds/${roundId}/vote`)).status).toBe(200);
  const review = await browser.post(`/en/rounds/${roundId}/vote`, fields);
  expect(review.status).toBe(200);
  expect(review.body).toContain(`action="/en/rounds/${roundId}/vote/confirm"`);
  const confirmed = await browser.post(`/en/rounds/${roundId}/vote/confirm`, fields);
  expect(confirmed.status).toBe(303);
  expect(confirmed.location).toBe(`/en/rounds/${roundId}/vote/receipt`);
  const receipt = await browser.get(confirmed.location!);
  expect(receipt.headers.get('cache-control')).toBe('no-store');
  const code = /class="receipt-code">([^<]+)</.exec(receipt.body)?.[1];
  expect(code).toBeDefined();
  return { code: code!, receipt };
};

it('sends an anonymous visitor to sign in, and back to the ballot after', async () => {
  const { roundId } = await votingRound({ kind: 'approval', countingRule: 'greedy_cost' });
  const page = await portalClient(app).get(`/en/rounds/${roundId}`);
  expect(page.body).toContain(`/en/sign-in?returnTo=${encodeURIComponent(`/rounds/${roundId}/vote`)}`);
  const answer = await portalClient(app).get(`/en/rounds/${roundId}/vote`);
  expect(answer.status).toBe(303);
  expect(answer.location).toBe(`/en/sign-in?returnTo=${encodeURIComponent(`/rounds/${roundId}/vote`)}`);
});

it('approval with a cost limit: over the budget comes back with the values kept; a vote, its receipt once, verified after voting closes; a new vote replaces it', async () => {
  const { roundId, projects } = await votingRound({ kind: 'approval', countingRule: 'greedy_cost', maxCost: '40000' });
  const voter = await createPerson(app.strapi, 'citizen');
  const browser = await signedIn(voter);
  const choose = await browser.get(`/en/rounds/${roundId}/vote`);
  expect(choose.body).toContain('Left to spend');
  expect(choose.body).toMatch(/<script src="\/assets\/ballot\.[0-9a-f]{12}\.js" defer/);

  const tooDear = await browser.post(`/en/rounds/${roundId}/vote`, { projects });
  expect(tooDear.status).toBe(400);
  expect(tooDear.body).toContain('href="#choices"');
  expect(tooDear.body).toContain('The proposals you chose cost more than this ballot allows');
  for (const id of projects) expect(tooDear.body).toMatch(new RegExp(`checked="" value="${id}"`));

  const { code, receipt } = await vote(browser, roundId, { projects: [projects[0], projects[2]] });
  expect(receipt.body).toContain('Your vote has been recorded');
  const again = await browser.get(`/en/rounds/${roundId}/vote/receipt`);
  expect(again.body).not.toContain(code);
  expect(again.body).toContain('Your receipt has already been shown');

  const download = await browser.post(`/en/rounds/${roundId}/vote/receipt`, { receiptCode: code, castAt: new Date().toISOString() });
  expect(download.headers.get('content-disposition')).toContain('attachment');
  expect(download.body).toContain(code);

  expect((await browser.get(`/en/rounds/${roundId}`)).body).toContain('You voted on');
  const second = await vote(browser, roundId, { projects: [projects[1]] });
  expect(second.receipt.body).toContain('Your new vote has replaced your earlier one');
  expect(await countOf(roundId)).toBe(1);

  await advanceRound(app.strapi, roundId, 'counting');
  const verified = await getService(app.strapi, 'ballot').verifyReceipt(roundId, second.code);
  expect(verified).toMatchObject({ inPublishedBallotSet: true, matchesBallotAsCast: true });
});

it('refuses a confirmation without its CSRF token and writes nothing', async () => {
  const { roundId, projects } = await votingRound({ kind: 'approval', countingRule: 'greedy_cost' });
  const browser = await signedIn(await createPerson(app.strapi, 'citizen'));
  await browser.get(`/en/rounds/${roundId}/vote`);
  const answer = await browser.post(`/en/rounds/${roundId}/vote/confirm`, { csrf: '', projects: [projects[0]] });
  expect(answer.status).toBe(403);
  expect(await countOf(roundId)).toBe(0);
});

it('approval pick-N: too many proposals is refused', async () => {
  const { roundId, projects } = await votingRound({ kind: 'approval', countingRule: 'greedy_cost', maxProjects: 2 });
  const browser = await signedIn(await createPerson(app.strapi, 'citizen'));
  await browser.get(`/en/rounds/${roundId}/vote`);
  const answer = await browser.post(`/en/rounds/${roundId}/vote`, { projects });
  expect(answer.status).toBe(400);
  expect(answer.body).toContain('You chose more proposals than this ballot allows');
  await vote(browser, roundId, { projects: projects.slice(0, 2) });
  expect(await countOf(roundId)).toBe(1);
});

it('choose-one: one proposal by a radio button', async () => {
  const { roundId, projects } = await votingRound({ kind: 'choose-1', countingRule: 'greedy_card' });
  const browser = await signedIn(await createPerson(app.strapi, 'citizen'));
  expect((await browser.get(`/en/rounds/${roundId}/vote`)).body).toContain('type="radio"');
  await vote(browser, roundId, { projects: projects[1] });
  expect(await countOf(roundId)).toBe(1);
});

it('cumulative: points over the total are refused with the values kept; points left on the review', async () => {
  const { roundId, projects } = await votingRound({ kind: 'cumulative', countingRule: 'greedy_points', totalPoints: 5 });
  const browser = await signedIn(await createPerson(app.strapi, 'citizen'));
  await browser.get(`/en/rounds/${roundId}/vote`);
  const over = await browser.post(`/en/rounds/${roundId}/vote`, { [`points-${projects[0]}`]: '4', [`points-${projects[1]}`]: '3' });
  expect(over.status).toBe(400);
  expect(over.body).toContain('You gave more points than you have');
  expect(over.body).toMatch(new RegExp(`name="points-${projects[0]}"[^>]*value="4"`));
  const review = await browser.post(`/en/rounds/${roundId}/vote`, { [`points-${projects[0]}`]: '3', [`points-${projects[1]}`]: '1' });
  expect(review.body).toContain('Points left');
  await vote(browser, roundId, { [`points-${projects[0]}`]: '3', [`points-${projects[1]}`]: '1' });
  expect(await countOf(roundId)).toBe(1);
});

it('ranking: duplicate positions are refused; the order is shown on the review and cast', async () => {
  const { roundId, projects } = await votingRound({ kind: 'ordinal', countingRule: 'greedy_borda' });
  const browser = await signedIn(await createPerson(app.strapi, 'citizen'));
  const choose = await browser.get(`/en/rounds/${roundId}/vote`);
  expect(choose.body).not.toContain('up to 0');
  const duplicate = await browser.post(`/en/rounds/${roundId}/vote`, { [`rank-${projects[0]}`]: '1', [`rank-${projects[1]}`]: '1' });
  expect(duplicate.status).toBe(400);
  expect(duplicate.body).toContain('Give each proposal a different position');
  const fields = { [`rank-${projects[2]}`]: '1', [`rank-${projects[0]}`]: '2' };
  const review = await browser.post(`/en/rounds/${roundId}/vote`, fields);
  expect(review.body.indexOf('Project 3')).toBeLessThan(review.body.indexOf('Project 1'));
  await vote(browser, roundId, fields);
  const [row] = await app.strapi.db.connection('participation_ballots').where({ round_document_id: roundId }).select('choices');
  expect(JSON.parse(typeof row.choices === 'string' ? row.choices : JSON.stringify(row.choices))).toEqual({ kind: 'ordinal', ranking: [projects[2], projects[0]] });
});

it('tells an ineligible voter why before they start, with the way to their profile', async () => {
  const { roundId } = await votingRound({ kind: 'approval', countingRule: 'greedy_cost' }, { eligibility: { residentsOnly: true, verifiedParticipantsOnly: false } });
  const browser = await signedIn(await createPerson(app.strapi, 'citizen'));
  const page = await browser.get(`/en/rounds/${roundId}`);
  expect(page.body).toContain('Only people who live in Ballotville can vote in this round');
  expect(page.body).toContain('href="/en/account/profile"');
  const ballot = await browser.get(`/en/rounds/${roundId}/vote`);
  expect(ballot.status).toBe(403);
  expect(ballot.body).toContain('Only people who live in Ballotville can vote in this round');
});

it('a round that is not voting answers a page saying so', async () => {
  const roundId = await createRound(app.strapi, 'BLT', { phase: 'proposals' });
  const browser = await signedIn(await createPerson(app.strapi, 'citizen'));
  const answer = await browser.get(`/en/rounds/${roundId}/vote`);
  expect(answer.status).toBe(409);
  expect(answer.body).toContain('Voting is not open in this round');
});
