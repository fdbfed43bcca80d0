/**
 * `npm run bench:running-totals`: what running totals cost on PostgreSQL now that the database keeps them
 * as counters (database/running-totals.ts), in a round of 300 proposals at 1,000 and at 100,000 ballots:
 * the time of one read (beside the recount from every ballot that each update used to do), and what the
 * counters add to each ballot written (ballots cast through the ballot service by one voter, then by 32 at
 * once, with the counting triggers on and off). The bulk of the ballots is written straight into the table, through
 * the same triggers. Run with esbuild-register: Strapi's dependencies do not load under tsx's ESM hooks.
 * Casting is timed three times each way, alternating, and the medians kept (the machine is shared).
 * Last line: { "<ballots>": { read_ms, recount_ms, one_voter_extra_ms, voters_32_extra_ms, … }, … }.
 */
import { randomBytes } from 'crypto';
import { runMain, withPostgresApp } from './postgres-app';
import { advanceRound } from '../tests/harness/fixtures';
import { listedProjects, type Ballot } from '../plugins/participation/server/src/domain/voting/ballot-kinds';
import { backfillRunningTotals } from '../plugins/participation/server/src/database/running-totals';

const PROPOSALS = 300;
const SIZES = [1000, 100_000];
const READS = 200;
const RECOUNTS = 5;
const CASTS = 1500;
const ONE_VOTER_CASTS = 300;
/** Casting with and without counters alternates this many times; the medians are reported. */
const REPEATS = 3;
const CONCURRENCY = 32;
const COUNTING_TRIGGERS = ['participation_running_totals_count_insert', 'participation_running_totals_count_update'];

/** The five proposals ballot `i` lists: spread over the ballot, so that concurrent ballots share counters. */
const choicesFor = (projects: string[], i: number) => ({ projects: [0, 1, 2, 3, 4].map((k) => projects[(i * 7 + k * 61) % projects.length]) });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const timeEach = async (times: number, run: () => Promise<unknown>) => {
  const durations: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = process.hrtime.bigint();
    await run();
    durations.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return Number(median(durations).toFixed(2));
};

