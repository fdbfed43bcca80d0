import type { Socket } from 'socket.io-client';
import type { TestApp } from '../harness/app';
import { createPerson, type TestPerson } from '../harness/people';
import { connectSocket, join, nextEvent } from '../harness/socket';
import { advanceRound, bootWithMunicipality, createOwnMunicipality, createProposal, createRound } from '../harness/fixtures';
import type { RealtimeError, RoomEvent } from '../../plugins/participation/shared/contracts';

/** Each test watches rooms of its own: a round it creates, or a municipality of its own whose events start at 1. */
let app: TestApp;
let staff: TestPerson;
let citizen: TestPerson;
const sockets: Socket[] = [];

const open = async (token?: string) => {
  const socket = await connectSocket(app.baseUrl, token);
  sockets.push(socket);
  return socket;
};

/** The server counts a closed socket out of its address's share only when the disconnect reaches it, later on a busy machine. */
const openOnceReleased = async (deadline = Date.now() + 10_000): Promise<Socket> => {
  try {
    return await open();
  } catch (error) {
    if (Date.now() > deadline) throw error;
    await new Promise((resolve) => setTimeout(resolve, 100));
    return openOnceReleased(deadline);
  }
};

/** A draft round created by staff through the API. */
const liveRound = async () => {
  const round = await app.http().post('/api/participation/municipalities/SHK/rounds').set(staff.auth).send({
    data: { fiscalYear: 2026, title: 'Live round', totalBudget: '1000', ballotRules: { kind: 'approval', countingRule: 'greedy_cost' }, eligibility: { residentsOnly: false } },
  });
  expect(round.status).toBe(201);
  return round.body.data.documentId as string;
};
const transition = (roundId: string, action: string) =>
  app.http().post(`/api/participation/municipalities/SHK/rounds/${roundId}/transitions`).set(staff.auth).send({ action });

beforeAll(async () => {
  ({ app, staff } = await bootWithMunicipality('SHK', 'Shkodër'));
  citizen = await createPerson(app.strapi, 'citizen');
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await app?.close();
});

