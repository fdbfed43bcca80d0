/**
 * `npm run bench:desk`: the CSO facilitator's ballot desk on PostgreSQL (issue #15, "Speed"). A round in
 * voting with 40 proposals (approval, up to 3); one facilitator session enters 1,000 paper ballots through
 * the desk's form POSTs, each followed by the page it redirects to (empty, with the receipt); then 8
 * facilitators at once, 250 each. The app runs in this process, the facilitators (bench/desk-load.ts) in
 * another. Target: at least 20 ballots/s for one facilitator with p99 < 100 ms.
 * Last line: { ballots_per_s_one, p99_ms_one, ballots_per_s_eight, p99_ms_eight, ... }
 */
const PROPOSALS = 40;
const ONE_STACK = Number(process.env.BENCH_DESK_BALLOTS ?? 1000);
const FACILITATORS = 8;
const EACH_STACK = Number(process.env.BENCH_DESK_EACH ?? 250);

import path from 'path';
import { spawn } from 'child_process';
import { loadavg } from 'os';
import { runMain, withPostgresApp } from './postgres-app';
import { portalSessionsFor } from './portal-sessions';
import { advanceRound, createProposal, createRound } from '../tests/harness/fixtures';
import { createMunicipality, createPerson } from '../tests/harness/people';
import { COOKIES } from '../plugins/participation/portal/src/http/cookies';

interface DeskResult {
  ballots: number;
  receipts_shown: number;
  per_s: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  client_cpu_ms: number;
  statuses: Record<string, number>;
}

/**
 * Runs the facilitators in their own process; with the app's CPU time per ballot (this process: the app,
 * PostgreSQL runs apart), a figure that holds on a shared machine where the rates do not.
 */
const runDesk = async (plan: { url: string; path: string; facilitators: Array<{ cookie: string; forms: string[] }> }) => {
  const before = process.cpuUsage();
  const result = await deskLoad(plan);
  const { user, system } = process.cpuUsage(before);
  return { ...result, app_cpu_ms_per_ballot: Number(((user + system) / 1000 / result.ballots).toFixed(2)) };
};

const deskLoad = (plan: { url: string; path: string; facilitators: Array<{ cookie: string; forms: string[] }> }) =>
  new Promise<DeskResult>((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'desk-load.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output.trim().split('\n').pop()!)) : reject(new Error(`desk load exited ${code}`))));
    child.stdin.end(JSON.stringify(plan));
  });

/** Up to three different proposals for the i-th form. */
const choicesFor = (projects: string[], i: number) => [projects[i % projects.length], projects[(i * 7 + 1) % projects.length], projects[(i * 13 + 2) % projects.length]].filter((id, at, all) => all.indexOf(id) === at);

/** The stack of paper forms of one facilitator, as the desk's form posts them. */
const stackOf = (token: string, stack: string, count: number, projects: string[]) =>
  Array.from({ length: count }, (_, i) =>
    new URLSearchParams([
      ['csrf', token],
      ['channel', 'paper'],
      ['offlineReference', `FORM-${stack}-${String(i).padStart(5, '0')}`],
      ['residenceMunicipalityCode', 'BEN'],
      ['birthDate', '1980-01-01'],
      ['email', ''],
      ['consent', 'given'],
      ['consentMethod', 'signed-form'],
      ['consentNote', ''],
      ...choicesFor(projects, i).map((id): [string, string] => ['projects', id]),
    ]).toString()
  );

const main = () =>
  // As the app runs in production (React's production build), without the tests' response checks.
  withPostgresApp({ NODE_ENV: 'production', PARTICIPATION_CHECK_RESPONSES: 'false' }, async (app) => {
    const { strapi } = app;
    const load = () => loadavg().map((value) => Number(value.toFixed(2)));
    console.log(JSON.stringify({ loadavg: load() }));
    await createMunicipality(strapi, 'BEN', 'Bench');
    const roundId = await createRound(strapi, 'BEN', {
      title: 'Bench round',
      totalBudgetMinor: '3000000000',
      ballotRules: { kind: 'approval', maxProjects: 3, countingRule: 'greedy_cost', tieBreaking: 'id' },
      eligibility: { residentsOnly: true, verifiedParticipantsOnly: false },
    });
    const projects: string[] = [];
    for (let i = 1; i <= PROPOSALS; i += 1) {
      projects.push(await createProposal(strapi, roundId, 'BEN', { title: `Project ${i}`, requestedMinor: String(1_000_000 + i * 10_000), proposalStatus: 'on_ballot', ballotNumber: i }));
    }
    await advanceRound(strapi, roundId, 'voting');
    const people = [];
    for (let i = 0; i <= FACILITATORS; i += 1) people.push(await createPerson(strapi, 'cso-facilitator', ['BEN']));
    const sessions = await portalSessionsFor(strapi, people.map((person) => person.id));
    const deskPath = `/en/workspace/BEN/ballot-desk/${roundId}`;
    const cookieOf = (secret: string) => `${COOKIES.session}=${secret}`;

    // Warm-up: the first forms of a process compile its code paths and fill its caches.
    await runDesk({ url: app.baseUrl, path: deskPath, facilitators: [{ cookie: cookieOf(sessions[0].secret), forms: stackOf(sessions[0].token, 'warm', 50, projects) }] });

    const one = await runDesk({ url: app.baseUrl, path: deskPath, facilitators: [{ cookie: cookieOf(sessions[0].secret), forms: stackOf(sessions[0].token, 'one', ONE_STACK, projects) }] });
    console.log(JSON.stringify({ run: `one facilitator, ${ONE_STACK} paper ballots (POST the desk, GET the page it redirects to)`, ...one }));
    const eight = await runDesk({
      url: app.baseUrl,
      path: deskPath,
      facilitators: sessions.slice(1).map((session, f) => ({ cookie: cookieOf(session.secret), forms: stackOf(session.token, `eight-${f}`, EACH_STACK, projects) })),
    });
    console.log(JSON.stringify({ run: `${FACILITATORS} facilitators at once, ${EACH_STACK} paper ballots each`, ...eight }));

    const ballots = await strapi.db.connection('participation_ballots').where({ round_document_id: roundId }).count({ n: '*' }).first();
    const recorded = Number(ballots?.n ?? 0);
    const expected = 50 + ONE_STACK + FACILITATORS * EACH_STACK;
    if (recorded !== expected || one.receipts_shown !== ONE_STACK || eight.receipts_shown !== FACILITATORS * EACH_STACK) {
      throw new Error(`expected ${expected} ballots and every receipt shown; found ${recorded} ballots, receipts ${one.receipts_shown} + ${eight.receipts_shown}`);
    }
    console.log(
      JSON.stringify({
        ballots_per_s_one: one.per_s,
        p99_ms_one: one.p99_ms,
        ballots_per_s_eight: eight.per_s,
        p99_ms_eight: eight.p99_ms,
        p50_ms_one: one.p50_ms,
        p50_ms_eight: eight.p50_ms,
        app_cpu_ms_per_ballot_one: one.app_cpu_ms_per_ballot,
        app_cpu_ms_per_ballot_eight: eight.app_cpu_ms_per_ballot,
        client_cpu_ms_one: one.client_cpu_ms,
        client_cpu_ms_eight: eight.client_cpu_ms,
        ballots_recorded: recorded,
        loadavg_at_end: load(),
        proposals: PROPOSALS,
        facilitators: FACILITATORS,
      })
    );
  });

runMain(main);