const main = () =>
  withPostgresApp({}, async ({ strapi }) => {
    const knex = strapi.db.connection;
    const ballotService = strapi.plugin('participation').service('ballot');
    await strapi.documents('plugin::participation.municipality').create({ data: { code: 'BEN', name: 'Bench', country: 'AL', defaultLocale: 'sq', currency: 'ALL' } });
    const round = await strapi.documents('plugin::participation.round').create({
      data: {
        municipalityCode: 'BEN',
        fiscalYear: 2026,
        title: 'Bench round with running totals',
        totalBudgetMinor: '100000000',
        ballotRules: { kind: 'approval', maxProjects: 5, countingRule: 'greedy_cost', tieBreaking: 'id' },
        eligibility: { residentsOnly: false, verifiedParticipantsOnly: false },
        showRunningTotals: true,
      },
    });
    const roundId = round.documentId as string;
    const projects: string[] = [];
    for (let i = 1; i <= PROPOSALS; i += 1) {
      const proposal = await strapi.documents('plugin::participation.proposal').create({
        data: { roundDocumentId: roundId, municipalityCode: 'BEN', authorId: 0, title: `Project ${i}`, description: 'Bench project', requestedMinor: '1000', budgetLineCodes: ['X'], proposalStatus: 'on_ballot', ballotNumber: i },
      });
      projects.push(proposal.documentId);
    }
    await advanceRound(strapi, roundId, 'voting');

    let written = 0;
    /** Ballots straight into the table (the counting triggers fire as for any ballot), up to `size`. */
    const fillTo = async (size: number) => {
      while (written < size) {
        const rows = Array.from({ length: Math.min(1000, size - written) }, (_, k) => ({
          document_id: randomBytes(12).toString('hex'),
          round_document_id: roundId,
          district_code: '',
          voter_key: randomBytes(16).toString('hex'),
          receipt_code: randomBytes(8).toString('hex'),
          choices: JSON.stringify({ kind: 'approval', ...choicesFor(projects, written + k) }),
          channel: 'online',
        }));
        await knex('participation_ballots').insert(rows);
        written += rows.length;
      }
    };

    /** What each update used to do: read every ballot of the round and count. */
    const recount = async () => {
      const totals: Record<string, number> = {};
      for (const { ballot } of await ballotService.ballotsOf(roundId)) {
        for (const id of listedProjects(ballot as Ballot)) totals[id] = (totals[id] ?? 0) + 1;
      }
      return totals;
    };

    let voter = 0;
    /**
     * Milliseconds of wall time per ballot, `casts` new ballots cast through the service by `voters` at
     * once: with one voter, the time each ballot takes; with many, the inverse of their throughput.
     */
    const castMsPerBallot = async (voters: number, casts = CASTS) => {
      const first = voter;
      voter += casts;
      written += casts;
      let next = first;
      const start = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: voters }, async () => {
          while (next < first + casts) {
            const i = next++;
            await ballotService.cast({ roundDocumentId: roundId, participant: { participantKey: `bench:${i}`, userId: null }, channel: 'online', choices: choicesFor(projects, i) });
          }
        }),
      );
      return Number((Number(process.hrtime.bigint() - start) / 1e6 / casts).toFixed(3));
    };
    const setCounting = (on: boolean) =>
      Promise.all(COUNTING_TRIGGERS.map((trigger) => knex.raw(`ALTER TABLE participation_ballots ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ??`, [trigger])));

    const figures: Record<string, Record<string, number>> = {};
    await castMsPerBallot(CONCURRENCY, 300); // warm-up: the round's settings cached, the statements planned
    /** Medians of casting with and without the counting triggers, alternating. */
    const castWithAndWithout = async (voters: number, casts: number) => {
      const withCounters: number[] = [];
      const without: number[] = [];
      for (let repeat = 0; repeat < REPEATS; repeat += 1) {
        withCounters.push(await castMsPerBallot(voters, casts));
        await setCounting(false);
        without.push(await castMsPerBallot(voters, casts));
        await setCounting(true);
      }
      const [withMs, withoutMs] = [median(withCounters), median(without)];
      return { withMs, withoutMs, extraMs: Number((withMs - withoutMs).toFixed(3)) };
    };
    for (const size of SIZES) {
      await fillTo(size);
      await timeEach(20, () => ballotService.runningTotals(roundId)); // warm-up
      const read_ms = await timeEach(READS, () => ballotService.runningTotals(roundId));
      const recount_ms = await timeEach(RECOUNTS, recount);
      const oneVoter = await castWithAndWithout(1, ONE_VOTER_CASTS);
      const manyVoters = await castWithAndWithout(CONCURRENCY, CASTS);
      // The ballots cast without counters are counted again, so the totals are the recount's once more.
      await backfillRunningTotals(knex);
      const totals = await ballotService.runningTotals(roundId);
      const expected = await recount();
      if (JSON.stringify(Object.entries(totals).sort()) !== JSON.stringify(Object.entries(expected).sort())) throw new Error('running totals differ from the recount');
      figures[String(size)] = {
        ballots_at_the_end: written,
        read_ms,
        recount_ms,
        one_voter_cast_ms: oneVoter.withMs,
        one_voter_cast_ms_without_counters: oneVoter.withoutMs,
        one_voter_extra_ms: oneVoter.extraMs,
        voters_32_ms_per_ballot: manyVoters.withMs,
        voters_32_ms_per_ballot_without_counters: manyVoters.withoutMs,
        voters_32_extra_ms: manyVoters.extraMs,
      };
      console.log(JSON.stringify({ run: `${size} ballots`, ...figures[String(size)] }));
    }
    console.log(JSON.stringify(figures));
  });

runMain(main);
