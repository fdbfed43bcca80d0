/**
 * `npm run bench:ballots`: ballot casting over HTTP on PostgreSQL, side by side with Strapi's generic
 * content-API create on a plain collection type that the benchmark adds for itself (bench/baseline-api.ts),
 * signed in like the voters and anonymous, at 32 concurrent clients; then casting again in a youth round,
 * where every ballot also reads the voter's declared residence and birth date. The app runs in this
 * process; the load generator (bench/http-load.ts) in another. Run with esbuild-register: Strapi's
 * dependencies do not load under tsx's ESM hooks.
 * Last line: { ballots_per_s, baseline_per_s, p50_ms, p99_ms, ... }.
 */
const CONCURRENCY = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const VOTERS = 4000;

import { runMain, withPostgresApp } from './postgres-app';
import { runLoad as runLoadWith } from './run-load';
import { createBenchUsers } from './bench-users';
import { advanceRound } from '../tests/harness/fixtures';
import { addBaselineApi, BASELINE_PATH, BASELINE_UID } from './baseline-api';

const runLoad = (url: string, requests: unknown[]) => runLoadWith({ url, method: 'POST', concurrency: CONCURRENCY, seconds: SECONDS, requests });

const main = () =>
  withPostgresApp({}, async (app) => {
    const { strapi } = app;
    await strapi
      .documents('plugin::participation.municipality')
      .create({ data: { code: 'BEN', name: 'Bench', country: 'AL', defaultLocale: 'sq', currency: 'ALL' } });
    const createVotingRound = async (title: string, eligibility: Record<string, unknown>) => {
      const round = await strapi.documents('plugin::participation.round').create({
        data: {
          municipalityCode: 'BEN',
          fiscalYear: 2026,
          title,
          totalBudgetMinor: '100000000',
          ballotRules: { kind: 'approval', maxProjects: 3, countingRule: 'greedy_cost', tieBreaking: 'id' },
          eligibility: { residentsOnly: false, verifiedParticipantsOnly: false, ...eligibility },
          showRunningTotals: false,
        },
      });
      const projects: string[] = [];
      for (let i = 1; i <= 10; i += 1) {
        const proposal = await strapi.documents('plugin::participation.proposal').create({
          data: {
            roundDocumentId: round.documentId,
            municipalityCode: 'BEN',
            authorId: 0,
            title: `Project ${i}`,
            description: 'Bench project',
            requestedMinor: String(100000 * i),
            budgetLineCodes: ['X'],
            proposalStatus: 'on_ballot',
            ballotNumber: i,
          },
        });
        projects.push(proposal.documentId);
      }
      await advanceRound(strapi, round.documentId, 'voting');
      return { roundId: round.documentId as string, projects };
    };
    const open = await createVotingRound('Bench round', {});
    const youth = await createVotingRound('Bench youth round', { residentsOnly: true, minAge: 14, maxAge: 29, ageOnDate: '2026-05-01' });
    const projects = open.projects;

    const ids = await createBenchUsers(strapi, VOTERS);
    // Every voter is a resident aged 16 to 28 on the youth round's date.
    await strapi.db.connection('participation_participant_profiles').insert(
      ids.map((userId, i) => ({
        document_id: `bench-profile-${userId}`,
        user_id: userId,
        residence_municipality_code: 'BEN',
        birth_date: `${1998 + (i % 13)}-03-15`,
        verified_in: '[]',
      }))
    );
    const jwt = strapi.plugin('users-permissions').service('jwt');
    const ballotsIn = ({ roundId, projects: onBallot }: { roundId: string; projects: string[] }) =>
      ids.map((id, i) => ({
        path: `/api/participation/rounds/${roundId}/ballot`,
        headers: { authorization: `Bearer ${jwt.issue({ id })}` },
        body: { choices: { projects: [onBallot[i % 10], onBallot[(i + 3) % 10]] } },
      }));
    const ballots = ballotsIn(open);

    // The baseline is measured twice: anonymous, and signed in with the voters' own tokens (through
    // users-permissions' strategy), since every ballot is signed in too.
    for (const type of ['public', 'authenticated']) {
      const grantee = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } });
      await strapi.db
        .query('plugin::users-permissions.permission')
        .create({ data: { action: `${BASELINE_UID}.create`, role: grantee.id } });
    }
    const baselineBody = { data: { label: 'baseline', payload: { projects: projects.slice(0, 2) } } };
    const anonymous = await runLoad(app.baseUrl, [
      { path: BASELINE_PATH, headers: {}, body: baselineBody },
    ]);
    console.log(JSON.stringify({ run: 'baseline, anonymous: POST /api/benchmark-baselines', ...anonymous }));
    const baseline = await runLoad(
      app.baseUrl,
      ballots.map(({ headers }) => ({ path: BASELINE_PATH, headers, body: baselineBody })),
    );
    console.log(JSON.stringify({ run: 'baseline, signed in: POST /api/benchmark-baselines', ...baseline }));
    const casting = await runLoad(app.baseUrl, ballots);
    console.log(JSON.stringify({ run: 'ballots: POST /api/participation/rounds/:id/ballot', ...casting }));
    const youthCasting = await runLoad(app.baseUrl, ballotsIn(youth));
    console.log(JSON.stringify({ run: 'ballots in a youth round (residents aged 14-29)', ...youthCasting }));
    const stored = await strapi.db.connection('participation_ballots').count({ n: '*' }).first();
    console.log(
      JSON.stringify({
        concurrency: CONCURRENCY,
        seconds: SECONDS,
        ballots_per_s: casting.per_s,
        baseline_per_s: baseline.per_s,
        p50_ms: casting.p50_ms,
        p99_ms: casting.p99_ms,
        baseline_p50_ms: baseline.p50_ms,
        baseline_p99_ms: baseline.p99_ms,
        anonymous_baseline_per_s: anonymous.per_s,
        youth_round_ballots_per_s: youthCasting.per_s,
        youth_round_p50_ms: youthCasting.p50_ms,
        youth_round_p99_ms: youthCasting.p99_ms,
        ballots_stored: Number(stored?.n),
        voters: VOTERS,
      }),
    );
  }, { beforeLoad: addBaselineApi });

runMain(main);
