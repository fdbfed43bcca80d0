/**
 * `npm run bench:portal`: the citizens' portal under load on PostgreSQL. A round with 300 proposals and
 * 100,000 ballots that shows running totals; 8 concurrent readers of each page (the round, its proposals
 * on page 1 and on a deep page, a proposal, the budget, and, once counted, the results), asking for
 * brotli as browsers do; then 32 voters casting through the portal's form POST, beside 32 casting through
 * the API. The app runs in this process, the load generator (bench/http-load.ts) in another.
 * Last line: { pages: { <page>: { p50_ms, p99_ms, bytes } }, portal_ballots_per_s, api_ballots_per_s, ... }
 * where bytes is what a first visit transfers before images (the page and its stylesheet and scripts,
 * compressed).
 */
const PROPOSALS = 300;
const BALLOTS = Number(process.env.BENCH_BALLOTS ?? 100_000);
const READERS = 8;
const VOTERS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Each page is read for this long first, uncounted: figures are for a warm server. */
const WARMUP_SECONDS = 2;
/** Fresh accounts for each of the two voting runs, so that neither replaces the other's ballots. */
const VOTING_ACCOUNTS = 6000;

import { runMain, withPostgresApp } from './postgres-app';
import { runLoad } from './run-load';
import { createBenchUsers } from './bench-users';
import { advanceRound, createProposal, createRound } from '../tests/harness/fixtures';
import { createMunicipality } from '../tests/harness/people';
import { GENDER_MARKERS, YOUTH_MARKERS } from '../plugins/participation/server/src/domain/budget-lines/markers';
import { getService } from '../plugins/participation/server/src/utils/get-service';
import { portalSessionsFor } from './portal-sessions';
import { COOKIES } from '../plugins/participation/portal/src/http/cookies';

const BROTLI = { 'accept-encoding': 'br, gzip' };

/** What a first visit to a page transfers before images: the page, then each stylesheet and script it names. */
const transferredBytes = async (baseUrl: string, path: string) => {
  const sizeOf = async (url: string) => {
    const response = await fetch(url, { headers: BROTLI });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    return { bytes: Number(response.headers.get('content-length')), body };
  };
  const page = await sizeOf(baseUrl + path);
  const assets = [...page.body.matchAll(/<(?:link[^>]+href|script[^>]+src)="([^"]+)"/g)].map((match) => match[1]).filter((href) => href.startsWith('/'));
  let bytes = page.bytes;
  for (const asset of assets) bytes += (await sizeOf(baseUrl + asset)).bytes;
  return bytes;
};

/** Three different proposals for the i-th voter. */
const choicesFor = (projects: string[], i: number) => [projects[i % projects.length], projects[(i * 7 + 1) % projects.length], projects[(i * 13 + 2) % projects.length]].filter((id, at, all) => all.indexOf(id) === at);

