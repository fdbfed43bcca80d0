import { bootApp, type TestApp } from '../harness/app';
import { connectSocket } from '../harness/socket';

let app: TestApp;

beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  await app?.close();
});

/** A bare engine.io handshake (long-polling): a session that never speaks socket.io, let alone joins. */
const rawHandshake = async () => (await fetch(`${app.baseUrl}/socket.io/?EIO=4&transport=polling`)).status;

describe('socket connections per address', () => {
  it('counts parallel handshakes and raw engine.io sessions against the limit (50)', async () => {
    const statuses = await Promise.all(Array.from({ length: 150 }, rawHandshake));
    expect(statuses.filter((status) => status === 200)).toHaveLength(50);
    expect(statuses.filter((status) => status === 403)).toHaveLength(100);
    // The 50 raw sessions never joined anything, and still hold the address's places.
    await expect(connectSocket(app.baseUrl)).rejects.toThrow();
  });
});
