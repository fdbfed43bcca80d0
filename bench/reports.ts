/**
 * `npm run bench:reports`: programme reporting and open data on PostgreSQL (issue #16, "Speed").
 * Municipality R00 has 2,000 budget lines, 20,000 proposals, 10 years of decisions (20,000 log entries)
 * and a round with 50,000 voters of whom 30,000 declared demographics; R01..R19 each have a round of
 * 2,000 voters. Measured warm, by a load generator in its own process (bench/http-load.ts): the marker
 * report, the round's participation statistics and the programme indicators over the 20 municipalities
 * (p99); then the proposals and decisions CSV exports downloaded one at a time, in MB/s, once cold and
 * then twice each warm, with the server's peak RSS sampled while they stream (the app runs in this process).
 * Last line: { marker_report_p99_ms, round_statistics_p99_ms, programme_indicators_p99_ms, csv_mb_per_s,
 * csv_peak_rss_mb, … }.
 */
import http from 'http';
import os from 'os';
import type { Core } from '@strapi/strapi';
import { advanceRound } from '../tests/harness/fixtures';
import { newDocumentColumns } from '../plugins/participation/server/src/utils/document-row';
import { columnOf, tableOf } from '../plugins/participation/server/src/tables/metadata';
import { runMain, withPostgresApp } from './postgres-app';
import { runLoad } from './run-load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = 4;
const MUNICIPALITIES = 20;
const LINES = 2000;
const PROPOSALS = 20_000;
const DECISIONS = 20_000;
const VOTERS = 50_000;
const DECLARED = 30_000;
const OTHER_VOTERS = 2000;
const YEAR = 2026;

const GENDERS = ['woman', 'man', 'woman', 'man', 'self-described', 'prefer-not-to-say'];
const AGES = ['under-18', '18-29', '30-44', '45-64', '65-plus', '18-29'];
const MINORITIES = ['none', 'none', 'none', 'roma', 'egyptian', 'other-minority', 'prefer-not-to-say'];
const difficulty = (i: number) => (i % 9 === 0 ? 'a-lot-of-difficulty' : 'no-difficulty');
const declaration = (i: number) => ({
  gender: GENDERS[i % GENDERS.length],
  ...(i % 23 === 0 ? {} : { ageBand: AGES[(i * 7) % AGES.length] }),
  washingtonGroup: { seeing: difficulty(i), hearing: 'no-difficulty', walking: difficulty(i + 3), remembering: 'no-difficulty', selfCare: 'no-difficulty', communicating: 'no-difficulty' },
  minorityGroup: MINORITIES[(i * 3) % MINORITIES.length],
  consent: true,
});

/** Rows written straight to a content type's table, by attribute name, in batches. */
const insertRows = async (strapi: Core.Strapi, uid: string, rows: Array<Record<string, unknown>>) => {
  const column = (attribute: string) => columnOf(strapi, uid, attribute);
  const table = tableOf(strapi, uid);
  for (let i = 0; i < rows.length; i += 1000) {
    await strapi.db.connection(table).insert(
      rows.slice(i, i + 1000).map((row) => ({ ...newDocumentColumns(), ...Object.fromEntries(Object.entries(row).map(([attribute, value]) => [column(attribute), value])) }))
    );
  }
};

const voterRows = (roundDocumentId: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    round_document_id: roundDocumentId,
    district_code: '',
    district_scope: '*',
    participant_key: `user:${i + 1}`,
    voter_id: i + 1,
    channel: i % 10 === 0 ? 'paper' : i % 7 === 0 ? 'assisted' : 'online',
    last_cast_at: new Date(),
  }));

/** Downloads a file as fast as the server sends it; the size in bytes and the seconds it took. */
const download = (url: string) =>
  new Promise<{ bytes: number; seconds: number; status: number }>((resolve, reject) => {
    const started = process.hrtime.bigint();
    http
      .get(url, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve({ bytes, seconds: Number(process.hrtime.bigint() - started) / 1e9, status: response.statusCode ?? 0 }));
      })
      .on('error', reject);
  });