const main = () =>
  // As the app runs in production (React's production build), without the tests' response checks.
  withPostgresApp({ NODE_ENV: 'production', PARTICIPATION_CHECK_RESPONSES: 'false' }, async (app) => {
    const { strapi } = app;
    await createMunicipality(strapi, 'BEN', 'Bench');
    const lines = Array.from({ length: 60 }, (_, i) => `${1000 + i}-01`);
    for (const [i, code] of lines.entries()) {
      await strapi.documents('plugin::participation.budget-line').create({
        data: {
          municipalityCode: 'BEN',
          fiscalYear: 2026,
          code,
          name: `Budget line ${i + 1}`,
          approvedMinor: String(10_000_000 * (i + 1)),
          revisedMinor: String(10_000_000 * (i + 1)),
          committedMinor: '0',
          spentMinor: '0',
          genderMarker: GENDER_MARKERS[i % GENDER_MARKERS.length],
          youthMarker: YOUTH_MARKERS[i % YOUTH_MARKERS.length],
        } as never,
      });
    }
    const roundId = await createRound(strapi, 'BEN', {
      title: 'Bench round',
      totalBudgetMinor: '3000000000',
      ballotRules: { kind: 'approval', maxProjects: 5, countingRule: 'mes_cost', tieBreaking: 'id' },
      showRunningTotals: true,
    });
    const projects: string[] = [];
    for (let i = 1; i <= PROPOSALS; i += 1) {
      projects.push(
        await createProposal(strapi, roundId, 'BEN', {
          title: `Project ${i}`,
          requestedMinor: String(1_000_000 + ((i * 7919) % 90) * 500_000),
          budgetLineCodes: [lines[i % lines.length]],
          proposalStatus: 'on_ballot',
          ballotNumber: i,
        })
      );
    }
    await advanceRound(strapi, roundId, 'voting');

    const users = await createBenchUsers(strapi, BALLOTS + 2 * VOTING_ACCOUNTS);
    const ballots = getService(strapi, 'ballot');
    const seeding = performance.now();
    let next = 0;
    // Cast through the service, as the API does, so that everything a ballot maintains is maintained.
    const castWorker = async () => {
      while (next < BALLOTS) {
        const i = next++;
        await ballots.castOnline(roundId, users[i], { choices: { projects: choicesFor(projects, i) } });
      }
    };
    await Promise.all(Array.from({ length: 8 }, castWorker));
    const seedSeconds = (performance.now() - seeding) / 1000;
    console.log(JSON.stringify({ seeded_ballots: BALLOTS, seconds: Number(seedSeconds.toFixed(1)) }));

    const measured: Record<string, { p50_ms: number; p99_ms: number; bytes: number; per_s: number; statuses: Record<string, number> }> = {};
    const readPage = async (name: string, path: string) => {
      const bytes = await transferredBytes(app.baseUrl, path);
      const load = await runLoad({ url: app.baseUrl, method: 'GET', concurrency: READERS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, requests: [{ path, headers: BROTLI }] });
      measured[name] = { p50_ms: load.p50_ms, p99_ms: load.p99_ms, bytes, per_s: load.per_s, statuses: load.statuses };
      console.log(JSON.stringify({ page: name, path, ...measured[name] }));
    };
    await readPage('round', `/en/rounds/${roundId}`);
    await readPage('proposals', `/en/rounds/${roundId}/proposals`);
    await readPage('proposals_deep', `/en/rounds/${roundId}/proposals?page=11`);
    await readPage('proposal', `/en/proposals/${projects[150]}`);
    await readPage('budget', '/en/municipalities/BEN/budget/2026');

    const portalVoters = await portalSessionsFor(strapi, users.slice(BALLOTS, BALLOTS + VOTING_ACCOUNTS));
    const portal = await runLoad({
      url: app.baseUrl,
      method: 'POST',
      concurrency: VOTERS,
      seconds: SECONDS,
      requests: portalVoters.map(({ secret, token }, i) => ({
        path: `/en/rounds/${roundId}/vote/confirm`,
        headers: { cookie: `${COOKIES.session}=${secret}`, ...BROTLI },
        body: new URLSearchParams([['csrf', token], ...choicesFor(projects, i).map((id): [string, string] => ['projects', id])]).toString(),
      })),
    });
    console.log(JSON.stringify({ run: 'ballots through the portal: POST /en/rounds/:id/vote/confirm', ...portal }));
    const jwt = strapi.plugin('users-permissions').service('jwt');
    const api = await runLoad({
      url: app.baseUrl,
      method: 'POST',
      concurrency: VOTERS,
      seconds: SECONDS,
      requests: users.slice(BALLOTS + VOTING_ACCOUNTS).map((id, i) => ({
        path: `/api/participation/rounds/${roundId}/ballot`,
        headers: { authorization: `Bearer ${jwt.issue({ id })}` },
        body: { choices: { projects: choicesFor(projects, i) } },
      })),
    });
    console.log(JSON.stringify({ run: 'ballots through the API: POST /api/participation/rounds/:id/ballot', ...api }));

    const rounds = getService(strapi, 'round');
    await rounds.transition('BEN', roundId, 'close-voting', users[0]);
    const counting = performance.now();
    await getService(strapi, 'round-count').count('BEN', roundId);
    const countSeconds = (performance.now() - counting) / 1000;
    await rounds.transition('BEN', roundId, 'publish-results', users[0]);
    await readPage('results', `/en/rounds/${roundId}/results`);

    console.log(
      JSON.stringify({
        pages: Object.fromEntries(Object.entries(measured).map(([name, { p50_ms, p99_ms, bytes }]) => [name, { p50_ms, p99_ms, bytes }])),
        portal_ballots_per_s: portal.per_s,
        api_ballots_per_s: api.per_s,
        portal_ballot_statuses: portal.statuses,
        api_ballot_statuses: api.statuses,
        ballots: BALLOTS,
        proposals: PROPOSALS,
        readers: READERS,
        voters: VOTERS,
        seconds: SECONDS,
        count_seconds: Number(countSeconds.toFixed(2)),
      })
    );
  });

runMain(main);
