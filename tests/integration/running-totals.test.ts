import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { advanceRound, bootWithMunicipality, createProposal, createRound } from '../harness/fixtures';
import { listedProjects, type Ballot } from '../../plugins/participation/server/src/domain/voting/ballot-kinds';
import { backfillRunningTotals } from '../../plugins/participation/server/src/database/running-totals';
import { readJson } from '../../plugins/participation/server/src/utils/json-column';

/** Running totals are counters the database keeps with each ballot (#13, Speed): always the recount's figures. */

let app: TestApp;
let voters: TestPerson[];

beforeAll(async () => {
  ({ app } = await bootWithMunicipality('SHK', 'Shkodër'));
  voters = await Promise.all([0, 1, 2, 3].map(() => createPerson(app.strapi, 'citizen')));
});
afterAll(() => app?.close());

const RULES = {
  approval: { kind: 'approval', maxProjects: 3, countingRule: 'greedy_cost' },
  'choose-1': { kind: 'choose-1', countingRule: 'greedy_cost' },
  cumulative: { kind: 'cumulative', totalPoints: 10, countingRule: 'greedy_points' },
  ordinal: { kind: 'ordinal', countingRule: 'greedy_borda' },
} as const;

const votingRound = async (kind: keyof typeof RULES) => {
  const roundId = await createRound(app.strapi, 'SHK', { title: `${kind} round`, showRunningTotals: true, ballotRules: { ...RULES[kind], tieBreaking: 'id' } });
  const ids: string[] = [];
  for (const ballotNumber of [1, 2, 3, 4]) {
    ids.push(await createProposal(app.strapi, roundId, 'SHK', { title: `Proposal ${ballotNumber}`, proposalStatus: 'on_ballot', ballotNumber, costEstimateMinor: '100' }));
  }
  await advanceRound(app.strapi, roundId, 'voting');
  return { roundId, ids };
};

const vote = async (roundId: string, person: TestPerson, choices: Record<string, unknown>) => {
  const response = await app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(person.auth).send({ choices });
  expect(response.status).toBe(201);
};

/** What the round's ballots list, counted from the ballots themselves as `runningTotals` once did. */
const recount = async (roundId: string) => {
  const totals: Record<string, number> = {};
  const rows = await app.strapi.db.connection('participation_ballots').where({ round_document_id: roundId }).select('choices');
  for (const row of rows) {
    for (const id of listedProjects(readJson<Ballot>(row.choices))) totals[id] = (totals[id] ?? 0) + 1;
  }
  return totals;
};

const runningTotals = (roundId: string): Promise<Record<string, number>> => app.strapi.plugin('participation').service('ballot').runningTotals(roundId);

describe('running totals', () => {
  it('count each cast ballot of every kind, and a replacement moves the counts to the new choices', async () => {
    const approval = await votingRound('approval');
    const chooseOne = await votingRound('choose-1');
    const cumulative = await votingRound('cumulative');
    const ordinal = await votingRound('ordinal');
    const [a, b, c, d] = approval.ids;

    await vote(approval.roundId, voters[0], { projects: [a, b] });
    await vote(approval.roundId, voters[1], { projects: [b, c, d] });
    await vote(chooseOne.roundId, voters[0], { projects: [chooseOne.ids[2]] });
    await vote(cumulative.roundId, voters[0], { points: { [cumulative.ids[0]]: 7, [cumulative.ids[3]]: 3 } });
    await vote(ordinal.roundId, voters[0], { ranking: [ordinal.ids[3], ordinal.ids[1], ordinal.ids[0]] });
    expect(await runningTotals(approval.roundId)).toEqual({ [a]: 1, [b]: 2, [c]: 1, [d]: 1 });
    expect(await runningTotals(chooseOne.roundId)).toEqual({ [chooseOne.ids[2]]: 1 });
    expect(await runningTotals(cumulative.roundId)).toEqual({ [cumulative.ids[0]]: 1, [cumulative.ids[3]]: 1 });
    expect(await runningTotals(ordinal.roundId)).toEqual({ [ordinal.ids[3]]: 1, [ordinal.ids[1]]: 1, [ordinal.ids[0]]: 1 });

    // Replacements: one with other choices, one listing the same proposals again, one in another order.
    await vote(approval.roundId, voters[0], { projects: [c] });
    await vote(approval.roundId, voters[1], { projects: [b, c, d] });
    await vote(ordinal.roundId, voters[0], { ranking: [ordinal.ids[0], ordinal.ids[3], ordinal.ids[1]] });
    await vote(cumulative.roundId, voters[0], { points: { [cumulative.ids[1]]: 10 } });
    await vote(approval.roundId, voters[2], { projects: [a] });
    expect(await runningTotals(approval.roundId)).toEqual({ [a]: 1, [b]: 1, [c]: 2, [d]: 1 });
    expect(await runningTotals(cumulative.roundId)).toEqual({ [cumulative.ids[1]]: 1 });

    for (const { roundId } of [approval, chooseOne, cumulative, ordinal]) expect(await runningTotals(roundId)).toEqual(await recount(roundId));
  });

  it('hold against a recount after many concurrent ballots and replacements, and a backfill counts the same', async () => {
    const { roundId, ids } = await votingRound('approval');
    const people = await Promise.all(Array.from({ length: 12 }, () => createPerson(app.strapi, 'citizen')));
    const pick = (i: number, round: number) => ids.filter((_, k) => (i + k + round) % 3 !== 0).slice(0, 1 + ((i + round) % 3));
    for (const round of [0, 1, 2]) {
      await Promise.all(people.map((person, i) => vote(roundId, person, { projects: pick(i, round) })));
    }
    const expected = await recount(roundId);
    expect(Object.values(expected).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(people.length);
    expect(await runningTotals(roundId)).toEqual(expected);

    await backfillRunningTotals(app.strapi.db.connection);
    expect(await runningTotals(roundId)).toEqual(expected);
  });

  it('stay as they are when voting closes and the ballots are unlinked from their voters', async () => {
    const { roundId, ids } = await votingRound('approval');
    await vote(roundId, voters[3], { projects: [ids[0], ids[1]] });
    await vote(roundId, voters[2], { projects: [ids[1]] });
    const before = await runningTotals(roundId);
    await app.strapi.db.transaction(({ trx }) => app.strapi.plugin('participation').service('ballot').unlinkFromVoters(trx, roundId));
    expect(await runningTotals(roundId)).toEqual(before);
    expect(before).toEqual(await recount(roundId));
  });
});