const main = () =>
  withPostgresApp({ NODE_ENV: 'production', PARTICIPATION_CHECK_RESPONSES: 'false' }, async (app) => {
    const { strapi } = app;
    const knex = strapi.db.connection;
    const figures: Record<string, unknown> = { load_average: os.loadavg().map((load) => Number(load.toFixed(2))), seconds: SECONDS, concurrency: CONCURRENCY };
    const codes = Array.from({ length: MUNICIPALITIES }, (_, i) => `R${String(i).padStart(2, '0')}`);
    for (const code of codes) await strapi.documents('plugin::participation.municipality').create({ data: { code, name: `Bashkia ${code}`, country: 'AL', defaultLocale: 'sq', currency: 'ALL' } });
    const [home] = codes;

    await insertRows(
      strapi,
      'plugin::participation.budget-line',
      Array.from({ length: LINES }, (_, i) => ({
        municipalityCode: home, fiscalYear: YEAR, code: `L-${String(i).padStart(4, '0')}`, name: `Zëri i buxhetit ${i}: rrugë, shkolla dhe ndriçim`,
        approvedMinor: String(100000 + i * 37), revisedMinor: String(100000 + i * 41), committedMinor: String(i * 13), spentMinor: String(i * 11),
        genderMarker: ['none', 'closes_gender_gaps', 'gender_equality_main_objective', 'women_and_girls_only'][i % 4], youthMarker: ['none', 'significant', 'principal'][i % 3], sdgTargets: '["5.c"]',
      }))
    );

    // The rounds: R00's of 50,000 voters, the others' of 2,000, voting then closed.
    const roundOf = async (code: string, title: string, voters: number, reservations: unknown[]) => {
      const round = await strapi.documents('plugin::participation.round').create({
        data: { municipalityCode: code, fiscalYear: YEAR, title, totalBudgetMinor: '100000000', reservations, ballotRules: { kind: 'approval', countingRule: 'greedy_cost', tieBreaking: 'id' }, eligibility: { residentsOnly: false, verifiedParticipantsOnly: false } } as never,
      });
      await advanceRound(strapi, round.documentId, 'voting');
      const rows = voterRows(round.documentId, voters);
      for (let i = 0; i < rows.length; i += 2000) await knex('participation_round_participations').insert(rows.slice(i, i + 2000).map((row) => ({ ...newDocumentColumns(), ...row })));
      await advanceRound(strapi, round.documentId, 'counting');
      return round.documentId as string;
    };
    const bigRound = await roundOf(home, 'Buxheti rinor 2026', VOTERS, [{ marker: 'youth', share: '0.3' }]);
    for (const [index, code] of codes.slice(1).entries()) await roundOf(code, `Buxheti ${code}`, OTHER_VOTERS, index % 2 === 0 ? [{ marker: 'gender', share: '0.3' }] : []);
    await insertRows(
      strapi,
      'plugin::participation.participant-profile',
      Array.from({ length: DECLARED }, (_, i) => ({ userId: i + 1, demographics: JSON.stringify(declaration(i)), demographicsConsentAt: new Date(), verifiedIn: '[]' }))
    );

    // Proposals in a round still taking them, and 10 years of decisions about them.
    const proposalRound = await strapi.documents('plugin::participation.round').create({
      data: { municipalityCode: home, fiscalYear: YEAR + 1, title: 'Propozime', totalBudgetMinor: '100000000', ballotRules: { kind: 'approval', countingRule: 'greedy_cost', tieBreaking: 'id' }, eligibility: { residentsOnly: false, verifiedParticipantsOnly: false } } as never,
    });
    await advanceRound(strapi, proposalRound.documentId, 'proposals');
    await insertRows(
      strapi,
      'plugin::participation.proposal',
      Array.from({ length: PROPOSALS }, (_, i) => ({
        roundDocumentId: proposalRound.documentId, municipalityCode: home, authorId: i + 1, title: `Propozimi ${i}: Ndriçim në rrugën e shkollës në lagjen ${i % 50}`,
        description: 'Një propozim për bench.', requestedMinor: String(1000000 + i), budgetLineCodes: '["L-0001"]', targetGroups: '["youth","women"]',
        genderMarker: 'none', youthMarker: 'significant', proposalStatus: 'submitted',
      }))
    );
    const start = Date.UTC(YEAR - 9, 0, 1);
    const step = (Date.UTC(YEAR + 1, 0, 1) - start) / DECISIONS;
    const decisions = Array.from({ length: DECISIONS }, (_, i) => {
      const decision = { kind: 'approve', subject: { kind: 'proposal', documentId: `p${i}` }, councilDecisionReference: `VKB nr. ${i}`, decisionDate: new Date(start + i * step).toISOString().slice(0, 10), rationale: 'Miratohet pas shqyrtimit në këshillin bashkiak, me votim të hapur.', correctsEntry: null };
      return {
        ...newDocumentColumns(),
        municipality_code: home, sequence: i + 1, hash_rule: 2, previous_hash: 'a'.repeat(64), entry_hash: 'b'.repeat(64), entry_published_at: new Date(start + i * step).toISOString(),
        decision_json: JSON.stringify(decision), decision_kind: 'approve', subject_kind: 'proposal', subject_ref: `p${i}`,
      };
    });
    for (let i = 0; i < decisions.length; i += 1000) await knex(tableOf(strapi, 'plugin::participation.decision-log-entry')).insert(decisions.slice(i, i + 1000));

    // The first read of a closed round computes and stores its tables; every later read is measured warm.
    const api = '/api/participation';
    let started = Date.now();
    const first = await download(`${app.baseUrl}${api}/rounds/${bigRound}/participation-statistics`);
    figures.round_statistics_first_ms = Date.now() - started;
    if (first.status !== 200) throw new Error(`participation statistics answered ${first.status}`);
    const programme = `${api}/programme-indicators?municipalities=${codes.join(',')}&fromYear=${YEAR}&toYear=${YEAR}`;
    started = Date.now();
    await download(app.baseUrl + programme);
    figures.programme_indicators_first_ms = Date.now() - started;

    const measure = async (name: string, path: string) => {
      const load = await runLoad({ url: app.baseUrl, method: 'GET', concurrency: CONCURRENCY, seconds: SECONDS, requests: [{ path, headers: {} }] });
      console.log(JSON.stringify({ run: name, path, ...load }));
      if (Object.keys(load.statuses).some((status) => status !== '200')) throw new Error(`${path}: ${JSON.stringify(load.statuses)}`);
      return load;
    };
    figures.marker_report_p99_ms = (await measure('money by marker, 2,000 lines', `${api}/municipalities/${home}/money-by-marker?fiscalYear=${YEAR}`)).p99_ms;
    figures.round_statistics_p99_ms = (await measure('round participation statistics, 50,000 voters', `${api}/rounds/${bigRound}/participation-statistics?gender=woman`)).p99_ms;
    figures.programme_indicators_p99_ms = (await measure('programme indicators, 20 municipalities', programme)).p99_ms;

    // The CSV exports, one download at a time, the server's RSS sampled meanwhile: each first once cold
    // (its code not yet optimised by V8; reported apart), then measured warm like the reports above.
    for (const dataset of ['proposals', 'decisions']) {
      const file = await download(`${app.baseUrl}${api}/municipalities/${home}/open-data/${dataset}.csv`);
      figures[`csv_cold_${dataset}_mb_per_s`] = Number((file.bytes / 1e6 / file.seconds).toFixed(1));
    }
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    let bytes = 0;
    let seconds = 0;
    for (const dataset of ['proposals', 'decisions', 'proposals', 'decisions']) {
      const file = await download(`${app.baseUrl}${api}/municipalities/${home}/open-data/${dataset}.csv`);
      if (file.status !== 200) throw new Error(`${dataset}.csv answered ${file.status}`);
      console.log(JSON.stringify({ run: `${dataset}.csv`, mb: Number((file.bytes / 1e6).toFixed(2)), mb_per_s: Number((file.bytes / 1e6 / file.seconds).toFixed(1)) }));
      bytes += file.bytes;
      seconds += file.seconds;
    }
    clearInterval(sampler);
    figures.csv_mb_per_s = Number((bytes / 1e6 / seconds).toFixed(1));
    figures.csv_rss_before_mb = Math.round(rssBefore / 1e6);
    figures.csv_peak_rss_mb = Math.round(peak / 1e6);
    console.log(JSON.stringify(figures));
  });

runMain(main);
