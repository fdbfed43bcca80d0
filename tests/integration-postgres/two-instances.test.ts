import path from 'path';
import { spawn, type ChildProcess } from 'child_process';
import type { Socket } from 'socket.io-client';
import { bootApp, type TestApp } from '../harness/app';
import { createMunicipality, createPerson, type TestPerson } from '../harness/people';
import { connectSocket, join, nextEvent } from '../harness/socket';

/** Two app instances on one PostgreSQL database: an event caused through one reaches a client of the other. */
let app: TestApp;
let other: ChildProcess;
let otherUrl: string;
let staff: TestPerson;
let socket: Socket | undefined;

const startOtherInstance = () =>
  new Promise<string>((resolve, reject) => {
    other = spawn(process.execPath, [path.join(__dirname, '..', 'harness', 'second-instance.js')], { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
    other.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString());
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    });
    other.once('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
  });

beforeAll(async () => {
  app = await bootApp();
  expect(app.engine).toBe('postgres');
  await createMunicipality(app.strapi, 'SHK', 'Shkodër');
  staff = await createPerson(app.strapi, 'municipal-staff', ['SHK']);
  otherUrl = await startOtherInstance();
});
afterAll(async () => {
  socket?.close();
  if (other && other.exitCode === null) {
    const exited = new Promise((resolve) => other.once('exit', resolve));
    other.kill('SIGTERM');
    await exited;
  }
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
