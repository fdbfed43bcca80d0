import fs from 'fs';
import os from 'os';
import path from 'path';
import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { advanceRound, bootWithMunicipality, createProposal, createRound } from '../harness/fixtures';
import { parsePabulibText } from '../../plugins/participation/server/src/domain/pabulib/parse';
import { main as countCli } from '../../plugins/participation/server/src/domain/counting/cli';

/**
 * A round's `.pb` export carries its rule (#11 item 29): the ballot's limits and points in META, so that
 * `npm run count` on the downloaded file, with no options, selects what the round selected.
 */
let app: TestApp;
let staff: TestPerson;
const base = '/api/participation/municipalities/ELB';

beforeAll(async () => ({ app, staff } = await bootWithMunicipality('ELB', 'Elbasan')));
afterAll(() => app?.close());

const cases = [
  {
    name: 'a ranking round scored by fixed points per rank',
    ballotRules: { kind: 'ordinal', maxProjects: 2, pointsPerPosition: [5, 1], countingRule: 'greedy_borda', tieBreaking: 'id' },
    ballots: (ids: string[]) => [{ ranking: [ids[0], ids[2]] }, { ranking: [ids[0], ids[2]] }, { ranking: [ids[1], ids[2]] }, { ranking: [ids[2], ids[1]] }],
    meta: { vote_type: 'ordinal', max_length: '2', points_per_position: '5,1', rule: 'greedy_borda' },
  },
  {
    name: 'a cumulative round (body {"choices":{"points":{…}}})',
    ballotRules: { kind: 'cumulative', totalPoints: 5, maxProjects: 3, countingRule: 'greedy_points', tieBreaking: 'id' },
    ballots: (ids: string[]) => [{ points: { [ids[0]]: 3, [ids[1]]: 2 } }, { points: { [ids[2]]: 5 } }, { points: { [ids[1]]: 4, [ids[2]]: 1 } }],
    meta: { vote_type: 'cumulative', max_length: '3', max_sum_points: '5', rule: 'greedy_points' },
  },
];

describe('the .pb export', () => {
  it.each(cases)('of $name keeps its rule: recounted from the file alone, it selects what the round selected', async ({ ballotRules, ballots, meta }) => {
    const roundId = await createRound(app.strapi, 'ELB', { totalBudgetMinor: '10000', ballotRules });
    const ids: string[] = [];
    for (const [i, cost] of ['6000', '5000', '4000'].entries()) {
      ids.push(await createProposal(app.strapi, roundId, 'ELB', { title: `Project ${i + 1}`, proposalStatus: 'on_ballot', ballotNumber: i + 1, costEstimateMinor: cost }));
    }
    await advanceRound(app.strapi, roundId, 'voting');
    for (const choices of ballots(ids)) {
      const voter = await createPerson(app.strapi, 'citizen');
      const cast = await app.http().post(`/api/participation/rounds/${roundId}/ballot`).set(voter.auth).send({ choices });
      expect(cast.status).toBe(201);
    }
    expect((await app.http().post(`${base}/rounds/${roundId}/transitions`).set(staff.auth).send({ action: 'close-voting' })).status).toBe(200);
    const counted = await app.http().post(`${base}/rounds/${roundId}/count`).set(staff.auth);
    expect(counted.status).toBe(200);
    // The ballot set is public from the moment voting closes; the selection only once it is published.
    const beforeResults = await app.http().get(`/api/participation/rounds/${roundId}/ballots.pb`);
    expect(beforeResults.status).toBe(200);
    expect(parsePabulibText(beforeResults.text).citySelected).toBeNull();
    expect((await app.http().post(`${base}/rounds/${roundId}/transitions`).set(staff.auth).send({ action: 'publish-results' })).status).toBe(200);

    const exported = await app.http().get(`/api/participation/rounds/${roundId}/ballots.pb`);
    expect(exported.status).toBe(200);
    const file = parsePabulibText(exported.text);
    expect(file.citySelected?.sort()).toEqual([...counted.body.data.districts[0].selected].sort());
    expect(file.meta).toMatchObject({ ...meta, tie_breaking: 'id', num_votes: String(ballots(ids).length) });
    expect(file.warnings).toEqual([]);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-export-'));
    try {
      const pb = path.join(dir, 'round.pb');
      fs.writeFileSync(pb, exported.text);
      const recount = JSON.parse(await countCli([pb]));
      expect(recount.selected.sort()).toEqual([...counted.body.data.districts[0].selected].sort());
      expect(recount.selectionOrder).toEqual(counted.body.data.districts[0].selectionOrder);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
