/**
 * The listening side of bench:realtime, in its own process: opens `clients` socket.io connections to one
 * room, says "ready", then records for every event the delay from the server's commit (`emittedAt`,
 * same machine clock) to its receipt, until each client has `events` events. Prints one JSON line.
 */
import { io, type Socket } from 'socket.io-client';

const [url, room, clientsArg, eventsArg] = process.argv.slice(2);
const clients = Number(clientsArg);
const events = Number(eventsArg);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const main = async () => {
  const sockets: Socket[] = [];
  const delays: number[] = [];
  let complete = 0;
  let done: () => void = () => undefined;
  const allReceived = new Promise<void>((resolve) => (done = resolve));

  for (let i = 0; i < clients; i += 1) {
    const socket = io(url, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true });
    let received = 0;
    socket.on('budget-line.changed', (event: { emittedAt: string }) => {
      delays.push(Date.now() - Date.parse(event.emittedAt));
      received += 1;
      if (received === events && (complete += 1) === clients) done();
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => socket.emit('join', { room }, () => resolve()));
      socket.once('connect_error', reject);
    });
    sockets.push(socket);
  }
  process.stdout.write('ready\n');
  const timeout = setTimeout(() => done(), 120_000);
  await allReceived;
  clearTimeout(timeout);
  delays.sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({ clients, events, received: delays.length, p50_ms: percentile(delays, 50), p99_ms: percentile(delays, 99), max_ms: delays[delays.length - 1] })}\n`
  );
  for (const socket of sockets) socket.close();
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