describe('real-time events over socket.io', () => {
  it('delivers a committed phase change to the round room, numbered, in the public shape', async () => {
    const roundId = await liveRound();
    const socket = await open();
    expect(await join(socket, `round:${roundId}`)).toEqual({ ok: true, room: `round:${roundId}` });
    const received = nextEvent(socket, 'round.phase-changed');
    await transition(roundId, 'open-proposals');
    const event = await received;
    expect(event).toMatchObject({ room: `round:${roundId}`, sequence: 1, type: 'round.phase-changed', payload: { from: 'draft', to: 'proposals', round: { documentId: roundId, phase: 'proposals' } } });
    expect(JSON.stringify(event)).not.toMatch(/authorId|email|password|voterKey/);
  });

  it('announces budget-line changes to the municipality room', async () => {
    const { code, staff: municipalStaff } = await createOwnMunicipality(app.strapi, 'RT');
    const socket = await open();
    await join(socket, `municipality:${code}:budget`);
    const received = nextEvent(socket, 'budget-line.changed');
    await app.http().post(`/api/participation/municipalities/${code}/budget-lines/import`).set(municipalStaff.auth).send({ csv: 'fiscal_year,code,name,approved\n2026,A-1,Line,10\n' });
    expect(await received).toMatchObject({ sequence: 1, payload: { municipalityCode: code, change: 'imported', imported: { created: 1, updated: 0 } } });
  });

  it('coalesces running vote totals to one update per second for rounds that show them', async () => {
    const votingRoundId = await createRound(app.strapi, 'SHK', { title: 'Open vote', showRunningTotals: true });
    const proposalId = await createProposal(app.strapi, votingRoundId, 'SHK', { title: 'Bench', budgetLineCodes: ['A-1'], proposalStatus: 'on_ballot', ballotNumber: 1 });
    await advanceRound(app.strapi, votingRoundId, 'voting');
    const socket = await open();
    await join(socket, `round:${votingRoundId}`);
    const updates: Array<RoomEvent<'round.running-totals'>> = [];
    socket.on('round.running-totals', (event) => updates.push(event));
    const voters = [citizen, ...(await Promise.all([createPerson(app.strapi, 'citizen'), createPerson(app.strapi, 'citizen')]))];
    for (const voter of voters) {
      const cast = await app.http().post(`/api/participation/rounds/${votingRoundId}/ballot`).set(voter.auth).send({ choices: { projects: [proposalId] } });
      expect(cast.status).toBe(201);
    }
    await new Promise((resolve) => setTimeout(resolve, 1800));
    expect(updates).toHaveLength(1);
    expect(updates[0].payload).toEqual({ roundDocumentId: votingRoundId, totals: { [proposalId]: 3 } });
  });

  it('announces a published decision with its log entry hash and signed checkpoint', async () => {
    const { code, staff: municipalStaff } = await createOwnMunicipality(app.strapi, 'RT');
    const line = await app.http().post(`/api/participation/municipalities/${code}/budget-lines`).set(municipalStaff.auth).send({ data: { fiscalYear: 2026, code: 'A-1', name: 'Line', approved: '10' } });
    expect(line.status).toBe(201);
    const socket = await open();
    await join(socket, `municipality:${code}:decisions`);
    const received = nextEvent(socket, 'decision.published');
    const published = await app.http().post(`/api/participation/municipalities/${code}/decisions`).set(municipalStaff.auth).send({
      data: {
        kind: 'approve', subject: { kind: 'budget-line', code: 'A-1', fiscalYear: 2026 }, amount: '10',
        councilDecisionReference: 'VKB nr. 45', decisionDate: '2026-03-15', rationale: 'Approved by the council.',
      },
    });
    expect(published.status).toBe(201);
    const event = await received;
    expect(event).toMatchObject({
      room: `municipality:${code}:decisions`,
      sequence: 1,
      payload: { entry: { hash: published.body.data.hash }, checkpoint: { size: 1, headHash: published.body.data.hash } },
    });
  });

  it('lets a client that was offline catch up from a sequence number', async () => {
    const roundId = await liveRound();
    await transition(roundId, 'open-proposals');
    await transition(roundId, 'start-review');
    const all = await app.http().get(`/api/participation/realtime/rooms/round:${roundId}/events`);
    expect(all.body.data.map((event: RoomEvent<'round.phase-changed'>) => [event.sequence, event.payload.to])).toEqual([[1, 'proposals'], [2, 'review']]);
    const after = await app.http().get(`/api/participation/realtime/rooms/round:${roundId}/events?after=1`);
    expect(after.body).toMatchObject({ data: [{ sequence: 2 }], meta: { lastSequence: 2 } });
  });

  it('refuses private rooms to those who may not see them, by socket and by REST', async () => {
    const anonymous = await open();
    const refused = nextEvent(anonymous, 'error');
    anonymous.emit('join', { room: `user:${citizen.id}` });
    expect(await refused).toMatchObject({ code: 'forbidden-room' });

    const own = await open(citizen.jwt);
    expect(await join(own, `user:${citizen.id}`)).toMatchObject({ ok: true });
    const moderation = nextEvent(own, 'error');
    own.emit('join', { room: 'moderation:SHK' });
    expect(await moderation).toMatchObject({ code: 'forbidden-room' });

    expect((await app.http().get(`/api/participation/realtime/rooms/user:${citizen.id}/events`)).status).toBe(401);
    expect((await app.http().get(`/api/participation/realtime/rooms/user:${citizen.id}/events`).set(staff.auth)).status).toBe(403);
    expect((await app.http().get(`/api/participation/realtime/rooms/user:${citizen.id}/events`).set(citizen.auth)).status).toBe(200);
  });

  it('refuses a foreign Origin, and more connections from one address than configured', async () => {
    await expect(connectSocket(app.baseUrl, undefined, { origin: 'https://evil.example' })).rejects.toThrow();
    const sameOrigin = await connectSocket(app.baseUrl, undefined, { origin: app.baseUrl });
    sockets.push(sameOrigin);
    const limit = 50;
    const opened = sockets.filter((socket) => socket.connected).length;
    for (let i = opened; i < limit; i += 1) await open();
    await expect(connectSocket(app.baseUrl)).rejects.toThrow();
    for (const socket of sockets.splice(0)) socket.close();
    await openOnceReleased();
  });

  it('cuts a connection that sends a message larger than allowed', async () => {
    const big = await open();
    const closed = nextEvent(big, 'disconnect');
    big.emit('join', { room: 'x'.repeat(10_000) });
    expect(await closed).toBe('transport close');
  });

  it('refuses a bad token at the handshake', async () => {
    await expect(connectSocket(app.baseUrl, 'not-a-jwt')).rejects.toThrow('invalid token');
  });

  it('cuts a connection that keeps sending unknown events or joins too many rooms, and stays up', async () => {
    const noisy = await open();
    const closed = nextEvent(noisy, 'disconnect');
    for (let i = 0; i < 3; i += 1) noisy.emit('hack', { x: i });
    expect(await closed).toBe('io server disconnect');

    const greedy = await open();
    const tooMany = new Promise((resolve) => greedy.on('error', (error: RealtimeError) => error.code === 'too-many-rooms' && resolve(error)));
    for (let i = 0; i < 60; i += 1) greedy.emit('join', { room: `round:r${i}` });
    expect(await tooMany).toMatchObject({ code: 'too-many-rooms' });

    expect((await app.http().get('/api/participation/municipalities')).status).toBe(200);
  });
});
