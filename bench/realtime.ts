/**
 * `npm run bench:realtime`: the app on PostgreSQL in this process; 1,000 then 5,000 socket.io clients in
 * another process, all in one municipality room; events caused through the REST API (budget-line
 * creations, one every 200 ms); commit-to-receipt delay at every client, and the server's memory per
 * 1,000 connected clients. Last line: { clients, p50_ms, p99_ms, rss_mb_per_1000_clients } for the largest run.
 */
import path from 'path';
import { spawn } from 'child_process';

const RUNS = [1000, 5000];
const EVENTS = 10;
const EVENT_INTERVAL_MS = 200;

import { createMunicipality, createPerson } from '../tests/harness/people';
import { runMain, withPostgresApp } from './postgres-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const main = () =>
  // All clients share one address here, so the per-address limit is lifted for the run.
  withPostgresApp({ PARTICIPATION_REALTIME_MAX_CONNECTIONS_PER_ADDRESS: '100000' }, async (app) => {
    let last: Record<string, number> = {};
    await createMunicipality(app.strapi, 'BEN', 'Bench');
    const staff = await createPerson(app.strapi, 'municipal-staff', ['BEN']);
    let line = 0;
    for (const clients of RUNS) {
      if (global.gc) global.gc();
      const rssBefore = process.memoryUsage().rss;
      const listener = spawn(
        process.execPath,
        [
          require.resolve('tsx/cli'),
          path.join(__dirname, 'socket-clients.ts'),
          app.baseUrl,
          'municipality:BEN:budget',
          String(clients),
          String(EVENTS),
        ],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let output = '';
      const ready = new Promise<void>((resolve) =>
        listener.stdout.on('data', (chunk) => (output += chunk) && output.includes('ready') && resolve()),
      );
      const finished = new Promise<void>((resolve) => listener.on('exit', () => resolve()));
      await ready;
      const rssConnected = process.memoryUsage().rss;
      for (let i = 0; i < EVENTS; i += 1) {
        line += 1;
        await app
          .http()
          .post('/api/participation/municipalities/BEN/budget-lines')
          .set(staff.auth)
          .send({ data: { fiscalYear: 2026, code: `B-${line}`, name: 'Bench line', approved: '1' } });
        await sleep(EVENT_INTERVAL_MS);
      }
      await finished;
      const result = JSON.parse(output.trim().split('\n').pop()!);
      last = {
        clients,
        p50_ms: result.p50_ms,
        p99_ms: result.p99_ms,
        rss_mb_per_1000_clients: Number(((((rssConnected - rssBefore) / clients) * 1000) / 2 ** 20).toFixed(1)),
      };
      console.log(JSON.stringify({ ...result, rss_mb_per_1000_clients: last.rss_mb_per_1000_clients }));
      await sleep(1000);
    }
    console.log(JSON.stringify(last));
  });

runMain(main);
