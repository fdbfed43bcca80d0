import type { TestApp } from '../harness/app';
import type { TestPerson } from '../harness/people';
import { advanceRound, bootWithMunicipality, createProposal, createRound } from '../harness/fixtures';

/**
 * Closing voting while ballots are being written: the transition waits for them, and the count then
 * reads exactly the ballots cast. (On SQLite one writer at a time makes this hold by itself.)
 */
let app: TestApp;
let staff: TestPerson;

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('LEZ', 'Lezhë'));
  expect(app.engine).toBe('postgres');
});
afterAll(() => app?.close());

it('waits for a ballot still being written, and counts it', async () => {
  const roundId = await createRound(app.strapi, 'LEZ');
  const proposalId = await createProposal(app.strapi, roundId, 'LEZ', { proposalStatus: 'on_ballot', ballotNumber: 1 });
  await advanceRound(app.strapi, roundId, 'voting');
  const writing = await app.strapi.db.connection.transaction();
  await writing('participation_ballots').insert({
    document_id: 'ballot-in-flight', round_document_id: roundId, district_code: '', voter_key: 'key-in-flight',
    receipt_code: 'INFL-IGHT-0001', choices: JSON.stringify({ kind: 'approval', projects: [proposalId] }), channel: 'online',
  });

  const transition = (action: string) =>
    app.http().post(`/api/participation/municipalities/LEZ/rounds/${roundId}/transitions`).set(staff.auth).send({ action }).then((response) => response);
  let closedAt: number | null = null;
  const closing = transition('close-voting').then((response) => ((closedAt = Date.now()), response));
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(closedAt).toBeNull();
  const committedAt = Date.now();
  await writing.commit();
  expect((await closing).status).toBe(200);
  expect(closedAt!).toBeGreaterThanOrEqual(committedAt);

  const counted = await app.http().post(`/api/participation/municipalities/LEZ/rounds/${roundId}/count`).set(staff.auth);
  expect(counted.status).toBe(200);
  expect(counted.body.data.districts[0].ballots).toBe(1);
});
