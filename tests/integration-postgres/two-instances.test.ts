import type { Socket } from 'socket.io-client';
import type { TestApp } from '../harness/app';
import { startOtherInstance } from '../harness/other-instance';
import type { TestPerson } from '../harness/people';
import { connectSocket, join, nextEvent } from '../harness/socket';
import { bootWithMunicipality } from '../harness/fixtures';

/** Two app instances on one PostgreSQL database: an event caused through one reaches a client of the other. */
let app: TestApp;
let stopOther: (() => Promise<void>) | undefined;
let otherUrl: string;
let staff: TestPerson;
let socket: Socket | undefined;

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('SHK', 'Shkodër'));
  expect(app.engine).toBe('postgres');
  ({ url: otherUrl, stop: stopOther } = await startOtherInstance());
});
afterAll(async () => {
  socket?.close();
  await stopOther?.();
  await app?.close();
});

it('delivers an event caused through one instance to a client connected to the other', async () => {
  const created = await app.http().post('/api/participation/municipalities/SHK/rounds').set(staff.auth).send({
    data: { fiscalYear: 2026, title: 'Two instances', totalBudget: '1000', ballotRules: { kind: 'approval', countingRule: 'greedy_cost' }, eligibility: { residentsOnly: false } },
  });
  const roundId = created.body.data.documentId;
  socket = await connectSocket(otherUrl);
  await join(socket, `round:${roundId}`);
  const received = nextEvent(socket, 'round.phase-changed', 15000);
  const response = await app.http().post(`/api/participation/municipalities/SHK/rounds/${roundId}/transitions`).set(staff.auth).send({ action: 'open-proposals' });
  expect(response.status).toBe(200);
  expect(await received).toMatchObject({ room: `round:${roundId}`, sequence: 1, payload: { to: 'proposals' } });
});
